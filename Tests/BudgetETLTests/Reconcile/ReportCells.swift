@testable import BudgetCore
@testable import BudgetNormalize

/// Cells of a normalized report: found, changed and described, for tests that edit a report
/// (the sample is `SampleReport.normalized`).
enum ReportCells {
    /// Every cell with a value: table index, row index, cell index.
    static func valueCells(of report: NormalizedReport) -> [(table: Int, row: Int, cell: Int)] {
        var cells: [(Int, Int, Int)] = []
        for (t, table) in report.tables.enumerated() {
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.cells.enumerated() where cell.value != nil {
                    cells.append((t, r, c))
                }
            }
        }
        return cells
    }

    /// `report` with one cell's value moved by `delta`.
    static func changing(_ report: NormalizedReport, _ place: (table: Int, row: Int, cell: Int), by delta: ExactDecimal) -> NormalizedReport {
        var copy = report
        let value = copy.tables[place.table].rows[place.row].cells[place.cell].value!
        copy.tables[place.table].rows[place.row].cells[place.cell].value = value + delta
        return copy
    }

    /// How a person finds a cell: `表5-1 line 208 20801 | 合计 = 955.32`.
    static func describe(_ report: NormalizedReport, _ place: (table: Int, row: Int, cell: Int)) -> String {
        let table = report.tables[place.table]
        let row = table.rows[place.row]
        let cell = row.cells[place.cell]
        let column = table.columns.first { $0.index == cell.column }?.path.joined(separator: " / ") ?? "column \(cell.column)"
        let name = [row.section, row.code, row.item].compactMap { $0 }.joined(separator: " ")
        return "表\(table.id) line \(row.line) \(name) | \(column) = \(cell.raw)"
    }
}
