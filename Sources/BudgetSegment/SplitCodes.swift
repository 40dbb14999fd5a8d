import BudgetCore

/// Classification codes printed in split columns: a header row `类 | 款 | 项` (or `类 | 款` for
/// economic codes) over cells `201 | 05 | 07`, which this joins into one code cell (`2010507`),
/// so that level and parent follow from the code as for a code printed whole.
///
/// Extractors print these rows two ways, and both are read:
/// - empty cells kept: the part's column says its level (`201 |  |  | 一般公共服务支出`,
///   ` | 05 |  | 统计信息事务`); a row that prints only its own part takes the coarser parts
///   from the row above (a code printed only on its 类 row);
/// - empty cells dropped (`201 | 一般公共服务支出`, `201 | 05 | 统计信息事务`): the parts are the
///   leading cells that look like parts.
package struct SplitCodes {
    /// The header words of the parts, coarsest first (`类`, `款`, `项`).
    package let parts: [String]

    /// Whether a header row is the row of part names: at least two cells, each one of `parts`.
    package func isPartsRow(_ cells: [String]) -> Bool {
        let filled = cells.map(TextPatterns.trimmed).filter { !$0.isEmpty }
        return filled.count >= 2 && filled.allSatisfy { cell in parts.contains { TextKey.equal($0, cell) } }
    }

    /// How many part names (at least two) a header row starts with: `类 | 款 | 项`, or `类 | 款 |
    /// 项 | 经营收入` when an extractor put the end of a wrapped label on the same line.
    package func leadingParts(_ cells: [String]) -> Int {
        let filled = cells.map(TextPatterns.trimmed).filter { !$0.isEmpty }
        let count = filled.prefix { cell in parts.contains { TextKey.equal($0, cell) } }.count
        return count >= 2 ? count : 0
    }

    /// Part names printed one to a line (`款` over `类`: labels centred in header cells of other
    /// heights): the last of two or more consecutive rows before `end` that each print one part
    /// name alone, naming different parts, and how many parts they name.
    package func stackedParts(_ rows: [SegmentedTable.Row], before end: Int) -> (index: Int, count: Int)? {
        var names: Set<String> = []
        var last: Int?
        for index in rows.indices where index < end {
            let filled = rows[index].cells.map(TextPatterns.trimmed).filter { !$0.isEmpty }
            if filled.count == 1, let part = parts.first(where: { TextKey.equal($0, filled[0]) }), !names.contains(part),
               last == nil || last == index - 1 {
                names.insert(part)
                last = index
            } else if last != nil {
                break
            }
        }
        guard let last, names.count >= 2 else { return nil }
        return (last, names.count)
    }

    /// A table read cell by cell whose header has a row of parts (`科目编码 |  |  | 科目名称 …` over
    /// `类 | 款 | 项`): the rows with the part columns made one code column, for `GridBuilder`. The
    /// header rows above keep one label over that column; the parts row itself is taken out (and
    /// returned, to be recorded as a header line); body rows get their codes joined, and rows
    /// without a code (`合计`) lose the empty part columns. Nil when the rows have no parts row
    /// before their first data row, or its parts do not start in the first column.
    package func collapse(_ rows: [SegmentedTable.Row]) -> (rows: [SegmentedTable.Row], joined: [SegmentedTable.JoinedCode],
                                                            partsRow: SegmentedTable.Row)? {
        let firstData = rows.firstIndex { GridBuilder.looksLikeData($0.cells) } ?? rows.count
        guard let index = rows[..<firstData].firstIndex(where: { isPartsRow($0.cells) }),
              let first = rows[index].cells.firstIndex(where: { !TextPatterns.isBlank($0) }), first == 0 else { return nil }
        let slots = rows[index].cells.filter { !TextPatterns.isBlank($0) }.count
        let header = rows[..<index].map { row -> SegmentedTable.Row in
            guard row.cells.count > 1 else { return row }
            let covered = row.cells.prefix(slots)
            let label = covered.first { !TextPatterns.isBlank($0) } ?? ""
            return SegmentedTable.Row(line: row.line, cells: [label] + row.cells.dropFirst(min(slots, row.cells.count)))
        }
        var (body, joined) = join(Array(rows[(index + 1)...]), slots: slots)
        let coded = Set(joined.map(\.line))
        body = body.map { row in
            guard !coded.contains(row.line), row.cells.count >= slots,
                  row.cells[1..<slots].allSatisfy(TextPatterns.isBlank) else { return row }
            var cells = [row.cells[0]] + row.cells.dropFirst(slots)
            // A label printed across the code and name columns (`合计`) is the row's name.
            if cells.count > 1, !TextPatterns.isCode(cells[0]), TextPatterns.isBlank(cells[1]) { cells.swapAt(0, 1) }
            return SegmentedTable.Row(line: row.line, cells: cells)
        }
        return (header + body, joined, rows[index])
    }

    /// Joins the leading code parts of each body row into one cell. `slots` is how many part
    /// columns the header names. Rows without parts (a `合计` row) are returned as printed.
    package func join(_ rows: [SegmentedTable.Row], slots: Int) -> (rows: [SegmentedTable.Row], joined: [SegmentedTable.JoinedCode]) {
        var joined: [SegmentedTable.JoinedCode] = []
        var previous: [String] = []
        let result = rows.map { row -> SegmentedTable.Row in
            guard let (code, printed, used) = parts(of: row.cells, slots: slots, previous: previous) else { return row }
            previous = code
            joined.append(SegmentedTable.JoinedCode(line: row.line, parts: printed))
            return SegmentedTable.Row(line: row.line, cells: [code.joined()] + row.cells.dropFirst(used))
        }
        return (result, joined)
    }

    /// The parts of a row's code (coarser parts taken from `previous` when the row leaves them
    /// empty), the parts as printed, and how many leading cells they took.
    private func parts(of cells: [String], slots: Int, previous: [String]) -> (code: [String], printed: [String], used: Int)? {
        var code: [String] = []
        var printed: [String] = []
        var used = 0
        var firstSlot: Int?
        while used < cells.count, used < slots {
            let cell = TextPatterns.trimmed(cells[used])
            if cell.isEmpty {
                // An empty part column: only before the first part (a coarser part left empty).
                guard code.isEmpty else { break }
                used += 1
                continue
            }
            // The slot a part sits in: its column when empty cells are kept, else the next level.
            let slot = firstSlot == nil ? used : firstSlot! + code.count
            guard isPart(cell, slot: slot) else { break }
            if firstSlot == nil {
                firstSlot = slot
                // Coarser parts left empty come from the row above.
                guard previous.count >= slot else { return nil }
                code = Array(previous.prefix(slot))
            }
            code.append(cell)
            printed.append(cell)
            used += 1
        }
        guard !printed.isEmpty else { return nil }
        // The empty part columns after the last part (`201 |  |  | 一般公共服务支出`) go with the code.
        while used < slots, used < cells.count, TextPatterns.isBlank(cells[used]) { used += 1 }
        return (code, printed, used)
    }

    /// A 类 part is three digits, a 款 or 项 part two.
    private func isPart(_ cell: String, slot: Int) -> Bool {
        cell.utf8.count == (slot == 0 ? 3 : 2) && cell.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
