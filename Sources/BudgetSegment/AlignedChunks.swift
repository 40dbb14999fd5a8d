import BudgetCore

/// A run of text in a line of space-aligned text (`pdftotext -layout`), and where it stands on
/// the extractor's character grid.
package struct AlignedChunk: Sendable, Equatable {
    package var text: String
    /// Places `start..<end` on the extractor's grid. pdftotext counts characters: a CJK character
    /// takes one place like any other (counted as two, the ends of one column stray by the number
    /// of CJK characters before them).
    package var start: Int
    package var end: Int
}

/// Splits a line of space-aligned text into the runs of text its columns hold. Without tabs, the
/// gaps between cells are runs of spaces; an extractor leaves at least two between columns, but
/// only one where a cell is crowded against the next (`189,767,551 二、公共安全支出` — an amount
/// against the next side's label; `201   06   01 行政运行` — a code part against its name; two
/// long amounts side by side). So a
/// run of two or more spaces always splits, and one space splits between an amount or code part
/// and words; never inside words (`1. 一般公共预算资金`, `2025 年`).
package enum AlignedChunks {
    package static func of(_ line: some StringProtocol) -> [AlignedChunk] {
        // Words: maximal runs without a space, with their places.
        var words: [(text: Substring, start: Int, end: Int)] = []
        var column = 0
        var wordStart: String.Index?
        var wordColumn = 0
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        let text = Substring(line)
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isSpace = scalar == " " || scalar == "\u{3000}" || scalar == "\u{A0}"
            if isSpace {
                if let start = wordStart {
                    words.append((text[start..<index], wordColumn, column))
                    wordStart = nil
                }
            } else if wordStart == nil {
                wordStart = index
                wordColumn = column
            }
            column += 1
            scalars.formIndex(after: &index)
        }
        if let start = wordStart { words.append((text[start...], wordColumn, column)) }

        var chunks: [AlignedChunk] = []
        for word in words {
            if var last = chunks.last, word.start - last.end == 1, !splitsAtOneSpace(last.text, word.text) {
                last.text += " " + word.text
                last.end = word.end
                chunks[chunks.count - 1] = last
            } else {
                chunks.append(AlignedChunk(text: String(word.text), start: word.start, end: word.end))
            }
        }
        return chunks
    }

    /// Whether one space between `left` and `right` separates two cells: an amount against
    /// words or another amount (`293,810,000.00 293,810,000.00`), a code part against words, or
    /// words against an amount.
    static func splitsAtOneSpace(_ left: String, _ right: some StringProtocol) -> Bool {
        if isFigure(left) { return startsWithWords(right) || isFigure(right) }
        if isCodePart(left) { return startsWithWords(right) }
        if let last = left.unicodeScalars.last, isWide(last) { return isFigure(right) }
        return false
    }

    /// An amount as tables print it: `0`, digits with a thousands separator or a decimal part,
    /// a sign, `-` for none. Not a bare integer (`2025` in `2025 年`) nor an enumerator (`1.`).
    static func isFigure(_ text: some StringProtocol) -> Bool {
        if text == "-" || text == "0" { return true }
        guard TextPatterns.isAmount(String(text)), let last = text.unicodeScalars.last, last != ".", last != "," else { return false }
        return text.contains(",") || text.contains(".")
    }

    /// A part of a split code (`201`, `05`) or a whole code (`2010507`): digits only.
    static func isCodePart(_ text: some StringProtocol) -> Bool {
        text.utf8.count >= 2 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A 款 or 项 part printed in a column of its own (`05`): two digits.
    static func isLowerPart(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 2 && isCodePart(text)
    }

    static func startsWithWords(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return isWide(first)
    }

    /// A CJK or fullwidth character: words, not a figure.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
