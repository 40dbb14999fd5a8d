import BudgetCore

/// Puts the cells of a space-aligned table's rows (`pdftotext -layout`) into the table's columns.
/// A row read as runs of text (`AlignedChunks`) has lost its empty cells: `2、政府性基金 |
/// 三、卫生健康支出 | 4,668,000` does not say which side's amount is missing, nor a row with three
/// amounts of four which column is empty. Where each run stands on the line says it.
///
/// An amount column is where the right ends of a page's amounts line up (within two places:
/// pdftotext counts characters, a CJK character one place, and a long word pushes what follows
/// it); its place is the median of those ends. Words stand in the gaps between amount columns,
/// and a gap that holds a data row's words is a text column, placed at the median of their left
/// ends. A row's amounts go to the columns that fit their ends best, in order (least total
/// distance), and its words to the nearest text column between them. Columns are found page by
/// page, since a table continued on the next page may be laid out narrower; a page on which no
/// row prints some column takes the places of the nearest page that shows them all, moved by
/// the shift that fits its own. A table of one or two rows cannot show its columns by its
/// amounts and stands under its header's lowest labels instead. The leading parts of a split
/// code (`201 | 05 | 07`) stay as printed, for `SplitCodes`. Rows before the first data row (the
/// header) are left as printed: headers are read by their words, through the kind's template
/// (`HeaderTemplates`). So is a row whose runs do not fit; the table's number-token accounting
/// then says so.
package struct AlignedColumns {
    package typealias Row = SegmentedTable.Row

    package init() {}

    /// `rows` with their runs (`chunks`, by line; rows without runs are kept as they are), and the
    /// page each line is on.
    package func place(_ rows: [Row], chunks: [Int: [AlignedChunk]], page: (Int) -> Int) -> [Row] {
        guard let firstData = rows.firstIndex(where: { GridBuilder.looksLikeData($0.cells) }) else { return rows }
        // The rows of each page, in order.
        var pages: [[Int]] = []
        var lastPage: Int?
        for index in firstData..<rows.count {
            let current = page(rows[index].line)
            if current != lastPage { pages.append([]) }
            pages[pages.count - 1].append(index)
            lastPage = current
        }
        var parsed: [Int: Runs] = [:]
        for index in firstData..<rows.count {
            if let printed = chunks[rows[index].line], !printed.isEmpty { parsed[index] = Runs(printed) }
        }
        let width = parsed.values.map(\.amounts).max() ?? 0
        guard width > 0 else { return rows }
        // A table of a row or two (`“三公”经费` …) cannot show its columns by its amounts: the
        // labels at the foot of its header do.
        if parsed.values.count(where: { $0.amounts > 0 }) <= 2,
           let leaves = Self.headerLeaves(rows[..<firstData].compactMap { chunks[$0.line] }), leaves.count > width {
            var result = rows
            for (index, runs) in parsed {
                if let cells = Self.cells(of: runs, under: leaves) { result[index] = Row(line: rows[index].line, cells: cells) }
            }
            return result
        }
        let columns = pages.map { Layout.columns($0.compactMap { parsed[$0] }) }
        // Pages whose amounts show every column; a page that leaves some column empty takes the
        // places of the nearest such page, shifted to fit its own.
        let complete = columns.indices.filter { columns[$0].count >= width }
        guard !complete.isEmpty else { return rows }
        var result = rows
        for (number, indices) in pages.enumerated() {
            var amounts = columns[number]
            if amounts.count < width {
                let reference = complete.min { abs($0 - number) < abs($1 - number) || (abs($0 - number) == abs($1 - number) && $0 < $1) }!
                amounts = Layout.shifted(columns[reference], toFit: amounts)
            }
            let layout = Layout(amounts: amounts, rows: indices.compactMap { parsed[$0] })
            for index in indices {
                if let runs = parsed[index], let cells = layout.cells(of: runs) { result[index] = Row(line: rows[index].line, cells: cells) }
            }
        }
        return result
    }

    /// The header's lowest labels, left to right: those no label on a later header line stands
    /// under (`数`, the end of `机关运行经费预算` wrapped, and not its start). Nil when they overlap.
    static func headerLeaves(_ lines: [[AlignedChunk]]) -> [AlignedChunk]? {
        var leaves: [AlignedChunk] = []
        for (number, line) in lines.enumerated() {
            for chunk in line where !lines[(number + 1)...].contains(where: { later in
                later.contains { $0.start < chunk.end && chunk.start < $0.end }
            }) {
                leaves.append(chunk)
            }
        }
        leaves.sort { $0.start < $1.start }
        for (left, right) in zip(leaves, leaves.dropFirst()) where right.start < left.end { return nil }
        return leaves.isEmpty ? nil : leaves
    }

    /// A row's cells under the header's lowest labels: each run, in order, under the label whose
    /// middle is nearest its own, once the row is moved by the shift that fits it best (amounts are
    /// right-aligned under centred labels, so a whole row stands a few places right of them; least
    /// total distance, ties to the smaller shift).
    static func cells(of runs: Runs, under leaves: [AlignedChunk]) -> [String]? {
        // Doubled places: a middle is start + end.
        let middles = runs.rest.map { $0.start + $0.end }
        var best: (cost: Int, shift: Int, columns: [Int])?
        for shift in -24...24 {
            let places = leaves.map { $0.start + $0.end + shift }
            guard let columns = Layout.fit(middles, to: places) else { return nil }
            let cost = zip(middles, columns).reduce(0) { $0 + abs($1.0 - places[$1.1]) }
            if best == nil || cost < best!.cost || (cost == best!.cost && abs(shift) < abs(best!.shift)) { best = (cost, shift, columns) }
        }
        guard let best else { return nil }
        var cells = Array(repeating: "", count: leaves.count)
        for (chunk, column) in zip(runs.rest, best.columns) { cells[column] = chunk.text }
        return runs.codes.map(\.text) + cells
    }

    /// A row's runs: the leading parts of a split code, then amounts and words.
    struct Runs {
        var codes: [AlignedChunk]
        var rest: [AlignedChunk]
        var amounts: Int

        init(_ chunks: [AlignedChunk]) {
            // A code leads its row: a 类 part (`201`) or a whole code (`2010507`), then 款 and 项 parts
            // (`05`), before the row's name, or before its amounts when the name wrapped away (a lone
            // three-digit figure before amounts is an amount). Digits before the name are code parts
            // however they are printed (a garbled ` 7    11   02   事业单位医疗` too, for `SplitCodes`
            // to refuse): never amounts, which stand right of the name.
            let isDigits = { (chunk: AlignedChunk) in chunk.text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            var codes = chunks.prefix(while: isDigits).count
            if codes == chunks.count || TextPatterns.isAmount(chunks[codes].text) {
                codes = 0
                if let first = chunks.first, chunks.count > 1, AlignedChunks.isCodePart(first.text), first.text.utf8.count != 2 {
                    codes = 1
                    while codes < chunks.count - 1, AlignedChunks.isLowerPart(chunks[codes].text) {
                        codes += 1
                    }
                    if codes == 1, first.text.utf8.count == 3 { codes = 0 }
                }
            }
            self.codes = Array(chunks[..<codes])
            rest = Array(chunks[codes...])
            amounts = rest.count { TextPatterns.isAmount($0.text) }
        }
    }

    /// Where a table's columns stand on a page: amount columns by right end, text columns by
    /// left end (a text column is the gap before amount column k, or after the last).
    struct Layout {
        var amounts: [Int]
        var texts: [Int: Int]

        /// Right ends of amounts within `tolerance` of the one before are one column; its place
        /// is their median.
        static func columns(_ rows: [Runs], tolerance: Int = 2) -> [Int] {
            let ends = rows.flatMap { $0.rest.filter { TextPatterns.isAmount($0.text) }.map(\.end) }.sorted()
            var groups: [[Int]] = []
            for end in ends {
                if let last = groups.last?.last, end - last <= tolerance { groups[groups.count - 1].append(end) } else { groups.append([end]) }
            }
            return groups.map(median)
        }

        /// `reference` (every column's place on another page) moved by the shift that fits a page's
        /// own columns best, those columns taking their own places.
        static func shifted(_ reference: [Int], toFit own: [Int]) -> [Int] {
            var best: (cost: Int, shift: Int, columns: [Int])?
            for shift in -12...12 {
                let moved = reference.map { $0 + shift }
                guard let columns = fit(own, to: moved) else { continue }
                let cost = zip(own, columns).reduce(0) { $0 + abs($1.0 - moved[$1.1]) }
                if best == nil || cost < best!.cost || (cost == best!.cost && abs(shift) < abs(best!.shift)) {
                    best = (cost, shift, columns)
                }
            }
            guard let best else { return reference }
            var places = reference.map { $0 + best.shift }
            for (end, column) in zip(own, best.columns) { places[column] = end }
            return places
        }

        /// Text columns from the words of the page's data rows, placed among `amounts`.
        init(amounts: [Int], rows: [Runs]) {
            self.amounts = amounts
            var starts: [Int: [Int]] = [:]
            for row in rows where row.amounts > 0 || !row.codes.isEmpty {
                guard let columns = Self.fit(row.rest.filter { TextPatterns.isAmount($0.text) }.map(\.end), to: amounts) else { continue }
                var placed = 0
                for chunk in row.rest {
                    if TextPatterns.isAmount(chunk.text) {
                        placed += 1
                    } else {
                        // Words after the row's amount in column k-1: text column k, or a later
                        // one when they start after later amount columns end.
                        let low = placed == 0 ? 0 : columns[placed - 1] + 1
                        starts[max(low, amounts.prefix { $0 < chunk.start }.count), default: []].append(chunk.start)
                    }
                }
            }
            texts = starts.mapValues(Self.median)
        }

        static func median(_ values: [Int]) -> Int { values.sorted()[values.count / 2] }

        /// The row's code parts, then a cell for each column (text column k before amount column
        /// k); nil when its runs do not fit.
        func cells(of runs: Runs) -> [String]? {
            let amountRuns = runs.rest.filter { TextPatterns.isAmount($0.text) }
            guard let columns = Self.fit(amountRuns.map(\.end), to: amounts) else { return nil }
            var slots: [Int] = []
            var slotOfAmount: [Int: Int] = [:]
            var slotOfText: [Int: Int] = [:]
            for column in 0...amounts.count {
                if texts[column] != nil {
                    slotOfText[column] = slots.count
                    slots.append(column)
                }
                if column < amounts.count {
                    slotOfAmount[column] = slots.count
                    slots.append(column)
                }
            }
            var cells = Array(repeating: "", count: slots.count)
            var amountIndex = 0
            for (position, chunk) in runs.rest.enumerated() {
                let slot: Int
                if TextPatterns.isAmount(chunk.text) {
                    slot = slotOfAmount[columns[amountIndex]]!
                    amountIndex += 1
                } else {
                    // Words between the row's amounts in columns `low - 1` and `high` are in a text
                    // column from `low` to `high`: the nearest.
                    let low = amountIndex == 0 ? 0 : columns[amountIndex - 1] + 1
                    let high = amountIndex < columns.count ? columns[amountIndex] : amounts.count
                    guard low <= high,
                          let column = (low...high).filter({ texts[$0] != nil }).min(by: {
                              abs(texts[$0]! - chunk.start) < abs(texts[$1]! - chunk.start)
                          }) else { return nil }
                    slot = slotOfText[column]!
                    // Words after words in the same column (`合    计`) join them.
                    if position > 0, !cells[slot].isEmpty {
                        cells[slot] += " " + chunk.text
                        continue
                    }
                }
                guard cells[slot].isEmpty else { return nil }
                cells[slot] = chunk.text
            }
            return runs.codes.map(\.text) + cells
        }

        /// The columns (increasing) that `ends` fit best: least total distance, each end within
        /// half the way to the next column. Nil when there are more ends than columns.
        static func fit(_ ends: [Int], to places: [Int]) -> [Int]? {
            let count = ends.count, width = places.count
            guard count <= width else { return nil }
            if count == 0 { return [] }
            // cost[i][j]: least distance placing ends i... with end i in column j or later.
            let unreachable = Int.max / 4
            var cost = Array(repeating: Array(repeating: unreachable, count: width + 1), count: count + 1)
            for column in 0...width { cost[count][column] = 0 }
            for end in stride(from: count - 1, through: 0, by: -1) {
                for column in stride(from: width - 1, through: 0, by: -1) {
                    let here = abs(ends[end] - places[column]) + cost[end + 1][column + 1]
                    cost[end][column] = min(here, cost[end][column + 1])
                }
            }
            var columns: [Int] = []
            var column = 0
            for end in 0..<count {
                while cost[end][column] == cost[end][column + 1] { column += 1 }
                columns.append(column)
                column += 1
            }
            return columns
        }
    }
}
