import BudgetCore
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import BudgetSegment
import Foundation

/// `report.xml`, the archival record: Dublin Core description (in the Dublin Core namespace,
/// `DublinCoreSchema`), report metadata, every table (columns with header paths; rows with code,
/// level, parent and item; cells with printed text and exact value), the narrative's headings and
/// paragraphs and the figures they state with their verdicts, the checks (per rule, and each that
/// did not pass with where its lines are), what the contents promised, what normalizing could not
/// read, the accounting of every line, and the provenance of the whole. The project's namespace
/// (`ReportSchema.namespace`) for all but Dublin Core, a `schemaVersion` attribute, valid against
/// `budget-report.xsd`; an `xml-stylesheet` instruction names the bag's `render.xsl`, so the bag
/// alone renders to the page the pipeline writes as `report.html`.
///
/// Nothing in it depends on the clock or on the libxml2 version, so the same input and pipeline
/// version give the same bytes; times live in the pipeline's `manifest.json`.
public enum ReportXML {
    public static let fileName = "report.xml"

    package struct Input {
        package var reportID: String
        package var extract: ExtractInfo
        package var normalized: NormalizedReport
        package var reconciled: ReconcileReport
        package var factCount: Int
        /// The narrative, the accounting of lines and the page starts.
        package var segmented: SegmentedReport
    }

    /// The document's bytes, validated against `budget-report.xsd` as they were written: an
    /// invalid document is a `ReportError`, never bytes (see `SchemaStreamValidator`).
    package static func write(_ input: Input) throws(ReportError) -> Data {
        try write(input, validatingAgainst: try CompiledSchema.streaming.get())
    }

    /// The document's bytes, validated while written when a schema is given (tests compare
    /// that verdict with a parse of the bytes written without one).
    package static func write(_ input: Input, validatingAgainst schema: CompiledSchema?) throws(ReportError) -> Data {
        try write(input, validatingAgainst: schema, buildingTree: false).bytes
    }

    /// The validated bytes and, for the page, the document's tree built while they were written
    /// (`ReportTreeBuilder`): the tree a parse of the bytes gives, without the parse.
    package static func writeWithTree(_ input: Input) throws(ReportError) -> (bytes: Data, tree: ReportElement?) {
        try write(input, validatingAgainst: try CompiledSchema.streaming.get(), buildingTree: true)
    }

    private static func write(_ input: Input, validatingAgainst schema: CompiledSchema?, buildingTree: Bool) throws(ReportError)
        -> (bytes: Data, tree: ReportElement?) {
        let xml = try XMLStreamWriter(validatingAgainst: schema, buildingTree: buildingTree)
        try xml.startDocument()
        try xml.processingInstruction("xml-stylesheet", "type=\"text/xsl\" href=\"\(ReportHTML.stylesheetFileName)\"")
        try xml.startRoot("budgetReport", namespace: ReportSchema.namespace)
        try xml.declare(prefix: DublinCoreSchema.prefix, namespace: DublinCoreSchema.namespace)
        try xml.attribute("schemaVersion", ReportSchema.version)
        try xml.attribute("reportId", input.reportID)
        try writeDublinCore(input, xml)
        try writeMetadata(input, xml)
        let pages = input.segmented.pages
        try ReportXMLTables.write(input.normalized.tables, pages: pages, xml)
        try ReportXMLNarrative.write(input.segmented.narrative, xml)
        try ReportXMLClaims.write(input.normalized.claims, checks: input.reconciled.checks, pages: pages, xml)
        try ReportXMLChecks.write(input.reconciled, places: LinePlaces(input.normalized, narrative: input.segmented.narrative),
                                  pages: pages, xml)
        try writeContents(input.normalized, xml)
        try writeDiagnostics(input.normalized.diagnostics, xml)
        try ReportXMLNarrative.writeAccounting(input.segmented, xml)
        try ReportXMLProvenance.write(input, replacedCharacters: xml.replacedCharacters, xml)
        try xml.end()
        let bytes = try xml.finish()
        return (bytes, xml.finishedTree())
    }

