import ArgumentParser
import BudgetETL
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the SHA-256 of every file of a report's bag (05-export/) and report any difference.",
        discussion: "Exit status 0 when every file is as recorded, 1 when any differs, is missing or is not listed.")

    @Argument(help: "A report's output folder, e.g. output/<report-id>.")
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) else {
            throw ValidationError("\(folder) is not a report's output folder (it has no manifest.json)")
        }
        let problems = ReportVerification.problems(inReportFolder: url)
        for problem in problems { print("\(folder)/\(problem)") }
        print("budget-etl: \(problems.isEmpty ? "every file is as recorded" : "\(problems.count) problem\(problems.count == 1 ? "" : "s") found")")
        if !problems.isEmpty { throw ExitCode(ExitStatus.someReportsFailed) }
    }
}
