import BudgetCore
import CLibXML2
import CLibXSLT
import Foundation
import Synchronization

/// `report.html`: the page people read, what the bag's own `render.xsl` gives applied to
/// `report.xml` (`xsltproc data/render.xsl data/report.xml` from the bag alone).
///
/// Why from the record and not from the models: the record is what an archive keeps, and whoever
/// holds only the bag must get the same page, which then cannot show anything the record does
/// not hold.
///
/// The export writes it with `ReportPage`: `render.xsl`'s templates in Swift, over the record's
/// tree as `ReportXML.writeWithTree` built it while writing the bytes, serialized as libxml2
/// does, without libxslt (which was a third of the run's CPU). `render(_:)` here is the
/// reference: libxslt applying `render.xsl` to `report.xml`'s bytes. `ExportReportPageTests`
/// holds the two to the same bytes for every fixture report and for random records, so the page
/// a run writes and the page the bag renders cannot drift apart.
///
/// The page is self-contained (inline CSS, no script, no external resource) and deterministic
/// (nothing in it depends on the clock). It is written beside the stage folders, outside the bag:
/// a convenience view, not part of the archival record.
public enum ReportHTML {
    public static let fileName = "report.html"
    public static let stylesheetFileName = "render.xsl"

    /// The stylesheet's bytes, as shipped in `schema/` and exported beside `report.xml`.
    public static let stylesheet = Data(PackageResources.render_xsl)
    public static let stylesheetSHA256 = Checksum.sha256(stylesheet)

    /// The page for a `report.xml` (bytes `ReportXML.write` gave), by libxslt: the reference the
    /// run's page (`ReportPage`) is tested against, and what an archivist's `xsltproc` gives.
    public static func render(_ xml: Data) throws(ReportError) -> Data {
        try render(LibXMLDocument(parsing: xml, file: ReportXML.fileName))
    }

    /// The page for `report.xml`'s libxml2 tree, parsed from its bytes.
    private static func render(_ document: LibXMLDocument) throws(ReportError) -> Data {
        let stylesheet = try CompiledStylesheet.borrow()
        defer { CompiledStylesheet.giveBack(stylesheet) }
        guard let context = xsltNewTransformContext(stylesheet.pointer, document.pointer) else {
            throw failure("libxslt cannot create a transformation context")
        }
        defer { xsltFreeTransformContext(context) }
        _ = xsltSetCtxtSecurityPrefs(CompiledStylesheet.security, context)
        guard let result = xsltApplyStylesheetUser(stylesheet.pointer, document.pointer, nil, nil, nil, context),
              context.pointee.state == XSLT_STATE_OK else {
            throw failure("libxslt could not apply \(stylesheetFileName) to \(ReportXML.fileName)")
        }
        defer { xmlFreeDoc(result) }
        var bytes: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        guard xsltSaveResultToString(&bytes, &length, result, stylesheet.pointer) == 0 else {
            throw failure("libxslt could not serialize the page")
        }
        guard let bytes else { return Data() }
        defer { budget_etl_xml_free(bytes) }
        return Data(bytes: bytes, count: Int(length))
    }

    private static func failure(_ message: String) -> ReportError {
        ReportError(file: fileName, stage: "export", message: message,
                    hint: "budget-etl's own stylesheet failed on its own record; report this with the input file")
    }
}

/// `render.xsl` compiled. libxslt does not promise that one compiled stylesheet may transform on
/// several threads at once, so each transformation borrows one from a pool and gives it back:
/// at most one per worker thread is ever compiled.
final class CompiledStylesheet: @unchecked Sendable {
    let pointer: xsltStylesheetPtr

    private static let pool = Mutex<[CompiledStylesheet]>([])

    /// What a transformation may do beyond reading its document: nothing (no files written, no
    /// folders made, nothing read or written over the network). The stylesheet needs none of it.
    nonisolated(unsafe) static let security: xsltSecurityPrefsPtr? = {
        LibXMLSetup.ensure()
        guard let prefs = xsltNewSecurityPrefs() else { return nil }
        for option in [XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY, XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK] {
            xsltSetSecurityPrefs(prefs, option, xsltSecurityForbid)
        }
        return prefs
    }()

    static func borrow() throws(ReportError) -> CompiledStylesheet {
        if let ready = pool.withLock({ $0.popLast() }) { return ready }
        return try CompiledStylesheet()
    }

    static func giveBack(_ stylesheet: CompiledStylesheet) {
        pool.withLock { $0.append(stylesheet) }
    }

    private init() throws(ReportError) {
        LibXMLSetup.ensure()
        let file = ReportHTML.stylesheetFileName
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = ReportHTML.stylesheet.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), file, "UTF-8", options)
        }
        guard let document else {
            throw ReportError(file: file, stage: "export", message: "the compiled-in stylesheet is not well-formed XML")
        }
        // The stylesheet owns its document from here on, and frees it with itself.
        guard let stylesheet = xsltParseStylesheetDoc(document) else {
            throw ReportError(file: file, stage: "export", message: "the compiled-in stylesheet does not compile")
        }
        guard stylesheet.pointee.errors == 0 else {
            xsltFreeStylesheet(stylesheet)
            throw ReportError(file: file, stage: "export", message: "the compiled-in stylesheet has errors")
        }
        pointer = stylesheet
    }

    deinit { xsltFreeStylesheet(pointer) }
}
