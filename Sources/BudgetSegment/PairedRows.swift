import BudgetCore

/// Puts the cells of a paired table's row (收入 | 支出 side by side) back in their columns when
/// the extractor dropped the empty ones: `2. 政府性基金 | 三、教育支出 | 250,000` is an income
/// item without an amount and an expenditure item with one; `八、城乡社区支出 | 154,369,326`,
/// printed below the last income row, is an expenditure item alone.
///
/// Each label starts a side's part of the row and the amounts after it are that side's, filling
/// its amount columns from the left. A row with fewer labels than sides goes to the side that has
/// room for its amounts; among those, the side whose numbering it continues (`八、` after `七、`);
/// failing that, the side whose own word its label holds (`三、教育支出` on the `本年支出` side);
/// failing that, a side that had an item in the row above while another did not (the list still
/// running). A row that fits no side is kept as printed, with a diagnostic.
package struct PairedRows {
    package struct Side: Sendable {
        /// The side's top header label (`本年收入`).
        package var name: String
        /// The column of its item labels.
        package var item: Int
        /// Its amount columns, left to right.
        package var amounts: [Int]
    }

    package let sides: [Side]
    package let width: Int
    /// Each side's last item and whether the last row had one.
    private var lastItem: [String?]
    private var hadItem: [Bool]

    package init(sides: [Side], width: Int) {
        self.sides = sides
        self.width = width
        lastItem = Array(repeating: nil, count: sides.count)
        hadItem = Array(repeating: false, count: sides.count)
    }

    private struct Part {
        var item: String?
        var amounts: [String] = []
    }

    package mutating func place(_ row: SegmentedTable.Row, realigned: inout [SegmentedTable.Realignment],
                                diagnostics: inout [Diagnostic]) -> SegmentedTable.Row {
        let printed = GridBuilder.padded(row.cells, to: width)
        var parts: [Part] = []
        for cell in row.cells.map(TextPatterns.trimmed) where !cell.isEmpty {
            if TextPatterns.isAmount(cell) {
                if parts.isEmpty { parts.append(Part()) }
                parts[parts.count - 1].amounts.append(cell)
            } else {
                parts.append(Part(item: cell))
            }
        }
        var assignment: [Int]?
        if parts.count == sides.count {
            assignment = Array(sides.indices)
        } else if parts.count == 1 {
            assignment = chooseSide(for: parts[0]).map { [$0] }
        }
        guard let assignment, zip(parts, assignment).allSatisfy({ $0.amounts.count <= sides[$1].amounts.count }) else {
            if !parts.isEmpty {
                diagnostics.append(Diagnostic(lines: [row.line], message: "a paired row whose cells fit neither side's columns; "
                    + "kept as printed"))
            }
            return SegmentedTable.Row(line: row.line, cells: printed)
        }
        var cells = Array(repeating: "", count: width)
        for (part, side) in zip(parts, assignment) {
            if let item = part.item { cells[sides[side].item] = item }
            for (amount, column) in zip(part.amounts, sides[side].amounts) { cells[column] = amount }
        }
        for side in sides.indices {
            let item = assignment.firstIndex(of: side).flatMap { parts[$0].item }
            hadItem[side] = item != nil
            if let item { lastItem[side] = item }
        }
        if !zip(cells, printed).allSatisfy({ TextPatterns.trimmed($0) == TextPatterns.trimmed($1) }) {
            let moved = cells.firstIndex { !$0.isEmpty } ?? 0
            realigned.append(SegmentedTable.Realignment(line: row.line, shift: moved))
        }
        return SegmentedTable.Row(line: row.line, cells: cells)
    }

    private func chooseSide(for part: Part) -> Int? {
        let fitting = sides.indices.filter { part.amounts.count <= sides[$0].amounts.count }
        guard fitting.count > 1 else { return fitting.first }
        if let value = part.item.flatMap(Self.ordinal) {
            let continued = fitting.filter { side in lastItem[side].flatMap(Self.ordinal) == value - 1 }
            if continued.count == 1 { return continued[0] }
        }
        if let item = part.item {
            let named = fitting.filter { side in TextPatterns.contains(TextKey.of(item), ownWord(of: side)) }
            if named.count == 1 { return named[0] }
        }
        let running = fitting.filter { hadItem[$0] }
        if running.count == 1 { return running[0] }
        return fitting.first
    }

    /// What a side's name has that the other sides' names do not: `支出` of `本年支出` beside
    /// `本年收入` (their common beginning cut off), which an item of that side often holds
    /// (`三、教育支出`).
    private func ownWord(of side: Int) -> String {
        let name = Array(TextKey.of(sides[side].name))
        var common = name.count
        for other in sides.indices where other != side {
            let otherName = Array(TextKey.of(sides[other].name))
            common = min(common, zip(name, otherName).prefix { $0 == $1 }.count)
        }
        let own = String(name.dropFirst(common))
        return own.isEmpty ? String(name) : own
    }

    /// The number of an item's enumerator (`八、` → 8, `3.` → 3), nil without one.
    static func ordinal(_ item: String) -> Int? {
        guard let enumerator = TextPatterns.enumerator(item) else { return nil }
        if let value = Int(enumerator.ordinal) { return value }
        return chineseNumber(enumerator.ordinal)
    }

    /// 一 … 九十九.
    static func chineseNumber(_ text: String) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let characters = Array(text)
        switch characters.count {
        case 1: return characters[0] == "十" ? 10 : digits[characters[0]]
        case 2 where characters[0] == "十": return digits[characters[1]].map { 10 + $0 }
        case 2 where characters[1] == "十": return digits[characters[0]].map { $0 * 10 }
        case 3 where characters[1] == "十": return digits[characters[0]].flatMap { tens in digits[characters[2]].map { tens * 10 + $0 } }
        default: return nil
        }
    }
}
