import BudgetCore
import BudgetNormalize

/// Every problem normalize found becomes a check, so a run cannot say `ok` with nothing failed
/// while a figure could not be read or a table's shape is broken. The check's rule is the
/// problem's kind:
/// - `number` (fail): a cell of a numeric column is not a number; its value is unknown, and so
///   is every identity it is a term of (each is an `unverified` check naming the cell);
/// - `structure` (fail): cells beyond the columns the header names, or rows under no header;
/// - `column` (warn): a column's header and its cells disagree on what it holds (kept as the
///   header says);
/// - `metadata` (warn): the reporting unit, the year or the kind of report was not found;
/// - `unread` (warn): lines outside every table that look like table rows, with the count of
///   numbers in them that nothing read.
package enum DiagnosticChecks {
    package static func record(_ diagnostics: [NormalizeDiagnostic], into log: inout CheckLog) {
        for diagnostic in diagnostics {
            let rule = diagnostic.kind.rawValue
            let place = [diagnostic.table, diagnostic.row.map { String($0) }, diagnostic.column].compactMap { $0 }
            let location = place.isEmpty ? rule : place.joined(separator: " | ")
            log.note(rule, id: ([rule] + place).joined(separator: ":"), table: diagnostic.table, location: location,
                     status: status(of: diagnostic.kind), message: diagnostic.message, lines: diagnostic.line.map { [$0] } ?? [])
        }
    }

    private static func status(of kind: NormalizeDiagnostic.Kind) -> CheckStatus {
        switch kind {
        case .number, .structure: .fail
        case .column, .metadata, .unread: .warn
        }
    }
}
