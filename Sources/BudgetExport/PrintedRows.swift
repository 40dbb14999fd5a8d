import BudgetCore
import BudgetNormalize

/// Rebuilds each table's rows as printed, cell by cell, from the normalized table: the wide
/// form `tables.csv` holds, and the column `report.xml` records for each row's label.
///
/// A normalized row keeps its code and label apart from its cells, with the column its label was
/// printed in.
package struct PrintedRows {
    package let table: NormalizedTable

    private var width: Int { (table.columns.map(\.index).max() ?? -1) + 1 }

    /// One array of `width` printed cells per row, in printed order.
    package func rows() -> [[String]] {
        table.layout == .paired ? pairedRows() : table.rows.map(gridRow)
    }

    private func gridRow(_ row: NormalizedRow) -> [String] {
        var printed = Array(repeating: "", count: width)
        for cell in row.cells where cell.column < width { printed[cell.column] = cell.raw }
        if let code = row.code, let column = table.columns.first(where: { $0.role == .code })?.index {
            printed[column] = code
        }
        if let item = row.printedItem, let column = itemColumn(of: row) {
            printed[column] = item
        }
        return printed
    }

    /// The two sides of a paired table share printed lines: a line's 收入 and 支出 rows make one row.
    private func pairedRows() -> [[String]] {
        var lines: [Int] = []
        var byLine: [Int: [String]] = [:]
        for row in table.rows.sorted(by: { $0.line < $1.line }) {
            if byLine[row.line] == nil {
                lines.append(row.line)
                byLine[row.line] = Array(repeating: "", count: width)
            }
            for cell in row.cells where cell.column < width { byLine[row.line]![cell.column] = cell.raw }
            if let item = row.printedItem, let column = itemColumn(of: row) {
                byLine[row.line]![column] = item
            }
        }
        return lines.map { byLine[$0]! }
    }

    /// The index of the column `row`'s label is printed in; nil for a row without a label.
    package func itemColumn(of row: NormalizedRow) -> Int? {
        row.printedItem == nil ? nil : row.itemColumn
    }
}
