import CLibXML2
import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize
@testable import BudgetReconcile

/// `report.html` is rendered in Swift (`ReportPage`) from the tree `report.xml`'s writer builds,
/// and must be, byte for byte, what libxslt gives applying the bag's `render.xsl` to the bytes of
/// `report.xml` (`ReportHTML.render`, the reference): otherwise the page would no longer be what
/// `xsltproc data/render.xsl data/report.xml` renders from the bag alone.
@Suite struct ExportReportPageTests {
    /// Every report the other suites run: the golden fixtures, the published reports' texts and
    /// the excerpts of aligned tables.
    static let reports: [String] = {
        let golden = ["sample", "minimal-consistent", "broken-identities", "odd-formatting", "shanghai-dept-budget"].map { "\($0)/input.txt" }
        func listed(_ folder: String, _ suffix: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(suffix) && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
        }
        return golden + listed("published", ".layout.txt") + listed("aligned", ".txt")
    }()

    @Test func everyFixtureIsRendered() {
        #expect(Self.reports.count > 20, "\(Self.reports)")
    }

    /// The Swift page of each fixture's record is libxslt's page of its bytes.
    @Test(arguments: reports) func fixturesRenderTheBagsPage(_ report: String) throws {
        let data = try Data(contentsOf: Fixtures.folder.appendingPathComponent(report))
        let run = try StagesRun(data: data, file: URL(fileURLWithPath: report).lastPathComponent)
        let input = ReportXML.Input(reportID: report, extract: run.extracted.info, normalized: run.normalized,
                                    reconciled: run.reconciled, factCount: 1, segmented: run.segmented)
        let written = try ReportXML.writeWithTree(input)
        let tree = try #require(written.tree)
        #expect(written.bytes == (try ReportXML.write(input)), "the tree changes nothing in the bytes")
        try Self.expectSamePage(ReportPage.render(tree), ReportHTML.render(written.bytes), report)
    }

