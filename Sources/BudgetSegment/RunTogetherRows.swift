import BudgetCore

/// Two rows of a coded table that an extractor put on one line: when a row's baseline sits
/// within the line above (a cell's text centred a little high), pdftotext prints both rows'
/// cells in one line (`2010101   行政运行   100.00   2010102   一般行政管理事务   20.00`). Read
/// line by line that is one row with too many cells, its second code taken for an amount. A
/// row that starts with a code, prints an amount, and then prints another classification code
/// followed by a name is two rows on the same line: the cells from that code on are the second.
/// In space-aligned text the second row's runs stand where the first's leave room, not under
/// their labels, so they are read as printed, in order (an empty cell of it is not seen; the
/// identities its amounts are terms of then say so).
package enum RunTogetherRows {
    package typealias Row = SegmentedTable.Row

    /// The rows with each line holding two rows split in two (both keep the line).
    package static func split(_ rows: [Row]) -> [Row] {
        guard rows.contains(where: { secondRow(in: $0.cells) != nil }) else { return rows }
        var result: [Row] = []
        result.reserveCapacity(rows.count + 1)
        for row in rows {
            var cells = row.cells
            // A line may hold more than two rows; each split takes one off its front.
            while let start = secondRow(in: cells) {
                result.append(Row(line: row.line, cells: Array(cells[..<start])))
                cells = Array(cells[start...])
            }
            result.append(Row(line: row.line, cells: cells))
        }
        return result
    }

    /// Where the second row of `cells` starts: a classification code (3, 5 or 7 digits) followed by
    /// a name, after a first code and at least one amount; nil when the cells hold one row.
    static func secondRow(in cells: [String]) -> Int? {
        // Most rows are done with here: they do not start with a code.
        guard let first = cells.firstIndex(where: { !TextPatterns.isBlank($0) }), isClassification(cells[first]) else { return nil }
        let filled = cells.indices.filter { !TextPatterns.isBlank(cells[$0]) }
        var sawAmount = false
        for (position, index) in filled.enumerated().dropFirst() {
            let cell = cells[index]
            if isClassification(cell), sawAmount, position + 1 < filled.count {
                let next = cells[filled[position + 1]]
                if !TextPatterns.isAmount(next), !TextPatterns.isCode(next) { return index }
            }
            // A code is an amount too by its digits: only a figure with a point or a separator
            // counts here (`100.00`, `1,503`), never the bare digits of a code part. (An amount's
            // characters are single scalars, so its bytes can be searched for the two.)
            if TextPatterns.isAmount(cell), cell.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
                sawAmount = true
            }
        }
        return nil
    }

    /// A classification code: all digits, 3 (类), 5 (款) or 7 (项) of them, spaces around it aside.
    static func isClassification(_ text: String) -> Bool {
        text.withUTF8InPlace { bytes in
            let range = TextPatterns.trimmedRange(bytes)
            guard range.count == 3 || range.count == 5 || range.count == 7 else { return false }
            return range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        }
    }
}
