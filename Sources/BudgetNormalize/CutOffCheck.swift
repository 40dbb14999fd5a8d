import BudgetCore

/// A file cut off in the middle of a table (a truncated download, an extractor that stopped):
/// the text's last line is a row of a table, and tables the contents promise never come. Each
/// alone is ordinary (a report may end with a table; a contents entry may be wrong), so only
/// both together are reported: a `structure` diagnostic, which reconcile makes a failed check.
package enum CutOffCheck {
    package static func diagnose(tables: [NormalizedTable], promised: [PromisedTable], sourceLines: [Substring],
                                 into diagnostics: inout [NormalizeDiagnostic]) {
        guard let last = sourceLines.lastIndex(where: { line in line.contains { !$0.isWhitespace } }) else { return }
        let lastLine = last + 1
        guard let table = tables.first(where: { $0.rows.last?.line == lastLine }) else { return }
        let present = Set(tables.map(\.id))
        var missing: [String] = []
        for entry in promised where !present.contains(entry.id) && !missing.contains(entry.id) { missing.append(entry.id) }
        guard !missing.isEmpty else { return }
        let shown = missing.prefix(5).map { "表\($0)" }.joined(separator: ", ") + (missing.count > 5 ? " …" : "")
        diagnostics.append(NormalizeDiagnostic(
            kind: .structure, line: lastLine, table: table.id, row: table.rows.last?.number, column: nil, text: nil,
            message: "the text ends inside table \(table.id), at line \(lastLine), before tables the contents promise "
                + "(\(shown)): the file looks cut off; check the source file and its extraction"))
    }
}
