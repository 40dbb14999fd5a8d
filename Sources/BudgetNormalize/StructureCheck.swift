import BudgetCore
import BudgetSegment

/// What is wrong with a table's shape, as diagnostics (which reconcile makes into failed
/// checks): rows with cells beyond the columns its header names (an extractor that ran two
/// lines together, a stray tab), and a table with rows but no header row at all. Either way the
/// figures cannot be placed in a named column, and a run must not pass over that in silence.
package struct StructureCheck {
    package let table: SegmentedTable

    package func diagnose(_ columns: [NormalizedColumn], into diagnostics: inout [NormalizeDiagnostic]) {
        guard table.layout != .form || !table.columns.isEmpty, !table.rows.isEmpty else { return }
        let unnamed = columns.filter { $0.path.allSatisfy(\.isEmpty) }.map(\.index)
        // A form's grid may take its column names from elsewhere than a header row of its own,
        // so a table without names at all, not one without a header row, is the broken one.
        guard unnamed.count < columns.count else {
            diagnostics.append(NormalizeDiagnostic(
                kind: .structure, line: table.rows.first?.line, table: table.id, row: nil, column: nil, text: nil,
                message: "table \(table.id) has rows but no header row: its columns have no names, so its figures cannot be "
                    + "placed; check the extraction around line \(table.rows[0].line)"))
            return
        }
        guard !unnamed.isEmpty else { return }
        let named = columns.count - unnamed.count
        for (number, row) in table.rows.enumerated() {
            let extra = unnamed.compactMap { $0 < row.cells.count && !TextPatterns.isBlank(row.cells[$0]) ? row.cells[$0] : nil }
            guard !extra.isEmpty else { continue }
            diagnostics.append(NormalizeDiagnostic(
                kind: .structure, line: row.line, table: table.id, row: number + 1, column: nil, text: extra.joined(separator: " | "),
                message: "table \(table.id), row \(number + 1) (line \(row.line)) has \(extra.count) cell"
                    + "\(extra.count == 1 ? "" : "s") beyond the \(named) columns its header names (\(extra.joined(separator: ", "))); "
                    + "they belong to no column: check the extraction of this line"))
        }
    }
}
