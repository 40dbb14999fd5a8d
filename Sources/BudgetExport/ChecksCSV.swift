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
            csv.text(reportID)
            csv.text(check.id)
            csv.text(check.rule)
            csv.text(check.status.rawValue)
            csv.text(check.table)
            csv.text(check.location)
            csv.number(check.expected)
            csv.number(check.actual)
            csv.number(check.difference)
            csv.number(check.tolerance)
            csv.text(check.message)
            csv.endRecord()
        }
        return csv.data
    }
}
