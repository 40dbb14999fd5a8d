import BudgetCore
import BudgetNormalize

/// One normalized table prepared for checking: which columns hold money, how precisely each
/// column is printed, and its cells as `Figure`s in the report's amount unit. Row labels and
/// paired sides are worked out once, when first asked for, since several rules ask.
package final class TableFacts {
    package let table: NormalizedTable
    /// The report's amount unit, which every figure is expressed in.
    package let unit: String
    /// By column index: decimals of the column's most precisely printed value. A column is printed
    /// to one precision; a value with fewer decimals (`35` above `67.86`) had trailing zeros dropped.
    private let precision: [Int]
    /// By column index: an amount column whose values are all money (not `%`, not `万人`).
    private let money: [Bool]

    package init(_ table: NormalizedTable, unit: String) {
        self.table = table
        self.unit = unit
        let width = (table.columns.map(\.index).max() ?? -1) + 1
        var precision = Array(repeating: 0, count: width)
        var money = Array(repeating: false, count: width)
        for column in table.columns where column.role == .amount {
            money[column.index] = true
        }
        for row in table.rows {
            for cell in row.cells where cell.column < width {
                guard let value = cell.value else { continue }
                precision[cell.column] = max(precision[cell.column], value.scale)
                if !MoneyUnit.isMoney(cell.unit) { money[cell.column] = false }
            }
        }
        self.precision = precision
        self.money = money
    }

    package var id: String { table.id }
    package var rows: [NormalizedRow] { table.rows }

    /// `表3`, `表12.2`: how a person finds the table.
    package var name: String { "表\(table.id)" }

    /// The amount columns whose values are all money, in header order.
    package lazy var moneyColumns: [NormalizedColumn] = table.columns.filter { $0.index < money.count && money[$0.index] }

    package func precision(of column: Int) -> Int { column >= 0 && column < precision.count ? precision[column] : 0 }

    package func isMoney(_ column: Int) -> Bool { column >= 0 && column < money.count && money[column] }

    package func cell(_ row: NormalizedRow, column: Int) -> NormalizedCell? {
        Self.cell(in: row.cells, column: column)
    }

    private static func cell(in cells: [NormalizedCell], column: Int) -> NormalizedCell? {
        cellIndex(in: cells, column: column).map { cells[$0] }
    }

    /// Where the cell of `column` is among `cells`: most rows print every column, each at its index.
    private static func cellIndex(in cells: [NormalizedCell], column: Int) -> Int? {
        if column < cells.count, cells[column].column == column { return column }
        return cells.firstIndex { $0.column == column }
    }

    /// The cell as a figure: blank is exactly zero; text where a number belongs is unreadable,
    /// and names the cell.
    package func figure(_ row: NormalizedRow, column: Int) -> Figure {
        figure(cells: row.cells, line: row.line, column: column) { unreadableTerm(row, column: column, raw: $0) }
    }

    /// `figure(_:column:)` of the row at `index` of `rows`, its cells read in place: a row passed
    /// whole is a copy, a retain of each of its strings, and a rule asks for every part of every
    /// total in every column.
    package func figure(at index: Int, column: Int) -> Figure {
        figure(cells: table.rows[index].cells, line: table.rows[index].line, column: column) {
            unreadableTerm(table.rows[index], column: column, raw: $0)
        }
    }

    /// The cell's fields read where it lies (a rule asks for a figure of every part of every
    /// total in every column: the cell copied for it retained and released each of its strings).
    private func figure(cells: [NormalizedCell], line: Int, column: Int, unreadable: (String) -> String) -> Figure {
        guard let at = Self.cellIndex(in: cells, column: column), !cells[at].blank else { return .blank(line: line) }
        guard let value = cells[at].value else { return .unreadable(line: line, term: unreadable(cells[at].raw)) }
        let printed = max(precision[column], value.scale)
        guard let cellUnit = cells[at].unit ?? table.amountUnit, cellUnit != unit else {
            return Figure(value: value, precision: printed, line: line)
        }
        let (converted, convertedPrecision) = MoneyUnit.convert(value, precision: printed, from: cellUnit, to: unit)
        return Figure(value: converted, precision: convertedPrecision, line: line)
    }

    /// `表3 row 合计, column 合计, line 135: "1,2O9.02"`: a cell that is not a number, as a person
    /// finds it (built only for such a cell, which is rare).
    private func unreadableTerm(_ row: NormalizedRow, column: Int, raw: String) -> String {
        let path = table.columns.first { $0.index == column }.map { Self.display($0.path) } ?? "\(column + 1)"
        let side = row.section.map { "\($0) " } ?? ""
        return "\(name) \(side)row \(RowNames.name(row, in: self)), column \(path), line \(row.line): \"\(raw)\""
    }

    // MARK: Columns by header

    /// A column's header path as one key, a group's subtotal column standing for the group:
    /// `基本支出 / 小计` is `基本支出`, so it meets 表3's plain `基本支出`.
    package static func key(_ path: [String]) -> String {
        var parts = path.map(LabelKey.of)
        if parts.count > 1, let last = parts.last, TotalWords.isTotal(last) { parts.removeLast() }
        return parts.concatenated(separator: " / ")
    }

    package static func display(_ path: [String]) -> String { path.concatenated(separator: " / ") }

    private lazy var displays: [String] = {
        var texts = Array(repeating: "", count: precision.count)
        for column in table.columns where column.index < texts.count { texts[column.index] = Self.display(column.path) }
        return texts
    }()

    private lazy var keys: [String] = {
        var keys = Array(repeating: "", count: precision.count)
        for column in table.columns where column.index < keys.count { keys[column.index] = Self.key(column.path) }
        return keys
    }()

    /// The column's header path as printed, levels joined by ` / `.
    package func path(_ column: NormalizedColumn) -> String {
        column.index < displays.count ? displays[column.index] : Self.display(column.path)
    }

    /// The column's key (see `key(_:)`).
    package func key(_ column: NormalizedColumn) -> String {
        column.index < keys.count ? keys[column.index] : Self.key(column.path)
    }

    /// The money column named `name`: the last part of its header, or its whole key
    /// (`人员经费` finds `基本支出 / 人员经费`; `基本支出` finds `基本支出 / 小计`).
    package func column(named name: String) -> NormalizedColumn? {
        let wanted = LabelKey.of(name)
        return moneyColumns.first { column in
            column.path.last.map(LabelKey.of).map { LabelKey.same($0, wanted) } == true || LabelKey.same(key(column), wanted)
        }
    }

    /// The first money column whose header contains `word`.
    package func column(containing word: String) -> NormalizedColumn? {
        moneyColumns.first { $0.path.contains { $0.includes(word) } }
    }

    /// The table's total column: the shallowest money column headed 合计 or 总计.
    package lazy var totalColumn: NormalizedColumn? = {
        var best: NormalizedColumn?
        for column in moneyColumns where column.path.last.map(TotalWords.isTotal) == true {
            if best == nil || column.path.count < best!.path.count { best = column }
        }
        return best
    }()

    /// Row labels of an uncoded table (see `RowNames.label`), by row number: a list printed in
    /// two halves side by side has two rows on a line (人员经费合计 and 公用经费合计).
    package lazy var labels: [Int: String] = {
        var labels: [Int: String] = [:]
        for row in rows where labels[row.number] == nil {
            if let label = RowNames.findLabel(row, in: self) { labels[row.number] = label }
        }
        return labels
    }()

    /// `LabelKey` of each row's item, by row position.
    package lazy var itemKeys: [String] = rows.map { LabelKey.of($0.item ?? "") }

    /// A paired table's sides (see `PairedRule.sides`).
    package lazy var sides: [PairedRule.Side] = PairedRule.sides(of: self)

    /// The first row that is a total (合计), the table's grand total row.
    package lazy var totalRow: NormalizedRow? = rows.first { $0.isTotal }

    /// The code schemes its rows use.
    package lazy var schemes: Set<CodeScheme> = Set(rows.lazy.compactMap(\.codeScheme))

    /// Whether rows carry classification, unit or project codes.
    package lazy var isCoded: Bool = rows.contains { $0.code != nil }

    package func hasScheme(_ scheme: CodeScheme) -> Bool { schemes.contains(scheme) }
}
