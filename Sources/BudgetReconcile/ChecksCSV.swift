import BudgetCore
import Foundation

/// `checks.csv`: one record per reconciliation check, in the order reconcile ran them, with the
/// amounts as exact decimals so a reader can redo each comparison, and the source lines of the
/// values involved (`lines`, space-separated).
///
/// It is the one record of the checks: the reconcile stage writes it as `04-reconcile/checks.csv`
/// and reads it back as its artifact, and the export delivers the same file (a hard link), so
/// no check is spelled out in two files.
package enum ChecksCSV {
    package static let fileName = "checks.csv"

    package static let header = ["report_id", "check_id", "rule", "status", "table_id", "location", "expected", "actual",
                                 "difference", "tolerance", "message", "lines"]

    package static func write(reportID: String, checks: [CheckResult], byteOrderMark: Bool = false) -> Data {
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 160 * (checks.count + 1))
        csv.record(header)
        let reportIDField = CSVWriter.prepared(reportID)
        // Each check read in place: `for check in checks` copied it, retaining its five strings
        // and its lines and releasing them after.
        for index in checks.indices {
            // One field a line, in the order of `header`.
            csv.field(reportIDField)
            csv.text(checks[index].id)
            csv.text(checks[index].rule)
            csv.text(checks[index].status.rawValue)
            csv.text(checks[index].table)
            csv.text(checks[index].location)
            csv.number(checks[index].expected)
            csv.number(checks[index].actual)
            csv.number(checks[index].difference)
            csv.number(checks[index].tolerance)
            csv.text(checks[index].message)
            csv.ints(checks[index].lines)
            csv.endRecord()
        }
        return csv.takeData()
    }

    /// The checks of a file `write` made. Throws a message naming the record that does not read.
    package static func read(_ data: Data) throws(ChecksCSVError) -> [CheckResult] {
        guard let text = String(data: data, encoding: .utf8) else { throw ChecksCSVError(record: 0, problem: "is not UTF-8") }
        let records = CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard records.first == header else { throw ChecksCSVError(record: 1, problem: "its header is not \(header.joined(separator: ","))") }
        var checks: [CheckResult] = []
        checks.reserveCapacity(records.count - 1)
        for (index, fields) in records.enumerated().dropFirst() {
            guard fields.count == header.count, let status = CheckStatus(rawValue: fields[3]) else {
                throw ChecksCSVError(record: index + 1, problem: "does not have the columns and a status of a check")
            }
            func number(_ field: String) throws(ChecksCSVError) -> ExactDecimal? {
                if field.isEmpty { return nil }
                guard let value = ExactDecimal(field) else { throw ChecksCSVError(record: index + 1, problem: "`\(field)` is not a number") }
                return value
            }
            let lines = fields[11].split(separator: " ").compactMap { Int($0) }
            let text = { (field: String) in CSVDefusing.printed(field) }
            checks.append(CheckResult(
                id: text(fields[1]), rule: fields[2], status: status, table: fields[4].isEmpty ? nil : text(fields[4]),
                location: text(fields[5]), expected: try number(fields[6]), actual: try number(fields[7]),
                difference: try number(fields[8]), tolerance: try number(fields[9]), message: text(fields[10]), lines: lines))
        }
        return checks
    }
}

/// A `checks.csv` that does not read back: which record (1 is the header) and why.
package struct ChecksCSVError: Error, CustomStringConvertible {
    package var record: Int
    package var problem: String
    package var description: String { record > 0 ? "record \(record) \(problem)" : problem }
}
