import Foundation
@testable import BudgetCore
@testable import BudgetETL

/// The catalogue of bad inputs (`docs/bad-inputs.md`) not tested elsewhere: `swift test --filter BadInputs`.
enum BadInputs {}

/// One whole pipeline run on one generated input, for the catalogue of bad inputs
/// (`docs/bad-inputs.md`): the run's summary, and its facts and checks when it got that far.
struct BadInputRun {
    let folder = TemporaryFolder()
    let summary: RunSummary
    let name: String

    init(_ data: Data, name: String = "r", configuration: PipelineConfiguration = PipelineConfiguration(failOnCheckFailures: false)) throws {
        self.name = name
        folder.write("input/\(name).txt", data)
        summary = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
    }

    init(text: String, name: String = "r") throws {
        try self.init(Data(text.utf8), name: name)
    }

    /// The first failure's message, if the report failed.
    var failure: ReportError? { summary.failed.first?.error }

    /// facts.csv's records without the report id and the source line, which differ between runs.
    var facts: [String] {
        let records = CSVReader.records(folder.text("output/\(name)/05-export/data/facts.csv") ?? "")
        guard let header = records.first else { return [] }
        let kept = header.indices.filter { !["report_id", "source_line"].contains(header[$0]) }
        return records.dropFirst().map { record in kept.map { record[$0] }.joined(separator: ",") }
    }

    /// checks.csv's records, without the header.
    var checks: [[String]] {
        Array(CSVReader.records(folder.text("output/\(name)/05-export/data/checks.csv") ?? "").dropFirst())
    }

    /// The sample report's text.
    static let sample = String(decoding: try! Data(contentsOf: Fixtures.sampleReport), as: UTF8.self)

    /// The facts and checks of the sample run as it is, to compare with.
    static let sampleOutputs: (facts: [String], checks: [[String]]) = {
        let run = try! BadInputRun(text: sample)
        return (run.facts, run.checks)
    }()
    static var sampleFacts: [String] { sampleOutputs.facts }
    static var sampleChecks: [[String]] { sampleOutputs.checks }
}
