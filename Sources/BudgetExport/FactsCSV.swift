import BudgetCore
import BudgetNormalize
import Foundation

/// `facts.csv`: the tidy (long) form of every table, one record per numeric cell.
///
/// A fact is a cell of an amount column (`ColumnRole.amount`: every cell a number or blank)
/// that holds a value, in any table with a body, form grids included; percentages count (their
/// value is the printed number without `%`). A form's numeric fields are facts too (`项目总预算
/// 383.76`): the identities use them (the project's budget for the year), so a user filtering
/// `facts.csv` must find them. A field has no row or column of its own, so it is written as a
/// row of its form: `row` is its position among the form's fields (after any body rows, so the
/// primary key stays unique), `item` its label, `column` the fixed name `值` (value), as the
/// form prints the amount in the cell beside the label. Left out, and kept in `report.xml` and
/// `tables.csv` instead:
/// - numbers inside text cells (`1100余万人`, `月均11万条`): the number is part of a phrase with a
///   qualifier, an indicator's target and not an amount, and `value` would overstate how exact
///   it is;
/// - fields that are not amounts (a postcode, a year, a phone number: normalize gives only a
///   field whose label names money an `amount`).
package enum FactsCSV {
    package static let fileName = "facts.csv"

    /// The `column` of a form field's fact: the form prints the amount beside its label, in a
    /// cell without a header of its own.
    package static let fieldColumn = "值"

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
            for (position, field) in table.fields.enumerated() {
                guard let value = field.amount else { continue }
                csv.texts(reportID, table.id, table.title, nil)
                csv.int(table.rows.count + position + 1)
                csv.texts(nil, field.label, fieldColumn, field.value)
                csv.number(value)
                csv.text(field.unit ?? table.amountUnit)
                csv.int(field.line)
                csv.endRecord()
                count += 1
            }
        }
        return (csv.data, count)
    }
}
