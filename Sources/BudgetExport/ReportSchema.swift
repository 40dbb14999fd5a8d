import BudgetCore
import CLibXML2
import Foundation

/// `budget-report.xsd` and validation against it. The schema is compiled once per process and
/// shared: a parsed `xmlSchema` is read-only, so threads may validate with it at once, each with
/// its own validation context (libxml2's documented pattern). Messages are collected through the
/// per-context error callbacks, never printed to stderr.
public enum ReportSchema {
    public static let namespace = "urn:budget-etl:report"
    /// The `schemaVersion` attribute of every document; bumped with an incompatible change.
    public static let version = "3"
    public static let fileName = "budget-report.xsd"

    /// The schema's bytes, as shipped in `schema/` and exported beside `report.xml`.
    public static let data = Data(PackageResources.budget_report_xsd)
    /// `data`'s SHA-256, worked out once: every report's bag lists it.
    public static let sha256 = Checksum.sha256(data)

    /// Initializes libxml2 and compiles the schema now. Call it once at start-up, before worker
    /// threads start (libxml2 wants its initialization before any thread uses it); without the
    /// call, the first export does it. Throws if the compiled-in schema does not compile.
    public static func prepare() throws(ReportError) {
        _ = try CompiledSchema.shared.get()
        _ = try CompiledSchema.streaming.get()
    }

    /// Throws a `ReportError` naming the first problems (with their lines) when `document` is
    /// not well-formed or not valid against the schema.
    public static func validate(_ document: Data, file: String = ReportXML.fileName) throws(ReportError) {
        let schema = try CompiledSchema.shared.get()
        let parsed = try LibXMLDocument(parsing: document, file: file)
        let messages = LibXMLMessages()
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            throw ReportError(file: file, stage: "export", message: "libxml2 cannot create a schema validation context")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let result = withExtendedLifetime(messages) {
            xmlSchemaSetValidStructuredErrors(context, { userData, error in
                guard let userData else { return }
                Unmanaged<LibXMLMessages>.fromOpaque(userData).takeUnretainedValue().record(error)
            }, Unmanaged.passUnretained(messages).toOpaque())
            return xmlSchemaValidateDoc(context, parsed.pointer)
        }
        guard result != 0 else { return }
        throw ReportError(
            file: file, line: messages.firstLine, stage: "export",
            message: "does not validate against \(fileName): " + messages.summary(or: "libxml2 error \(result)"),
            hint: "budget-etl wrote a document its own schema refuses, so it was not published; report this with the input file")
    }
}

/// libxml2's process-wide set-up, done once before the library's first use: `xmlInitParser`, and
/// an external entity loader that never goes to the network (a document must not make the
/// validator fetch anything) and answers the schema's one import, `dc.xsd`, from memory
/// (`DublinCoreSchema.loader`).
package enum LibXMLSetup {
    private static let done: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(DublinCoreSchema.loader)
    }()

    package static func ensure() { _ = done }
}

/// The compiled schema, made on first use and shared by every thread.
package final class CompiledSchema: @unchecked Sendable {
    package let pointer: xmlSchemaPtr
    /// Whether `TableIDConstraint` was left out, for `SchemaStreamValidator` to check itself.
    package let leavesTableIDsToValidator: Bool
    /// The parsed schema document a streaming copy is compiled from: libxml2's compiled schema
    /// may point into it (annotations), so it lives as long as the schema.
    private let document: xmlDocPtr?

    /// `budget-report.xsd` as shipped: what `ReportSchema.validate` checks documents against.
    package static let shared: Result<CompiledSchema, ReportError> = Result { () throws(ReportError) in
        try CompiledSchema(forStreaming: false)
    }

    /// The copy `XMLStreamWriter` validates against while writing: the same schema less the
    /// table-id constraint, which the validator checks itself (see `TableIDConstraint`).
    package static let streaming: Result<CompiledSchema, ReportError> = Result { () throws(ReportError) in
        try CompiledSchema(forStreaming: true)
    }

    private init(forStreaming: Bool) throws(ReportError) {
        LibXMLSetup.ensure()
        let text = PackageResources.budget_report_xsd.map { CChar(bitPattern: $0) } + [0]
        let messages = LibXMLMessages()
        var document: xmlDocPtr?
        var removed = false
        let schema: xmlSchemaPtr? = text.withUnsafeBufferPointer { buffer in
            let context: xmlSchemaParserCtxtPtr?
            if forStreaming {
                // No URL: the import of dc.xsd is then asked for by that name, as from memory.
                document = xmlReadMemory(buffer.baseAddress, Int32(buffer.count - 1), nil, nil, Int32(XML_PARSE_NONET.rawValue))
                guard let document else { return nil }
                removed = TableIDConstraint.remove(from: document)
                context = xmlSchemaNewDocParserCtxt(document)
            } else {
                context = xmlSchemaNewMemParserCtxt(buffer.baseAddress, Int32(buffer.count - 1))
            }
            guard let context else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            return withExtendedLifetime(messages) {
                xmlSchemaSetParserStructuredErrors(context, { userData, error in
                    guard let userData else { return }
                    Unmanaged<LibXMLMessages>.fromOpaque(userData).takeUnretainedValue().record(error)
                }, Unmanaged.passUnretained(messages).toOpaque())
                return xmlSchemaParse(context)
            }
        }
        guard let schema else {
            if let document { xmlFreeDoc(document) }
            throw ReportError(file: ReportSchema.fileName, line: messages.firstLine, stage: "export",
                              message: "the compiled-in schema does not compile: " + messages.summary(or: "unknown libxml2 error"))
        }
        pointer = schema
        leavesTableIDsToValidator = removed
        self.document = document
    }

    deinit {
        xmlSchemaFree(pointer)
        if let document { xmlFreeDoc(document) }
    }
}

/// A parsed XML document, freed with its owner. Parsed without network access and without
/// loading external entities or DTDs, with errors kept rather than printed.
package final class LibXMLDocument {
    package let pointer: xmlDocPtr

    package init(parsing data: Data, file: String) throws(ReportError) {
        LibXMLSetup.ensure()
        guard let context = xmlNewParserCtxt() else {
            throw ReportError(file: file, stage: "export", message: "libxml2 cannot create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { bytes in
            xmlCtxtReadMemory(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                              file, "UTF-8", options)
        }
        guard let document else {
            let messages = LibXMLMessages()
            messages.record(xmlCtxtGetLastError(context))
            throw ReportError(file: file, line: messages.firstLine, stage: "export",
                              message: "is not well-formed XML: " + messages.summary(or: "libxml2 cannot parse it"))
        }
        pointer = document
    }

    deinit { xmlFreeDoc(pointer) }
}

/// Messages libxml2 reports through a structured error callback, with their lines.
package final class LibXMLMessages {
    private(set) var messages: [(line: Int, text: String)] = []

    package func record(_ error: UnsafePointer<xmlError>?) {
        guard let error = error?.pointee else { return }
        let text = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
        messages.append((Int(error.line), text))
    }

    package func record(_ error: UnsafeMutablePointer<xmlError>?) {
        record(UnsafePointer(error))
    }

    package var firstLine: Int? { messages.first.map(\.line).flatMap { $0 > 0 ? $0 : nil } }

    /// The first few messages, each with its line, then how many more there were.
    package func summary(or fallback: String) -> String {
        guard !messages.isEmpty else { return fallback }
        let shown = messages.prefix(5).map { $0.line > 0 ? "line \($0.line): \($0.text)" : $0.text }
        let more = messages.count > shown.count ? "; and \(messages.count - shown.count) more" : ""
        return shown.joined(separator: "; ") + more
    }
}
