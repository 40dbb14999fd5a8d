import Foundation
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize
@testable import BudgetReconcile

/// The export of the sample report (`SampleReport`: extracted and normalized once for every suite)
/// with a reconcile report made by hand (reconcile's rules are not in this suite's scope).
enum ExportFixtures {
    static let reportID = "2024-wuhan-hrss-information-center-unit-budget"

    static let reconciled: ReconcileReport = {
        let checks = [
            check("hierarchy:5-1:20801:合计", rule: "hierarchy", status: .pass, table: "5-1", location: "20801 / 合计",
                  expected: "955.32", actual: "955.32", difference: "0.00", message: "20801 equals the sum of its 项 rows.", lines: [198, 199, 200]),
            check("narrative:-:收支总预算", rule: "narrative", status: .warn, table: nil, location: "收支总预算",
                  expected: "1209.02", actual: "1209.0", difference: "-0.02", message: "The narrative says \"1209.0\", table 1 says 1,209.02.", lines: [460]),
            check("arithmetic:7:=1+1", rule: "arithmetic", status: .fail, table: "7", location: "=1+1, “三公”经费合计",
                  expected: "1.70", actual: "-1.70", difference: "-3.40", message: "-1.70 is printed, 1.70 is the sum:\ncheck line 292.", lines: []),
        ]
        return ReconcileReport(checks: checks, summary: CheckSummary(pass: 1, warn: 1, fail: 1))
    }()

    static func check(_ id: String, rule: String, status: CheckStatus, table: String?, location: String,
                      expected: String, actual: String, difference: String, message: String, lines: [Int]) -> CheckResult {
        CheckResult(id: id, rule: rule, status: status, table: table, location: location,
                    expected: ExactDecimal(expected), actual: ExactDecimal(actual), difference: ExactDecimal(difference),
                    tolerance: ExactDecimal("0.005"), message: message, lines: lines)
    }

    static let files: [OutputFile] = try! export()

    static func export(normalized: NormalizedReport = SampleReport.normalized, options: ExportOptions = ExportOptions()) throws -> [OutputFile] {
        try Exporter.export(reportID: reportID, extract: SampleReport.extracted, segmented: SampleReport.segmented, normalized: normalized,
                            reconciled: reconciled, options: options)
    }

    /// A file of the export by its path in the bag (`bag-info.txt`) or in its payload (`facts.csv`).
    static func file(_ name: String, in files: [OutputFile] = files) -> Data {
        files.first { $0.name == name || $0.name == "data/\(name)" }!.data
    }

    static func text(_ name: String) -> String { String(decoding: file(name), as: UTF8.self) }

    /// Lays out a report folder as the pipeline does: `01-extract/text.txt` and the export's
    /// bag as `05-export/` (sub-folders included).
    static func writeReportFolder(at root: URL, files: [OutputFile] = files) throws {
        try FileSystem.createDirectory(root.appendingPathComponent("01-extract"))
        try FileSystem.writeAtomically(Data(SampleReport.text.utf8), to: root.appendingPathComponent("01-extract/text.txt"))
        for file in files {
            let url = root.appendingPathComponent("05-export/\(file.name)")
            try FileSystem.createDirectory(url.deletingLastPathComponent())
            try FileSystem.writeAtomically(file.data, to: url)
        }
    }
}

/// The core CSV reader, strict about the ending: every record the exports write ends in CRLF.
enum CSVTestReader {
    static func records(_ data: Data) -> [[String]] {
        precondition(data.isEmpty || data.suffix(2).elementsEqual([0x0D, 0x0A]), "CSV does not end with CRLF")
        return CSVReader.records(String(decoding: data, as: UTF8.self))
    }

    /// Records as dictionaries keyed by the header.
    static func rows(_ data: Data) -> [[String: String]] {
        let all = records(data)
        let header = all[0]
        return all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
