import BudgetCore

/// A space-aligned table printing one list in two halves side by side, each half under the same
/// header (a 决算 基本支出表: 人员经费's 301 and 303 rows on the left, 公用经费's 302 and 310 rows on
/// the right, both under `经济分类科目编码 | 科目名称 | 决算数`). Read line by line, a row would hold
/// two records; so each line is cut where the right half starts, each half is read as a table of
/// its own, and the halves' rows follow each other: the left half top to bottom, then the right.
package struct SideBySideLists {
    package typealias Row = SegmentedTable.Row

    /// One half of the table: its part of each line that prints something there.
    package struct Half {
        package var rows: [Row]
        package var chunks: [Int: [AlignedChunk]]
    }

    /// The halves, left first, or nil when no header line prints its labels twice over.
    package static func halves(_ rows: [Row], chunks: [Int: [AlignedChunk]]) -> [Half]? {
        guard let cut = cut(rows, chunks: chunks) else { return nil }
        var left = Half(rows: [], chunks: [:])
        var right = Half(rows: [], chunks: [:])
        for row in rows {
            guard let runs = chunks[row.line] else {
                // A line read without its places (a header label alone): it is the left half's.
                left.rows.append(row)
                continue
            }
            // A run across the cut goes where most of it stands.
            let parts = [runs.filter { $0.start + $0.end < 2 * cut }, runs.filter { $0.start + $0.end >= 2 * cut }]
            for (index, part) in parts.enumerated() where !part.isEmpty {
                let row = Row(line: row.line, cells: part.map(\.text))
                if index == 0 {
                    left.rows.append(row)
                    left.chunks[row.line] = part
                } else {
                    right.rows.append(row)
                    right.chunks[row.line] = part
                }
            }
        }
        return [left, right]
    }

    /// A half's rows with the pieces pdftotext printed under a coded row joined to it: a half is
    /// narrower than the page, so its cells wrap more, and a wrapped cell's last line comes out
    /// as a line of its own (`302   因 公 出 国 （ 境 ） 费` over `12` over `用`: 30212 因公出国（境）费用;
    /// `30207` over `邮电费   8.05`). A row that starts with no code, on the line under a coded
    /// row (or with only lines of the other half between), is part of that row: a two-digit run
    /// at its start is the next part of the code, a run of words standing under the row's name (or
    /// where a row printing none would have one) ends that name, an amount fills the row's empty
    /// place. `absorbed`: the lines so joined.
    package static func joinContinuations(_ rows: [Row], chunks: inout [Int: [AlignedChunk]], tableLines: Set<Int>)
        -> (rows: [Row], absorbed: [Int]) {
        var result: [Row] = []
        var absorbed: [Int] = []
        for row in rows {
            guard let last = result.last, var above = chunks[last.line], let runs = chunks[row.line],
                  let first = runs.first, !TextPatterns.isCode(first.text),
                  WrappedNames.codeRuns(above) > 0, ((last.line + 1)..<row.line).allSatisfy(tableLines.contains),
                  merge(runs, into: &above) else {
                result.append(row)
                continue
            }
            chunks[last.line] = above
            result[result.count - 1] = Row(line: last.line, cells: above.map(\.text))
            absorbed.append(row.line)
        }
        return (result, absorbed)
    }

    /// `runs` joined to a coded line's runs; false, and the line untouched, when one of them has
    /// no place there (a second amount where the line has one, words beside the name).
    private static func merge(_ runs: [AlignedChunk], into line: inout [AlignedChunk]) -> Bool {
        var joined = line
        var codeEnd = WrappedNames.codeRuns(joined)
        var rest = runs[...]
        while let part = rest.first, AlignedChunks.isLowerPart(part.text), codeEnd == joined.count || joined[codeEnd].start > part.start {
            joined.insert(part, at: codeEnd)
            codeEnd += 1
            rest = rest.dropFirst()
        }
        for run in rest {
            if TextPatterns.isAmount(run.text) {
                guard !joined.contains(where: { run.start < $0.end && $0.start < run.end }) else { return false }
                joined.append(run)
            } else if let name = joined.indices.dropFirst(codeEnd).first(where: { !TextPatterns.isAmount(joined[$0].text) }) {
                // The end of a wrapped name brings no amount: a label with one under a named row
                // is a row of its own (`公用经费合计   184.65` under `310   99   其他资本性支出`).
                guard joined[name].start < run.end && run.start < joined[name].end,
                      !rest.contains(where: { TextPatterns.isAmount($0.text) }) else { return false }
                joined[name].text += run.text
                joined[name].end = max(joined[name].end, run.end)
            } else {
                joined.insert(run, at: codeEnd)
            }
            joined.sort { $0.start < $1.start }
        }
        line = joined
        return true
    }

    /// Where the right half starts: between the end of the first copy of the repeated header and
    /// the start of the second, the place that cuts fewest of the body's runs, the leftmost of
    /// those (a half's codes stand at its left edge, its amounts end at its right one). Nil unless
    /// every header line (a line before the first row of data) of several labels prints the same
    /// labels twice, one of them at least two; nil too when every place cuts a run of most body
    /// lines.
    static func cut(_ rows: [Row], chunks: [Int: [AlignedChunk]]) -> Int? {
        let firstData = rows.firstIndex { GridBuilder.looksLikeData($0.cells) } ?? rows.count
        var low = 0
        var high = Int.max
        var repeatedLabels = 0
        // Every header line of several labels prints them twice: a header whose labels repeat
        // under different top labels (`预算数 | 决算数` under each of 因公出国（境）费 and 公务接待费)
        // has a line naming those once.
        for row in rows[..<firstData] {
            guard let runs = chunks[row.line], runs.count >= 2 else { continue }
            guard runs.count % 2 == 0 else { return nil }
            let half = runs.count / 2
            let first = runs[..<half]
            let second = runs[half...]
            guard zip(first, second).allSatisfy({ TextKey.equal($0.text, $1.text) }) else { return nil }
            low = max(low, first.last?.end ?? 0)
            high = min(high, second.first?.start ?? Int.max)
            repeatedLabels = max(repeatedLabels, half)
        }
        guard repeatedLabels >= 2, low < high else { return nil }
        let body = rows[firstData...].compactMap { chunks[$0.line] }
        guard !body.isEmpty else { return nil }
        // How many lines each place cuts, counted from each run's span (a line's runs never
        // overlap, so a place cuts a line at most once): linear in the runs and the places.
        var change = Array(repeating: 0, count: high - low + 2)
        for run in body.joined() {
            let first = max(run.start + 1, low), last = min(run.end - 1, high)
            guard first <= last else { continue }
            change[first - low] += 1
            change[last - low + 1] -= 1
        }
        var best: (place: Int, cuts: Int)?
        var cuts = 0
        for place in low...high {
            cuts += change[place - low]
            if cuts < best?.cuts ?? Int.max { best = (place, cuts) }
        }
        guard let best, best.cuts * 2 < body.count else { return nil }
        return best.place
    }
}
