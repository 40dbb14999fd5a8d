import BudgetCore

/// Puts back together a space-aligned row whose cells pdftotext printed on different lines.
/// Some PDFs centre each cell's text vertically in a row of wrapped cells, and pdftotext then
/// prints the amounts of one row a line or two above its code and name (a 决算 支出决算表:
/// `1,503.52   603.14` over `201 一般公共服务支出   2,106.66`), sometimes with the `类 款 项` line
/// of the header between them (`2,946.25 … 6.20`, `类 款 项`, `合计`). A line printing amounts
/// only is joined to the next line that prints words, when that line is at most a few lines on
/// and none of their runs stand in the same places (two amounts of one column would overlap).
/// A line of amounts that no such line follows stays a row of its own.
package struct FloatingAmounts {
    package typealias Row = SegmentedTable.Row

    /// Header words of split code columns: a line of them only (`类 款 项`) is passed over.
    package let codeParts: [String]
    /// How many lines on the row's words may stand from its amounts.
    package var reach = 3

    package init(codeParts: [String]) { self.codeParts = codeParts }

    /// The rows with floating amounts joined to their words; `absorbed`: the lines whose amounts
    /// moved into another row.
    package func join(_ rows: [Row], chunks: inout [Int: [AlignedChunk]]) -> (rows: [Row], absorbed: [Int]) {
        var result: [Row] = []
        var absorbed: [Int] = []
        // Rows of amounts only, waiting for their words: their places in `result`.
        var pending: [Int] = []
        var pendingChunks: [AlignedChunk] = []
        for row in rows {
            guard let runs = chunks[row.line], !runs.isEmpty else {
                pending = []
                pendingChunks = []
                result.append(row)
                continue
            }
            if runs.allSatisfy({ TextPatterns.isAmount($0.text) }) {
                if let last = pending.last, row.line - result[last].line > reach || Self.overlaps(pendingChunks, runs) {
                    pending = []
                    pendingChunks = []
                }
                pending.append(result.count)
                pendingChunks += runs
                result.append(row)
                continue
            }
            if runs.allSatisfy({ run in codeParts.contains { TextPatterns.same($0, run.text) } }) {
                result.append(row)
                continue
            }
            if let last = pending.last, row.line - result[last].line <= reach, !Self.overlaps(pendingChunks, runs) {
                let merged = (pendingChunks + runs).sorted { $0.start < $1.start }
                chunks[row.line] = merged
                absorbed += pending.map { result[$0].line }
                for index in pending.reversed() { result.remove(at: index) }
                result.append(Row(line: row.line, cells: merged.map(\.text)))
            } else {
                result.append(row)
            }
            pending = []
            pendingChunks = []
        }
        return (result, absorbed)
    }

    static func overlaps(_ left: [AlignedChunk], _ right: [AlignedChunk]) -> Bool {
        // Linear in practice: a line holds a handful of runs.
        left.contains { one in right.contains { one.start < $0.end && $0.start < one.end } }
    }
}
