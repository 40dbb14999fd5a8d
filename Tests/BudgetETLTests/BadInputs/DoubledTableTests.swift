import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

extension BadInputs {
    /// One table of the sample printed twice in the middle of the report (a doubled page): its
    /// figures are counted once, and the copy is one warning naming both places.
    @Suite struct DoubledTableTests {
        @Test func table6PrintedAgainBeforeTable7IsCountedOnce() throws {
            var lines = BadInputRun.sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let table6 = try #require(lines.firstIndex(of: "表6"))
            let table7 = try #require(lines.firstIndex(of: "表7"))
            lines.insert(contentsOf: lines[table6..<table7], at: table7)
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            #expect(run.summary.failed.isEmpty, "\(run.failure?.description ?? "")")
            #expect(run.facts == BadInputRun.sampleFacts)

            let repeats = run.checks.filter { $0[1].contains(":repeat:") }
            let check = try #require(repeats.first)
            #expect(repeats.count == 1, "\(repeats)")
            #expect(check[1] == "completeness:6:repeat:\(table7 + 1)")
            #expect(check[3] == "warn")
            #expect(check[10].hasPrefix("表6 is printed again at line \(table7 + 1) with the same content as at line \(table6 + 1)"),
                    "\(check[10])")
        }
    }
}