    /// The DCMI elements an archive catalogues by, in the Dublin Core namespace (`dc:title` …),
    /// where harvesters look for them, inside this document's `<dublinCore>`.
    private static func writeDublinCore(_ input: Input, _ xml: XMLStreamWriter) throws(ReportError) {
        let metadata = input.normalized.metadata
        func dc(_ name: String, _ value: String?) throws(ReportError) {
            guard let value, !value.isEmpty else { return }
            try xml.start(name, prefix: DublinCoreSchema.prefix)
            try xml.text(value)
            try xml.end()
        }
        try xml.start("dublinCore")
        try dc("title", metadata.title ?? input.extract.source.file)
        try dc("identifier", input.reportID)
        try dc("publisher", metadata.unitName)
        try dc("date", metadata.fiscalYear.map { String($0) })
        try dc("coverage", metadata.fiscalYear.map { String($0) })
        try dc("type", "Dataset")
        try dc("format", "application/xml")
        try dc("language", "zh")
        try dc("source", input.extract.source.file)
        try xml.end()
    }

    private static func writeMetadata(_ input: Input, _ xml: XMLStreamWriter) throws(ReportError) {
        let metadata = input.normalized.metadata
        let extract = input.extract
        try xml.start("metadata")
        try xml.element("unit", metadata.unitName)
        try xml.element("fiscalYear", metadata.fiscalYear.map { String($0) })
        try xml.element("kind", metadata.kind?.rawValue)
        try xml.element("amountUnit", metadata.amountUnit)
        if let units = metadata.units, !units.isEmpty {
            // A department's report: the units it consolidates, as its 机构设置 lists them.
            try xml.start("units")
            try xml.attribute("count", units.count)
            for unit in units { try xml.element("unit", required: unit) }
            try xml.end()
        }
        try xml.start("source")
        try xml.attribute("file", extract.source.file)
        try xml.attribute("size", extract.source.size)
        try xml.attribute("sha256", extract.source.sha256)
        try xml.attribute("encoding", extract.encoding.rawValue)
        try xml.attribute("byteOrderMark", extract.byteOrderMark)
        try xml.attribute("lineEndings", extract.lineEndings.style)
        try xml.attribute("lines", extract.lines)
        try xml.attribute("pages", extract.pages)
        try xml.end()
        try xml.start("pipeline")
        try xml.attribute("name", "budget-etl")
        try xml.attribute("version", PipelineVersion.current)
        try xml.end()
        for (field, line) in metadata.sourceLines.sorted(by: { $0.key < $1.key }) {
            try xml.start("foundAt")
            try xml.attribute("field", field)
            try xml.attribute("line", line)
            try xml.end()
        }
        try xml.end()
    }

    private static func writeContents(_ normalized: NormalizedReport, _ xml: XMLStreamWriter) throws(ReportError) {
        let missing = Set(normalized.missingTables)
        try xml.start("contents")
        for table in normalized.promisedTables {
            try xml.start("promisedTable")
            try xml.attribute("id", table.id)
            try xml.attribute("line", table.line)
            try xml.attribute("missing", missing.contains(table.id))
            try xml.text(table.title)
            try xml.end()
        }
        try xml.end()
    }

    private static func writeDiagnostics(_ diagnostics: [NormalizeDiagnostic], _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("diagnostics")
        for diagnostic in diagnostics {
            try xml.start("diagnostic")
            try xml.attribute("line", diagnostic.line)
            try xml.attribute("table", diagnostic.table)
            try xml.attribute("row", diagnostic.row)
            try xml.attribute("column", diagnostic.column)
            try xml.element("text", diagnostic.text)
            try xml.element("message", required: diagnostic.message)
            try xml.end()
        }
        try xml.end()
    }
}
