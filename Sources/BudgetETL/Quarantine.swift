import BudgetCore
import Foundation

/// `output/_quarantine/<report-id>.json`: one file per report whose last run failed, saying
/// where and why (file, line, stage, message). It goes away when the report next succeeds.
public enum Quarantine {
    public static let folderName = "_quarantine"

    package struct Entry: Codable {
        package var reportId: String
        package var source: String
        package var error: ReportError
        package var time: String
    }

    package static func update(_ outcome: ReportOutcome, outputFolder: URL) {
        guard let error = outcome.error else {
            // Every report that succeeds: a path, not a URL (an id has no `/`).
            unlink("\(outputFolder.path)/\(folderName)/\(outcome.reportID).json")
            return
        }
        let folder = outputFolder.appendingPathComponent(folderName, isDirectory: true)
        let url = folder.appendingPathComponent("\(outcome.reportID).json")
        let entry = Entry(reportId: outcome.reportID, source: outcome.source, error: error, time: Date().formatted(.iso8601))
        _ = try? FileSystem.createDirectory(folder)
        if let data = try? JSONCoding.encode(entry) { _ = try? FileSystem.writeAtomically(data, to: url) }
    }
}
