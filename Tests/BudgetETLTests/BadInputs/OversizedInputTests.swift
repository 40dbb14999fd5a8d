import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExtract

extension BadInputs {
    /// Inputs that are too big, too long or too wide: each is refused by name or read to the end;
    /// none crashes. The tests never time anything; the sizes are kept small enough to stay quick.
    @Suite struct OversizedInputTests {
        @Test func aFileOverMaxInputBytesIsRefusedNamingTheLimit() throws {
            var configuration = PipelineConfiguration(failOnCheckFailures: false)
            configuration.options[ExtractStage.self].maxInputBytes = 1000
            let run = try BadInputRun(Data(BadInputRun.sample.utf8), configuration: configuration)
            let error = try #require(run.failure)
            let size = BadInputRun.sample.utf8.count
            #expect(error.message == "is \(size) bytes, more than options.extract.maxInputBytes (1000)", "\(error.message)")
            #expect(error.hint?.contains("raise the limit") == true)
            #expect(run.folder.exists("output/_quarantine/r.json"))
            #expect(!run.folder.exists("output/r/05-export"))
        }

        @Test func tenThousandTabsOnALineAreReadThrough() throws {
            let tabs = String(repeating: "\t", count: 10_000)
            var lines = BadInputRun.sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let table3 = try #require(lines.firstIndex(of: "表3"))
            lines.insert(tabs, at: table3)
            lines.insert("说明" + tabs + "完", at: 3)
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            #expect(run.summary.failed.isEmpty, "\(run.failure?.description ?? "")")
            #expect(run.facts == BadInputRun.sampleFacts, "the tab lines add no figures and lose none")
        }

        /// Ten thousand lines of prose are refused by name, as three are (`NotAReportTests`).
        @Test func manyLinesOfProseAreNotABudgetReport() throws {
            let run = try BadInputRun(text: String(repeating: "说明文字\n", count: 10_000))
            let error = try #require(run.failure)
            #expect(error.message.hasPrefix("not a budget report: none of its 10000 lines is a table"), "\(error.message)")
            #expect(run.folder.exists("output/_quarantine/r.json"))
        }

        /// Refused as ten thousand are. Segment once copied the whole paragraph for each line it
        /// joined to it, so this did not finish in minutes; it is linear now (`LinearSegmentTests`).
        @Test func aMillionLinesOfProseAreNotABudgetReport() throws {
            let run = try BadInputRun(text: String(repeating: "说明文字\n", count: 1_000_000))
            let error = try #require(run.failure)
            #expect(error.message.hasPrefix("not a budget report: none of its 1000000 lines is a table"), "\(error.message)")
        }

        @Test func theSampleFollowedByAMillionBlankLinesIsTheSample() throws {
            let run = try BadInputRun(text: BadInputRun.sample + String(repeating: "\n", count: 1_000_000))
            #expect(run.summary.failed.isEmpty, "\(run.failure?.description ?? "")")
            #expect(run.facts == BadInputRun.sampleFacts)
        }

        /// Twenty copies, to stay quick; two hundred give the same result (about 50 s in a debug build).
        @Test func theSampleRepeatedManyTimesHasTheFactsOfOne() throws {
            let run = try BadInputRun(text: String(repeating: BadInputRun.sample, count: 20))
            #expect(run.summary.failed.isEmpty, "\(run.failure?.description ?? "")")
            #expect(run.facts == BadInputRun.sampleFacts)
            let repeats = run.checks.filter { $0[1].contains(":repeat:") }
            #expect(!repeats.isEmpty && repeats.allSatisfy { $0[3] == "warn" })
            #expect(run.checks.filter { $0[3] == "fail" }.isEmpty)
        }
    }
}
