import BudgetCore
import BudgetNormalize
import Foundation

/// `tables.csv`: every table of the report as printed (wide), one after the other, in one file.
///
/// Each record says which table it belongs to (`table_id`) and what it is (`record`): the
/// table's `header` (its flattened header paths, `基本支出 / 人员经费`, one per printed column),
/// then one `row` per printed row with the cells exactly as printed (placeholders such as `—`
/// included). A form has no grid of its own (its grids are tables of their own): it has the
/// header `label,value` and one `field` record per field. Columns `c1` … `cN` hold the printed
/// columns; a table narrower than the widest leaves the rest empty. Filtering on `table_id`
/// gives back one table, header first.
///
/// One file rather than one per table: a report has some twenty-five tables, and creating a
/// file costs the file system more than writing its few hundred bytes.
package enum TablesCSV {
    package static let fileName = "tables.csv"
    package static let formHeader = ["label", "value"]

    package enum Record: String, CaseIterable {
        case header, row, field
    }

    package static func isForm(_ table: NormalizedTable) -> Bool {
        table.layout == .form && table.columns.isEmpty
    }

    /// A table's printed column names.
    package static func header(_ table: NormalizedTable) -> [String] {
        isForm(table) ? formHeader : ColumnNames.headers(table)
    }

    /// How many `c` columns the file has: the widest table's.
    package static func width(_ tables: [NormalizedTable]) -> Int {
        max(tables.map { header($0).count }.max() ?? 0, formHeader.count)
    }

    /// The file's header: `table_id`, `record`, `c1` … `cN`.
    package static func columns(width: Int) -> [String] {
        ["table_id", "record"] + (1...max(width, 1)).map { "c\($0)" }
    }

    package static func write(_ tables: [NormalizedTable], byteOrderMark: Bool) -> Data {
        let width = width(tables)
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 1 << 15)
        csv.record(columns(width: width))
        func record(_ table: NormalizedTable, _ kind: Record, _ cells: [String]) {
            csv.text(table.id)
            csv.text(kind.rawValue)
            for index in 0..<max(width, 1) { csv.text(index < cells.count ? cells[index] : nil) }
            csv.endRecord()
        }
        for table in tables {
            record(table, .header, header(table))
            if isForm(table) {
                for field in table.fields { record(table, .field, [field.label, field.value]) }
            } else {
                for row in PrintedRows(table: table).rows() { record(table, .row, row) }
            }
        }
        return csv.takeData()
    }
}
