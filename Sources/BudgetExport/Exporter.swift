import BudgetCore
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import BudgetSegment
import Foundation

/// The export stage's work as a plain function: `05-export/` as a BagIt bag (RFC 8493), in
/// memory, each file named by its path inside the folder.
///
/// The payload, under `data/`:
/// - `facts.csv`, `checks.csv`, `tables.csv` (see `FactsCSV`, `ChecksCSV`, `TablesCSV`);
/// - `datapackage.json`, the Frictionless description of the CSVs, and the Table Schemas it names
///   that every report shares (`facts.schema.json`, `checks.schema.json`);
/// - `report.xml`, validated against `budget-report.xsd` while it is written (`ReportXML.write`):
///   an invalid document is a `ReportError`, never an output;
/// - `budget-report.xsd` and the `dc.xsd` it imports, so the bag carries the schema its XML follows;
/// - `render.xsl`, which `report.xml`'s `xml-stylesheet` instruction names: the bag alone renders;
/// - `source/text.txt`, the extracted text the line numbers point into.
///
/// Then the tag files (`BagTagFiles`): `bagit.txt`, `bag-info.txt`, `manifest-sha256.txt` (the one
/// fixity record of the payload) and `tagmanifest-sha256.txt`, last. The export folder is the
/// archive: nothing is written twice for archivists.
///
/// Outside the bag, in the report's folder: `report.html`, the page people read, the bytes
/// `render.xsl` gives applied to `report.xml` (`ReportHTML`), rendered in Swift from the record's
/// tree (`ReportPage`); `exportBag` returns it apart from the bag's files.
///
/// The same input and pipeline version give the same bytes.
public enum Exporter {
    /// Where upstream files live, so the bag can link to them instead of writing them again.
    public struct Sources: Sendable {
        /// The checks reconcile wrote (`04-reconcile/checks.csv`), relative to the report folder.
        public var checks: String?
        /// The extracted text (`01-extract/text.txt`), relative to the report folder.
        public var text: String?

        public init(checks: String? = nil, text: String? = nil) {
            self.checks = checks
            self.text = text
        }
    }

    public static func export(reportID: String, extract: ExtractedText, segmented: SegmentedReport, normalized: NormalizedReport,
                              reconciled: ReconcileReport, options: ExportOptions = ExportOptions(),
                              sources: Sources = Sources()) throws(ReportError) -> [OutputFile] {
        try exportBag(reportID: reportID, extract: extract, segmented: segmented, normalized: normalized, reconciled: reconciled,
                      options: options, sources: sources).files
    }

    /// The bag's files, what its payload manifest lists (the export stage's artifact), and the page
    /// (none when `reportPage` is off).
    package static func exportBag(reportID: String, extract: ExtractedText, segmented: SegmentedReport, normalized: NormalizedReport,
                                  reconciled: ReconcileReport, options: ExportOptions, sources: Sources) throws(ReportError)
        -> (files: [OutputFile], bag: ExportedBag, page: OutputFile?) {
        let bom = options.csvByteOrderMark
        var payload: [OutputFile] = []
        func add(_ path: String, _ data: Data, shared: Bool = false, sameAs: String? = nil, sha256: String? = nil) {
            payload.append(OutputFile(name: path, data: data, sameInEveryReport: shared, sameAs: sameAs, sha256: sha256))
        }
        let (facts, factCount) = FactsCSV.write(
            reportID: reportID, metadata: normalized.metadata, tables: normalized.tables, pages: segmented.pages,
            byteOrderMark: bom)
        add(FactsCSV.fileName, facts)
        // Reconcile's file has no byte-order mark; with one asked for, the export writes its own.
        // Without, the bytes reconcile wrote (or read back) are delivered with their checksum.
        if !bom, let written = reconciled.checksFile, written.reportID == reportID {
            add(ChecksCSV.fileName, written.data, sameAs: sources.checks, sha256: written.sha256)
        } else {
            add(ChecksCSV.fileName, ChecksCSV.write(reportID: reportID, checks: reconciled.checks, byteOrderMark: bom),
                sameAs: bom ? nil : sources.checks)
        }

        add(TablesCSV.fileName, TablesCSV.write(normalized.tables, byteOrderMark: bom))

        // With a page to render, the record's tree is built as it is written, for the page.
        let input = ReportXML.Input(
            reportID: reportID, extract: extract.info, normalized: normalized, reconciled: reconciled, factCount: factCount,
            segmented: segmented)
        let (xml, tree) = options.reportPage ? try ReportXML.writeWithTree(input) : (try ReportXML.write(input), nil)
        add(ReportXML.fileName, xml)
        add(ReportSchema.fileName, ReportSchema.data, shared: true, sha256: ReportSchema.sha256)
        add(DublinCoreSchema.fileName, DublinCoreSchema.data, shared: true, sha256: DublinCoreSchema.sha256)
        add(ReportHTML.stylesheetFileName, ReportHTML.stylesheet, shared: true, sha256: ReportHTML.stylesheetSHA256)
        add(ExportedBag.sourceText, Data(extract.text.utf8), sameAs: sources.text)
        do {
            add(DataPackage.fileName, try DataPackage.encode(
                reportID: reportID, metadata: normalized.metadata, tables: normalized.tables))
            for schema in try DataPackage.schemaFiles.get() { add(schema.name, schema.data, shared: true, sha256: schema.sha256) }
        } catch {
            throw ReportError(file: DataPackage.fileName, stage: "export", message: "cannot be encoded: \(error)")
        }
        payload.sort { $0.name < $1.name }

        // Each payload file is hashed once, here: the manifest and the writer share the digest.
        for index in payload.indices where payload[index].sha256 == nil { payload[index].sha256 = Checksum.sha256(payload[index].data) }
        let entries = payload.map { BagTagFiles.Payload(path: $0.name, sha256: $0.sha256!, size: $0.data.count) }
        let description = BagTagFiles.Description(
            reportId: reportID, metadata: normalized.metadata, source: extract.info.source, facts: factCount,
            checks: reconciled.checks.count)
        let tags = BagTagFiles(description: description, payload: entries)
        let files = payload.map { file in
            OutputFile(name: "\(ExportedBag.payloadFolder)/\(file.name)", data: file.data,
                       sameInEveryReport: file.sameInEveryReport, sameAs: file.sameAs, sha256: file.sha256)
        } + tags.files.map { name, data in OutputFile(name: name, data: data, sameInEveryReport: name == BagTagFiles.declaration) }
        var page: OutputFile?
        if options.reportPage {
            guard let tree else { throw ReportError(file: ReportHTML.fileName, stage: "export", message: "report.xml's tree was not built") }
            let html = ReportPage.render(tree)
            page = OutputFile(name: ReportHTML.fileName, data: html, inReportFolder: true)
        }
        return (files, ExportedBag(payload: entries, facts: factCount), page)
    }
}
