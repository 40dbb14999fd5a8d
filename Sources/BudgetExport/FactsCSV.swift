import BudgetCore
import BudgetNormalize
import Foundation

/// `facts.csv`: the tidy (long) form of every table, one record per numeric cell.
///
/// A fact is a cell of an amount column (`ColumnRole.amount`: every cell a number or blank)
/// that holds a value, in any table with a body, form grids included; percentages count (their
/// value is the printed number without `%`). Left out, and kept in `report.xml` and the
/// `tables.csv` instead:
/// - numbers inside text cells (`1100余万人`, `月均11万条`): the number is part of a phrase with a
///   qualifier, an indicator's target and not an amount, and `value` would overstate how exact
///   it is;
/// - form fields (`项目总预算 383.76`): they have no row or column, and each repeats an amount
///   the form's grids or the report's tables already state.
package enum FactsCSV {
    package static let fileName = "facts.csv"

    package static let header = ["report_id", "table_id", "table_title", "section", "row", "code", "item", "column",
                         "raw", "value", "unit", "source_line"]

    package static func write(reportID: String, tables: [NormalizedTable], byteOrderMark: Bool) -> (data: Data, count: Int) {
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 1 << 16)
        csv.record(header)
        var count = 0
        for table in tables {
            let columns = ColumnNames(table)
            for row in table.rows {
                for cell in row.cells where columns.role(cell.column) == .amount {
                    guard let value = cell.value else { continue }
                    csv.texts(reportID, table.id, table.title, row.section)
                    csv.int(row.number)
                    csv.texts(row.code, row.item, columns.path(cell.column), cell.raw)
                    csv.number(value)
                    csv.text(cell.unit ?? table.amountUnit)
                    csv.int(row.line)
                    csv.endRecord()
                    count += 1
                }
            }
        }
        return (csv.data, count)
    }
}
