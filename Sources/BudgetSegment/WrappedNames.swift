import BudgetCore

/// Puts back together a space-aligned row whose name pdftotext printed over several lines. A PDF
/// that wraps a long name in its cell and centres the cell's text vertically prints the name's
/// first words on the line above the row's code and amounts and its last words on the line
/// below (`社会保障和就` / `208   754.75   754.75   0.00` / `业支出`); a PDF that does not centre
/// prints the name's end alone under the row (`2080505 机关事业单位基本养老保险缴` / `费支出`).
/// Lines of one run of words each, on consecutive lines in the name's place of a coded row just
/// above or below them (after the code, before the first amount), are part of that row's name.
/// Such lines between two coded rows go to the row above, but for a row centred (pieces over it
/// too), which takes as many as it has over it and leaves the rest to the row below, and a row
/// below printing no name on its own line, which keeps the last.
package struct WrappedNames {
    package typealias Row = SegmentedTable.Row

    package init() {}

    /// Where a coded row's name may stand: after its code, before its first amount.
    struct NameSlot {
        var low: Int
        var high: Int
    }

    /// The rows with the pieces of their names joined; `absorbed`: the lines of those pieces.
    package func join(_ rows: [Row], chunks: inout [Int: [AlignedChunk]]) -> (rows: [Row], absorbed: [Int]) {
        let lines = rows.map(\.line)
        let slots = rows.map { chunks[$0.line].flatMap(Self.nameSlot) }
        let pieces = rows.map { row -> AlignedChunk? in
            guard let runs = chunks[row.line], runs.count == 1, let run = runs.first,
                  !TextPatterns.isAmount(run.text), !TextPatterns.isCode(run.text) else { return nil }
            return run
        }
        // Whether every piece of `block` stands in the name's place of the coded row at `row`.
        let fit = { (block: Range<Int>, row: Int) -> Bool in
            guard rows.indices.contains(row), let slot = slots[row] else { return false }
            return block.allSatisfy { pieces[$0].map { $0.start >= slot.low && $0.end <= slot.high } ?? false }
        }
        // Whether a coded row prints a name of its own on its line.
        let named = rows.indices.map { row in
            guard let runs = chunks[lines[row]], let slot = slots[row] else { return true }
            return Self.ownName(runs, slot: slot) != nil
        }
        var above: [Int: [Int]] = [:]  // coded row → the pieces over it
        var below: [Int: [Int]] = [:]  // coded row → the pieces under it
        var index = 0
        while index < rows.count {
            guard pieces[index] != nil else {
                index += 1
                continue
            }
            // A block: pieces on consecutive lines, touching the coded rows around it or not.
            var end = index + 1
            while end < rows.count, pieces[end] != nil, lines[end] == lines[end - 1] + 1 { end += 1 }
            let block = index..<end
            let up = index > 0 && lines[index - 1] + 1 == lines[index] && fit(block, index - 1)
            let down = end < rows.count && lines[end] - 1 == lines[end - 1] && fit(block, end)
            if up && down {
                // Between two rows: a row centred (pieces over it too) takes as many under it, an
                // uncentred row above them all; but a row below printing no name of its own keeps
                // the last, unless the row above has no other.
                let over = above[index - 1]?.count ?? 0
                var take = over == 0 ? block.count : min(block.count, over)
                if take == block.count, !named[end] { take -= 1 }
                if take == 0, over == 0, !named[index - 1] { take = 1 }
                let split = index + take
                if split > index { below[index - 1] = Array(index..<split) }
                if split < end { above[end] = Array(split..<end) }
            } else if up {
                below[index - 1] = Array(block)
            } else if down {
                above[end] = Array(block)
            }
            index = end
        }
        guard !above.isEmpty || !below.isEmpty else { return (rows, []) }
        var result: [Row] = []
        var absorbed: [Int] = []
        let used = Set(above.values.joined()).union(below.values.joined())
        for (index, row) in rows.enumerated() {
            if used.contains(index) {
                absorbed.append(row.line)
                continue
            }
            guard above[index] != nil || below[index] != nil, var runs = chunks[row.line], let slot = slots[index] else {
                result.append(row)
                continue
            }
            let code = Self.codeRuns(runs)
            let own = Self.ownName(runs, slot: slot)
            let parts = (above[index] ?? []).compactMap { pieces[$0] } + [own.map { runs[$0] }].compactMap { $0 }
                + (below[index] ?? []).compactMap { pieces[$0] }
            let name = AlignedChunk(text: parts.map(\.text).joined(), start: parts.map(\.start).min() ?? slot.low,
                                    end: parts.map(\.end).max() ?? slot.low)
            if let own { runs[own] = name } else { runs.insert(name, at: code) }
            chunks[row.line] = runs
            result.append(Row(line: row.line, cells: runs.map(\.text)))
        }
        return (result, absorbed)
    }

    /// The name's place in a line that starts with a code and prints an amount: from the code's
    /// end (its last part's, split `201   03   99`) to the first amount's start; nil for any
    /// other line.
    static func nameSlot(_ runs: [AlignedChunk]) -> NameSlot? {
        let code = codeRuns(runs)
        guard code > 0, let amount = runs.dropFirst(code).first(where: startsWithAmount) else { return nil }
        return NameSlot(low: runs[code - 1].end, high: amount.start)
    }

    /// The run of a coded line's own name, in its slot; nil when the line prints none.
    static func ownName(_ runs: [AlignedChunk], slot: NameSlot) -> Int? {
        runs.indices.dropFirst(codeRuns(runs)).first { !startsWithAmount(runs[$0]) && runs[$0].end <= slot.high }
    }

    /// How many runs a line's code takes: a code, and the two-digit 款 and 项 parts printed in
    /// columns of their own after it (`201   03   99`); 0 when the line starts with no code.
    static func codeRuns(_ runs: [AlignedChunk]) -> Int {
        guard let first = runs.first, TextPatterns.isCode(first.text) else { return 0 }
        return 1 + runs.dropFirst().prefix { AlignedChunks.isLowerPart($0.text) }.count
    }

    /// An amount, or amounts one space apart that pdftotext left in one run (`20,120,000.00 20,120,000.00`).
    static func startsWithAmount(_ run: AlignedChunk) -> Bool {
        TextPatterns.isAmount(String(run.text.prefix { $0 != " " }))
    }
}
