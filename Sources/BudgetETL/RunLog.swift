import BudgetCore
import Foundation

/// `output/_logs/<time>-<pid>.jsonl`: a structured record of one run — one JSON line per report,
/// written as the report finishes (status, stages run and skipped, error, time taken, and its
/// counts of tables, facts and checks), and a last line with the summary.
///
/// Lines go to the file as reports finish, not kept for the end, so memory stays flat however
/// large the batch. The file is written under a temporary name and renamed when the run ends, as
/// every other file is; a run that dies leaves it under that name, and the next run (which holds
/// the output folder's lock, so no other run is writing it) keeps it as `<time>-<pid>.interrupted.jsonl`:
/// the reports it lists did finish.
package struct RunLog: ~Copyable {
    package static let folderName = "_logs"
    package static let interruptedSuffix = ".interrupted.jsonl"

    package struct ReportLine: Encodable {
        package var report: String
        package var source: String
        package var status: String
        package var ran: [String]
        package var skipped: [String]
        package var error: ReportError?
        package var microseconds: Int
        /// The report's counts as the catalog has them (absent when the stage never ran).
        package var tables: Int?
        package var facts: Int?
        package var warnings: Int?
        package var failedChecks: Int?
        package var unverifiedChecks: Int?
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

    private let url: URL
    private let temporary: URL
    private let descriptor: Int32
    private let started: Date
    /// The first write that failed; the run reports it when it ends.
    private var failure: FileSystemError?

    /// Opens the run's log, after keeping the logs of runs that died as interrupted.
    package init(outputFolder: URL, started: Date) throws {
        let folder = outputFolder.appendingPathComponent(Self.folderName, isDirectory: true)
        try FileSystem.createDirectory(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(FileSystem.temporaryPrefix) && name.hasSuffix(".jsonl") {
            let kept = String(name.dropFirst(FileSystem.temporaryPrefix.count).dropLast(".jsonl".count)) + Self.interruptedSuffix
            try? FileSystem.move(folder.appendingPathComponent(name), to: folder.appendingPathComponent(kept))
        }
        let stamp = started.formatted(.iso8601).replacingOccurrences(of: ":", with: "")
        let url = folder.appendingPathComponent("\(stamp)-\(getpid()).jsonl")
        let temporary = folder.appendingPathComponent(FileSystem.temporaryPrefix + url.lastPathComponent)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(path: url.path, action: "write", reason: String(cString: strerror(errno)))
        }
        (self.url, self.temporary, self.descriptor, self.started) = (url, temporary, descriptor, started)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The line of one finished report.
    package mutating func append(_ outcome: ReportOutcome) {
        append(line: Self.line(for: outcome))
    }

    /// Writes a line made by `line(for:)`: the driver makes each report's line before it takes
    /// the log's lock, so reports finishing at once wait for one `write` only.
    package mutating func append(line: [UInt8]) {
        writeBytes(line)
    }

    /// The line of one finished report, with its newline.
    package static func line(for outcome: ReportOutcome) -> [UInt8] {
        let summary = outcome.manifest?.summary ?? [:]
        let count = { (key: String) in summary[key].flatMap { Int($0) } }
        var bytes = ReportLine(
            report: outcome.reportID, source: outcome.source, status: outcome.succeeded ? "ok" : "failed",
            ran: outcome.ran.map(\.rawValue), skipped: outcome.skipped.map(\.rawValue), error: outcome.error,
            microseconds: outcome.durationMicroseconds, tables: count("tables"), facts: count("facts"),
            warnings: count("warnedChecks"), failedChecks: count("failedChecks"), unverifiedChecks: count("unverifiedChecks")).json
        bytes.append(0x0A)
        return bytes
    }

    /// Writes the summary line and gives the log its name; throws the first write that failed.
    package mutating func finish(_ summary: RunSummary) throws {
        writeLine(SummaryLine(
            summary: summary.description, reports: summary.reports, failed: summary.failed.count,
            stagesRun: summary.stagesRun, stagesSkipped: summary.stagesSkipped, failedChecks: summary.failedChecks,
            unverifiedChecks: summary.unverifiedChecks, started: started.formatted(.iso8601), finished: Date().formatted(.iso8601)))
        if let failure { throw failure }
        try FileSystem.move(temporary, to: url)
    }

    /// The summary line (a report's line is written by hand: `ReportLine.json`).
    private mutating func writeLine(_ line: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(line)) ?? Data()
        data.append(0x0A)
        writeBytes(data)
    }

    private mutating func writeBytes(_ data: some ContiguousBytes & Collection) {
        guard failure == nil else { return }
        // One write per line (O_APPEND): a line is in the file whole or not at all.
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        if written != data.count {
            failure = FileSystemError(path: url.path, action: "write",
                                      reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
    }
}
