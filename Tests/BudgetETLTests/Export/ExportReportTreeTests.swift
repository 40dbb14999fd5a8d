import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetReconcile

/// The page is rendered from the libxml2 tree `report.xml`'s writer builds as it writes
/// (`LibXMLTreeBuilder`), not from a parse of the bytes: the two must give the same page, or
/// `report.html` would no longer be what `xsltproc data/render.xsl data/report.xml` gives.
@Suite struct ExportReportTreeTests {
    /// Every fixture's record: the same bytes with or without the tree, the same page from the
    /// tree as from the bytes.
    @Test(arguments: ["sample", "broken-identities", "minimal-consistent", "odd-formatting", "shanghai-dept-budget"])
    func fixturesRenderTheSamePage(_ fixture: String) throws {
        let run = try StagesRun(data: Data(contentsOf: Fixtures.input(fixture)))
        let input = ReportXML.Input(reportID: fixture, extract: run.extracted.info, normalized: run.normalized,
                                    reconciled: run.reconciled, factCount: 1, segmented: run.segmented)
        let written = try ReportXML.writeWithTree(input)
        let tree = try #require(written.tree)
        #expect(written.bytes == (try ReportXML.write(input)))
        #expect(try ReportHTML.render(tree) == ReportHTML.render(written.bytes))
    }

    /// Text and attributes that need escaping (`&`, `<`, quotes, tabs, line feeds, carriage
    /// returns, `&#38;` spelled out, characters XML does not allow) reach the tree as a parser
    /// reads them back from the bytes.
    @Test func escapedTextGivesTheSamePage() throws {
        var random = SeededGenerator(state: 20_261_203)
        var rendered = 0
        for iteration in 0..<60 {
            let input = ExportStreamValidationTests.input(ExportStreamValidationTests.mutated(&random))
            guard let written = try? ReportXML.writeWithTree(input) else { continue }
            let tree = try #require(written.tree)
            #expect(try ReportHTML.render(tree) == ReportHTML.render(written.bytes), "iteration \(iteration)")
            rendered += 1
        }
        #expect(rendered > 10)
    }

    /// A tree is handed over once; a writer not asked for one builds none.
    @Test func theTreeIsHandedOverOnce() throws {
        let writer = try XMLStreamWriter(buildingTree: true)
        try writer.startDocument()
        try writer.startRoot("budgetReport", namespace: ReportSchema.namespace)
        try writer.text("a & b < c")
        #expect(writer.finishedTree() == nil, "not before the document is finished")
        _ = try writer.finish()
        #expect(writer.finishedTree() != nil)
        #expect(writer.finishedTree() == nil)
        let plain = try XMLStreamWriter()
        try plain.startDocument()
        try plain.startRoot("budgetReport", namespace: ReportSchema.namespace)
        _ = try plain.finish()
        #expect(plain.finishedTree() == nil)
    }
}
