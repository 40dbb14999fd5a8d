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
///
/// Each record carries what an analyst filters and sums by, so facts of many reports can be
/// stacked and queried without joining anything: the report's year, unit and kind; the table's
/// kind; the row's group, code scheme, level, parent and whether it is a total. The columns of
/// earlier versions come first, in their old order, so scripts that read them by position still
/// work; the context columns follow.
package enum FactsCSV {
    package static let fileName = "facts.csv"

    package static let header = ["report_id", "table_id", "table_title", "section", "row", "code", "item", "column",
                                 "raw", "value", "unit", "source_line",
                                 "fiscal_year", "unit_name", "report_kind", "table_kind", "group", "code_scheme", "level",
                                 "parent_code", "is_total"]

    /// `code_scheme` of a row without a code.
    package static let noCodeScheme = "none"

    /// Every value of `code_scheme` (besides empty: a code of no known scheme).
    package static let codeSchemes = [CodeScheme.function, .economic, .unit, .project].map(\.rawValue) + [noCodeScheme]

    package static func write(reportID: String, metadata: ReportMetadata, tables: [NormalizedTable],
                              byteOrderMark: Bool) -> (data: Data, count: Int) {
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 1 << 16)
        csv.record(header)
        var count = 0
        // A form's grids are parts of the form: without a kind of their own, they take its kind.
        var formKinds: [String: String] = [:]
        for table in tables where table.layout == .form { formKinds[table.id] = table.kind }
        for table in tables {
            let columns = ColumnNames(table)
            let tableKind = table.kind ?? table.parentId.flatMap { formKinds[$0] }
            for row in table.rows {
                let group = [table.project, row.group].compactMap { $0 }.joined(separator: ColumnNames.separator)
                let scheme = row.code == nil ? noCodeScheme : row.codeScheme?.rawValue
                for cell in row.cells where columns.role(cell.column) == .amount {
                    guard let value = cell.value else { continue }
                    csv.texts(reportID, table.id, table.title, row.section)
                    csv.int(row.number)
                    csv.texts(row.code, row.item, columns.path(cell.column), cell.raw)
                    csv.number(value)
                    // The unit of the cell's own column: a count (数量) has none or its own (台),
                    // never the table's amount unit.
                    csv.text(cell.unit)
                    csv.int(row.line)
                    csv.int(metadata.fiscalYear)
                    csv.texts(metadata.unitName, metadata.kind?.rawValue, tableKind, group, scheme)
                    csv.int(row.level)
                    csv.texts(row.parent, row.isTotal ? "true" : "false")
                    csv.endRecord()
                    count += 1
                }
            }
        }
        return (csv.data, count)
    }
}
