import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetSegment

/// A report whose tables are printed again (a doubled page, a report concatenated with itself):
/// every figure is counted once, and each repeat is a located warning naming both places.
@Suite struct RepeatedTablesTests {
    let folder = TemporaryFolder()

    func run(_ copies: Int) throws -> (facts: [String], checks: [[String]]) {
        let sample = String(decoding: try Data(contentsOf: Fixtures.sampleReport), as: UTF8.self)
        folder.write("input/r\(copies).txt", text: String(repeating: sample, count: copies))
        var configuration = PipelineConfiguration(failOnCheckFailures: false)
        configuration.output = "output\(copies)"
        let summary = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
        #expect(summary.failed.isEmpty)
        let facts = try #require(folder.text("output\(copies)/r\(copies)/05-export/data/facts.csv"))
            .split(separator: "\r\n").dropFirst().map { line in
                // Without the report id and source line, which differ between the runs.
                line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().dropLast().joined(separator: ",")
            }
        let checks = Array(CSVReader.records(try #require(folder.text("output\(copies)/r\(copies)/05-export/data/checks.csv"))).dropFirst())
        return (facts, checks)
    }

    @Test func aReportPrintedThreeTimesHasTheFactsOfOne() throws {
        let once = try run(1)
        let thrice = try run(3)
        #expect(thrice.facts == once.facts)

        let repeats = thrice.checks.filter { $0[1].contains(":repeat:") }
        let segmented = try JSONCoding.decode(SegmentedReport.self, from: try #require(folder.read("output1/r1/02-segment/segment.json")))
        #expect(repeats.count == 2 * segmented.tables.count, "each table's two further copies are flagged, a form with its grids")
        for check in repeats {
            #expect(check[2] == "completeness" && check[3] == "warn")
            #expect(check[10].contains("printed again at line") && check[10].contains("counted once"))
        }
        #expect(thrice.checks.filter { $0[3] == "fail" }.isEmpty)
    }
}
