import BudgetCore
import Foundation

/// `output/_logs/<time>-<pid>.jsonl`: a structured record of one run — one JSON line per
/// report (status, stages run and skipped, error, time taken) and a last line with the summary.
package enum RunLog {
    package static let folderName = "_logs"

    package struct ReportLine: Encodable {
        package var report: String
        package var source: String
        package var status: String
        package var ran: [String]
        package var skipped: [String]
        package var error: ReportError?
        package var microseconds: Int
    }

    package struct SummaryLine: Encodable {
        package var summary: String
        package var reports: Int
        package var failed: Int
        package var stagesRun: Int
        package var stagesSkipped: Int
        package var failedChecks: Int
        package var unverifiedChecks: Int
        package var started: String
        package var finished: String
    }

    package static func write(_ summary: RunSummary, started: Date, outputFolder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for outcome in summary.outcomes {
            data += try encoder.encode(ReportLine(
                report: outcome.reportID, source: outcome.source, status: outcome.succeeded ? "ok" : "failed",
                ran: outcome.ran.map(\.rawValue), skipped: outcome.skipped.map(\.rawValue), error: outcome.error,
                microseconds: outcome.durationMicroseconds)) + Data("\n".utf8)
        }
        data += try encoder.encode(SummaryLine(
            summary: summary.description, reports: summary.outcomes.count, failed: summary.failed.count,
            stagesRun: summary.stagesRun, stagesSkipped: summary.stagesSkipped, failedChecks: summary.failedChecks,
            unverifiedChecks: summary.unverifiedChecks,
            started: started.formatted(.iso8601), finished: Date().formatted(.iso8601))) + Data("\n".utf8)
        let folder = outputFolder.appendingPathComponent(folderName, isDirectory: true)
        try FileSystem.createDirectory(folder)
        let stamp = started.formatted(.iso8601).replacingOccurrences(of: ":", with: "")
        try FileSystem.writeAtomically(data, to: folder.appendingPathComponent("\(stamp)-\(getpid()).jsonl"))
    }
}
