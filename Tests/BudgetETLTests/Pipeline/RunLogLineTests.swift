import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// A report's line of the run log is written by hand; it must be the bytes `JSONEncoder` wrote
/// (sorted keys, slashes unescaped), which tools reading the log were written against.
@Suite struct RunLogLineTests {
    @Test func theLineIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = SeededGenerator(state: 3)
        let texts = JSONStreamDecoderTests.awkward + ["\u{8}\u{C}\u{1B}\u{7F}", "a/b"]
        func text() -> String { texts.randomElement(using: &random)! }
        func number() -> Int? { Bool.random(using: &random) ? Int.random(in: Int.min...Int.max, using: &random) : nil }
        for _ in 0..<300 {
            let error = Bool.random(using: &random)
                ? ReportError(file: text(), line: number(), byteOffset: number(), stage: Bool.random(using: &random) ? text() : nil,
                              message: text(), hint: Bool.random(using: &random) ? text() : nil)
                : nil
            let stages = StageName.allCases.map(\.rawValue)
            let line = RunLog.ReportLine(
                report: text(), source: text(), status: Bool.random(using: &random) ? "ok" : "failed",
                ran: Array(stages.prefix(Int.random(in: 0...5, using: &random))), skipped: Array(stages.suffix(Int.random(in: 0...5, using: &random))),
                error: error, microseconds: Int.random(in: 0...Int.max, using: &random), tables: number(), facts: number(),
                warnings: number(), failedChecks: number(), unverifiedChecks: number())
            #expect(line.json == Array(try encoder.encode(line)), "\(String(decoding: line.json, as: UTF8.self))")
        }
    }

    @Test func aRunLogsOneLinePerReportAndTheSummary() throws {
        let folder = TemporaryFolder()
        folder.write("input/a.txt", text: TinyReport.text(1))
        folder.write("input/b.txt", text: TinyReport.text(2))
        _ = try Pipeline(configuration: PipelineConfiguration(), baseFolder: folder.url).run()
        let log = try #require(folder.allFiles().first { $0.hasPrefix("output/_logs/") && $0.hasSuffix(".jsonl") })
        let lines = try #require(folder.text(log)).split(separator: "\n")
        #expect(lines.count == 3)
        // Reports are logged as they finish, in any order.
        let reports = try lines.prefix(2).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let first = try #require(reports.first { $0?["report"] as? String == "a" } ?? nil)
        #expect(first["status"] as? String == "ok" && first["source"] as? String == "input/a.txt")
        #expect((first["ran"] as? [String])?.count == StageName.allCases.count)
        #expect(lines[2].contains(#""summary":"2 reports"#))
    }
}
