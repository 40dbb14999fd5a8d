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
        for column in table.columns {
            paths[column.index] = column.path.joined(separator: Self.separator)
            roles[column.index] = column.role
        }
    }

    package func path(_ index: Int) -> String { paths[index] ?? "" }

    package func role(_ index: Int) -> ColumnRole? { roles[index] }

    /// Header names for a wide CSV: the paths, made unique and non-empty (a CSV header needs
    /// both) by `column N` for a column without a header and ` #2`, ` #3` … for repeats.
    package static func uniqueHeaders(_ table: NormalizedTable) -> [String] {
        var names = UniqueNames(separator: " #")
        return table.columns.map { column in
            names.claim(column.path.isEmpty || column.path.allSatisfy(\.isEmpty)
                ? "column \(column.index + 1)" : column.path.joined(separator: separator))
        }
    }
}
