import BudgetCore
import BudgetReconcile
import Foundation

/// `checks.csv`: one record per reconciliation check, in the order reconcile ran them, with the
/// amounts as exact decimals so a reader can redo each comparison.
package enum ChecksCSV {
    package static let fileName = "checks.csv"

    package static let header = ["report_id", "check_id", "rule", "status", "table_id", "location", "expected", "actual",
                         "difference", "tolerance", "message"]

    package static func write(reportID: String, checks: [CheckResult], byteOrderMark: Bool) -> Data {
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 256 * (checks.count + 1))
        csv.record(header)
        for check in checks {
            csv.texts(reportID, check.id, check.rule, check.status.rawValue, check.table, check.location)
            csv.numbers(check.expected, check.actual, check.difference, check.tolerance)
            csv.text(check.message)
            csv.endRecord()
        }
        return csv.data
    }
}
