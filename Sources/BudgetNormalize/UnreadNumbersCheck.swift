import BudgetCore
import BudgetSegment

/// Accounting that can fail: every line is assigned to something, but a line can be assigned to
/// the wrong thing. When a report's tables are laid out in a way segment does not read (columns
/// aligned by spaces, one cell per line), their rows end up as narrative paragraphs and every
/// number in them is lost without a word. Two findings make that visible:
/// - `structure` (a failed check): tables were found, but not one of their cells or fields holds
///   a number that could be read. A budget report's tables always print amounts, so nothing
///   about this report can be trusted as read;
/// - `unread` (a warning): lines of the narrative that look like table rows (two or more
///   amounts standing as words of their own, no sentence punctuation) or cells (an amount on a
///   line of its own), with how many numbers they hold, so the loss is counted rather than
///   silent.
package enum UnreadNumbersCheck {
    /// At most this many line numbers are named in a message; the count covers all of them.
    static let linesNamed = 10

    package static func diagnose(tables: [NormalizedTable], narrative: [NarrativeBlock], sourceLines: [Substring],
                                 into diagnostics: inout [NormalizeDiagnostic]) {
        var rowLike: [Int] = []
        var numbers = 0
        for block in narrative {
            for line in block.lines where line >= 1 && line <= sourceLines.count {
                let text = sourceLines[line - 1]
                let amounts = amountWords(in: text)
                // A line of its own for one amount is a cell an extractor printed a line at a time.
                if amounts >= 2 || (amounts == 1 && text.split(whereSeparator: \.isWhitespace).count == 1) {
                    rowLike.append(line)
                    numbers += amounts
                }
            }
        }
        if !rowLike.isEmpty {
            let named = rowLike.prefix(linesNamed).map(String.init).joined(separator: ", ") + (rowLike.count > linesNamed ? " …" : "")
            diagnostics.append(NormalizeDiagnostic(
                kind: .unread, line: rowLike[0], table: nil, row: nil, column: nil, text: nil,
                message: "\(numbers) numbers on \(rowLike.count) lines that look like table rows were read into no table "
                    + "(lines \(named)): their figures are not in facts.csv and no identity checks them"))
        }
        let read = tables.contains { table in
            table.rows.contains { row in row.cells.contains { $0.value != nil } } || table.fields.contains { $0.amount != nil }
        }
        if !tables.isEmpty, !read {
            diagnostics.append(NormalizeDiagnostic(
                kind: .structure, line: tables[0].line, table: nil, row: nil, column: nil, text: nil,
                message: "\(tables.count) tables were found, but not one number was read from them: their layout was not "
                    + "understood (segment reads columns separated by tabs or aligned by spaces), so nothing of this report's figures is checked"))
        }
    }

    /// How many whitespace-separated words of `line` are amounts (`1,554,220.00`, `14.82`,
    /// `-3.50`); 0 when the line reads as a sentence: it has a Chinese full stop, comma or
    /// semicolon (not `、` or quotes, which table labels print: `一、`, `“三公”经费`), or an amount
    /// followed by its unit (`0.39 万（含…0.00 万元）`, its `。` wrapped onto the next line), which
    /// a table prints in its header, never after a figure.
    static func amountWords(in line: Substring) -> Int {
        // A sentence, however many figures it prints: found by a byte search before any scalar
        // is decoded (most narrative lines are sentences).
        if sentenceMarks.contains(where: { TextPatterns.contains(line, $0) }) { return 0 }
        var count = 0
        var word: [Unicode.Scalar] = []
        var afterAmount = false
        for scalar in line.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{3000}", "\u{A0}", "\u{0C}":
                if !word.isEmpty { afterAmount = isAmount(word) }
                if afterAmount && !word.isEmpty { count += 1 }
                word.removeAll(keepingCapacity: true)
            default:
                if word.isEmpty, afterAmount, ["万", "元", "亿"].contains(scalar) { return 0 }
                word.append(scalar)
            }
        }
        if isAmount(word) { count += 1 }
        return count
    }

    /// The marks that make a line a sentence in `amountWords`.
    private static let sentenceMarks = ["。", "，", "；"]

    /// An amount as tables print one: digits with a decimal point or thousands separators
    /// (bare integers are codes, years and counts as often as amounts, so they do not count).
    static func isAmount(_ word: [Unicode.Scalar]) -> Bool {
        guard word.contains(where: { $0 == "." || $0 == "," }), word.contains(where: { ("0"..."9").contains($0) }),
              case .number = PrintedNumber.read(String(scalars: word)) else { return false }
        return true
    }
}