    /// Text hard to escape, in HTML as in XML (`&`, `<`, quotes of both kinds, tabs, line feeds,
    /// carriage returns, `&#38;` spelled out, characters XML does not allow, `<!--…-->` and
    /// `&{…}`, which libxml2 leaves alone in attributes, `%`, `#` and spaces, which a finding's
    /// anchor replaces and a link percent-encodes) in tables, cells, codes, units, checks' ids,
    /// tables and messages; lines a finding involves, so highlighted rows take the long way.
    @Test func randomRecordsGiveTheSamePage() throws {
        var random = SeededGenerator(state: 20_261_203)
        var rendered = 0
        for iteration in 0..<120 {
            var normalized = ExportStreamValidationTests.mutated(&random)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let table = Int.random(in: 0..<normalized.tables.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: normalized.tables[table].title = Self.text(&random)
                case 1: normalized.tables[table].id += Self.text(&random)
                default:
                    guard !normalized.tables[table].rows.isEmpty else { continue }
                    let row = Int.random(in: 0..<normalized.tables[table].rows.count, using: &random)
                    normalized.tables[table].rows[row].code = Self.text(&random)
                    for cell in normalized.tables[table].rows[row].cells.indices where Bool.random(using: &random) {
                        normalized.tables[table].rows[row].cells[cell].raw = Self.text(&random)
                        normalized.tables[table].rows[row].cells[cell].unit = Self.text(&random)
                    }
                }
            }
            let lines = normalized.tables.flatMap(\.rows).map(\.line)
            let checks = (0..<Int.random(in: 0...5, using: &random)).map { number in
                ExportFixtures.check(
                    "\(number):" + Self.text(&random), rule: ["hierarchy", "share", Self.text(&random)].randomElement(using: &random)!,
                    status: [.fail, .warn, .unverified].randomElement(using: &random)!,
                    table: Bool.random(using: &random) ? normalized.tables.randomElement(using: &random)!.id : Self.text(&random),
                    location: Self.text(&random), expected: "1", actual: "2", difference: "1", message: "m" + Self.text(&random),
                    lines: (0..<Int.random(in: 0...3, using: &random)).compactMap { _ in lines.randomElement(using: &random) })
            }
            let reconciled = ReconcileReport(checks: checks, summary: CheckSummary(pass: 0, warn: 0, fail: 0))
            let input = ReportXML.Input(reportID: ExportFixtures.reportID, extract: SampleReport.extracted.info, normalized: normalized,
                                        reconciled: reconciled, factCount: 1, segmented: SampleReport.segmented)
            // Some records are invalid (duplicate ids, negative lines): no bytes, no page.
            guard let written = try? ReportXML.writeWithTree(input) else { continue }
            let tree = try #require(written.tree)
            try Self.expectSamePage(ReportPage.render(tree), ReportHTML.render(written.bytes), "iteration \(iteration)")
            rendered += 1
        }
        #expect(rendered > 20)
    }

    /// Ids are compared as XPath compares strings, code point by code point: a check naming table
    /// `e` + U+0301 does not link to table `é`, which Swift's `==` would take for the same.
    @Test func idsCompareByCodePoints() throws {
        var normalized = ExportStreamValidationTests.small
        normalized.tables[0].id = "\u{E9}"
        let line = try #require(normalized.tables[0].rows.first?.line)
        let checks = [
            ExportFixtures.check("decomposed", rule: "hierarchy", status: .warn, table: "e\u{301}", location: "x", expected: "1", actual: "2",
                                 difference: "1", message: "m", lines: [line]),
            ExportFixtures.check("precomposed", rule: "hierarchy", status: .warn, table: "\u{E9}", location: "x", expected: "1", actual: "2",
                                 difference: "1", message: "m", lines: [line]),
        ]
        let input = ReportXML.Input(reportID: ExportFixtures.reportID, extract: SampleReport.extracted.info, normalized: normalized,
                                    reconciled: ReconcileReport(checks: checks, summary: CheckSummary(pass: 0, warn: 2, fail: 0)),
                                    factCount: 1, segmented: SampleReport.segmented)
        let written = try ReportXML.writeWithTree(input)
        let page = ReportPage.render(try #require(written.tree))
        try Self.expectSamePage(page, ReportHTML.render(written.bytes), "decomposed and precomposed ids")
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("<td class=\"ref\"><a href=\"#t-%C3%A9\">"))
        #expect(html.contains("<td class=\"ref\">表e\u{301}</td>"))
    }

    /// A hand-written record whose printed lines take every shape the long way handles (a row
    /// without code or item, one whose item lies right of a cell, a paired table's line with one
    /// side), between whitespace the writer never writes: the same page both ways. The tree is
    /// made here from libxml2's parse of the record, as the writer would have built it.
    @Test func everyRowShapeGivesTheSamePage() throws {
        let record = Data(ExportReportHTMLTests.shapesRecord.utf8)
        let tree = try #require(try Self.tree(parsing: record))
        try Self.expectSamePage(ReportPage.render(tree), ReportHTML.render(record), "row shapes")
    }

    /// The `ReportElement` tree of a parsed document, for records not written by `ReportXML`:
    /// built by the writer's own builder, from the parse's elements, attributes and texts in
    /// document order.
    static func tree(parsing xml: Data) throws -> ReportElement? {
        let document = try LibXMLDocument(parsing: xml, file: "record.xml")
        func string(_ pointer: UnsafePointer<xmlChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        let builder = ReportTreeBuilder()
        func add(_ node: xmlNodePtr) {
            builder.start(string(node.pointee.name), prefix: node.pointee.ns?.pointee.prefix.map { string($0) })
            var attribute = node.pointee.properties
            while let current = attribute {
                let value = xmlNodeListGetString(document.pointer, current.pointee.children, 1)
                builder.attribute(string(current.pointee.name), string(value))
                budget_etl_xml_free(value)
                attribute = current.pointee.next
            }
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE: add(current)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: builder.text(string(current.pointee.content))
                default: break
                }
                child = current.pointee.next
            }
            builder.end()
        }
        guard let root = xmlDocGetRootElement(document.pointer) else { return nil }
        add(root)
        return builder.root
    }

    /// A tree is handed over once; a writer not asked for one builds none.
    @Test func theTreeIsHandedOverOnce() throws {
        let writer = try XMLStreamWriter(buildingTree: true)
        try writer.startDocument()
        try writer.startRoot("budgetReport", namespace: ReportSchema.namespace)
        try writer.text("a & b < c")
        #expect(writer.finishedTree() == nil, "not before the document is finished")
        _ = try writer.finish()
        let tree = try #require(writer.finishedTree())
        #expect(tree.name == "budgetReport" && tree.stringValue == "a & b < c")
        #expect(writer.finishedTree() == nil)
        let plain = try XMLStreamWriter()
        try plain.startDocument()
        try plain.startRoot("budgetReport", namespace: ReportSchema.namespace)
        _ = try plain.finish()
        #expect(plain.finishedTree() == nil)
    }

    /// Without a page, the export writes none.
    @Test func noPageWhenNotAsked() throws {
        var options = ExportOptions()
        options.reportPage = false
        let run = try StagesRun(data: Data(contentsOf: Fixtures.input("minimal-consistent")))
        let exported = try Exporter.exportBag(reportID: "minimal", extract: run.extracted, segmented: run.segmented,
                                              normalized: run.normalized, reconciled: run.reconciled, options: options,
                                              sources: Exporter.Sources())
        #expect(exported.page == nil)
        options.reportPage = true
        let withPage = try Exporter.exportBag(reportID: "minimal", extract: run.extracted, segmented: run.segmented,
                                              normalized: run.normalized, reconciled: run.reconciled, options: options,
                                              sources: Exporter.Sources())
        let page = try #require(withPage.page)
        let xml = try #require(withPage.files.first { $0.name.hasSuffix("/\(ReportXML.fileName)") })
        try Self.expectSamePage(page.data, ReportHTML.render(xml.data), "minimal-consistent, exported")
    }

    /// The pieces the XML writer's tests use, and those HTML serializes its own way.
    /// `é` and `e` + U+0301 and the Kelvin sign and `K` are equal to Swift's `==`, never to XPath.
    static let pieces = ExportStreamValidationTests.pieces + ["<!--", "-->", "<!-->", "&{", "}", "%", "#", "'", "\u{A0}", "é", "e\u{301}", "K", "\u{212A}"]

    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// Byte for byte; on a difference, the first line that differs in each.
    static func expectSamePage(_ swift: Data, _ libxslt: Data, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard swift != libxslt else { return }
        let mine = String(decoding: swift, as: UTF8.self).components(separatedBy: "\n")
        let theirs = String(decoding: libxslt, as: UTF8.self).components(separatedBy: "\n")
        let line = (0..<min(mine.count, theirs.count)).first { mine[$0] != theirs[$0] } ?? min(mine.count, theirs.count)
        func at(_ lines: [String]) -> String { line < lines.count ? lines[line].debugDescription : "(no line: \(lines.count) lines)" }
        Issue.record("\(label): the Swift page differs from libxslt's at line \(line + 1):\n  Swift:   \(at(mine))\n  libxslt: \(at(theirs))",
                     sourceLocation: sourceLocation)
    }
}
