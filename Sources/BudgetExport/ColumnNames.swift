import BudgetCore
import BudgetNormalize

/// A table's columns by index: the header path flattened as the contract writes it
/// (`基本支出 / 人员经费`), and each column's role. Cells name their column by index, and indices
/// need not be positions, so lookups go through this rather than `columns[index]`.
package struct ColumnNames {
    package static let separator = " / "

    private var paths: [Int: String] = [:]
    private var roles: [Int: ColumnRole] = [:]

    package init(_ table: NormalizedTable) {
        // Sized once: grown column by column, each was rehashed several times a table.
        var named = Set<String>(minimumCapacity: table.columns.count)
        paths.reserveCapacity(table.columns.count)
        roles.reserveCapacity(table.columns.count)
        for column in table.columns {
            var path = column.path.concatenated(separator: Self.separator)
            // A merged header over amount columns with nothing below it names each of them the
            // same: the printed position tells them apart, so a fact's (row, column) stays a key.
            if column.role == .amount {
                if !named.insert("\(column.section ?? "")\u{0}\(path)").inserted { path += "（第\(column.index + 1)列）" }
            }
            paths[column.index] = path
            roles[column.index] = column.role
        }
    }

    package func path(_ index: Int) -> String { paths[index] ?? "" }

    package func role(_ index: Int) -> ColumnRole? { roles[index] }

    /// Header names for a wide CSV: the paths as printed (a merged label names every column it
    /// covers), and `column N` for a column printed without a header, so the header record shows
    /// how wide the table is.
    package static func headers(_ table: NormalizedTable) -> [String] {
        table.columns.map { column in
            column.path.isEmpty || column.path.allSatisfy(\.isEmpty)
                ? "column \(column.index + 1)" : column.path.concatenated(separator: separator)
        }
    }
}
