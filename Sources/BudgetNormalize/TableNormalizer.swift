import BudgetCore
import BudgetSegment

/// Turns one segmented table into a normalized one: cleaned header paths, a role for every
/// column, each row's code, level, parent and label, and each cell's exact value and unit.
/// A cell that should be a number and is not becomes a diagnostic naming table, row, column and
/// text — never a silent zero.
package struct TableNormalizer {
    package let table: SegmentedTable
    /// For a form's grid: the form.
    package let parent: SegmentedTable?

    package func normalize(diagnostics: inout [NormalizeDiagnostic]) -> NormalizedTable {
        let amountUnit = table.amountUnit ?? parent?.amountUnit
        var columns = table.columns.map { column in
            NormalizedColumn(index: column.index, path: column.path.map(LabelCleaner.clean), role: .text, section: nil)
        }
        let units = Self.columnUnits(columns, amountUnit: amountUnit)
        StructureCheck(table: table).diagnose(columns, into: &diagnostics)
        var rows: [NormalizedRow] = []
        if table.layout == .paired {
            for section in table.sections {
                let name = LabelCleaner.clean(section.name)
                for (position, column) in section.columns.enumerated() {
                    columns[column].role = position == 0 ? .item : .amount
                    columns[column].section = name
                }
                for (number, index) in section.rows.enumerated() {
                    let row = table.rows[index]
                    rows.append(makeRow(row, number: number + 1, section: name, itemColumn: section.columns[0],
                                        columns: columns, units: units, diagnostics: &diagnostics))
                }
            }
        } else {
            assignRoles(&columns, diagnostics: &diagnostics)
            let firstAmount = columns.first { $0.role == .amount }?.index ?? columns.count
            let labelColumn = Self.labelColumn(columns, before: firstAmount)
            for (number, row) in table.rows.enumerated() {
                // The label is in the column whose header names labels (名称, 品名 …); where that is
                // empty or there is none, the rightmost text before the amounts: the most specific
                // one in a form grid where a group label sits to its left.
                let itemColumn = labelColumn.flatMap { $0 < row.cells.count && !TextPatterns.isBlank(row.cells[$0]) ? $0 : nil }
                    ?? (0..<min(firstAmount, row.cells.count)).last { index in
                        columns[index].role != .code && !TextPatterns.isBlank(row.cells[index])
                    }
                rows.append(makeRow(row, number: number + 1, section: nil, itemColumn: itemColumn,
                                    columns: columns, units: units, diagnostics: &diagnostics))
            }
            // The item column is where most rows print their label.
            var uses: [Int: Int] = [:]
            for row in rows { if let column = row.itemColumn { uses[column, default: 0] += 1 } }
            if let item = uses.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key {
                columns[item].role = .item
            }
            // A first row with amounts but neither code nor label, above coded rows, is the total (表10).
            if let first = rows.first, first.code == nil, first.item == nil, columns.contains(where: { $0.role == .code }),
               first.cells.contains(where: { $0.value != nil }) {
                rows[0].isTotal = true
                rows[0].level = 0
            }
            assignProjectLevels(&rows, columns: columns)
            assignGroups(&rows, columns: columns)
        }
        for index in columns.indices where columns[index].role == .amount {
            columns[index].phase = TableWords.standard.phaseHeaders.phase(of: columns[index].path)
        }
        return NormalizedTable(
            id: table.id, kind: table.kind,
            title: LabelCleaner.clean(table.title?.text ?? table.label ?? ""),
            layout: table.layout, parentId: parent?.id, project: project,
            line: table.caption?.line ?? table.title?.line ?? table.headerRows.first?.line ?? table.rows.first?.line ?? 0,
            amountUnit: amountUnit, unitName: table.unitName.map { LabelCleaner.clean($0.text) },
            columns: columns, rows: rows,
            fields: table.fields.map { field(of: $0, amountUnit: amountUnit) },
            notes: table.notes, empty: table.empty)
    }

    /// A column's role comes from its header path first (`ColumnHeaderWords`: 编码 → code;
    /// 金额, 合计, 基本支出 … → amount; 数量 → count, 占比 → percent, both amount columns).
    /// Only where no header word matches do the cells decide: codes where most filled cells are
    /// codes, amounts where most are numbers (or, with nothing filled, by position and header);
    /// the rest text. A header whose cells look otherwise keeps its role, with a diagnostic.
    private func assignRoles(_ columns: inout [NormalizedColumn], diagnostics: inout [NormalizeDiagnostic]) {
        var empty: [Int] = []
        for index in columns.indices {
            // The column's filled cells, trimmed, gathered in one array sized once (a `compactMap`,
            // a `filter` and a count of another made three, each grown as it went).
            var cells: [String] = []
            cells.reserveCapacity(table.rows.count)
            var codes = 0
            for row in table.rows.indices where index < table.rows[row].cells.count {
                let cell = TextPatterns.trimmed(table.rows[row].cells[index])
                guard !cell.isEmpty else { continue }
                if TextPatterns.isCode(cell) { codes += 1 }
                cells.append(cell)
            }
            let named = ColumnHeaderWords.standard.role(of: columns[index].path)
            // The cells are read as amounts only where that can decide something: a column its
            // header does not name, or one named for codes (whose cells may be amounts instead).
            // Most are named amount columns, and makeRow reads their cells anyway.
            var numbers = 0, blanks = 0
            if named == nil || named == .code {
                for cell in cells {
                    switch AmountParser.parse(cell) {
                    case .amount: numbers += 1
                    case .blank: blanks += 1
                    case .invalid: break
                    }
                }
            }
            if let named {
                columns[index].role = named.columnRole
                checkAgreement(columns[index], named: named, cells: cells, codes: codes, numbers: numbers, diagnostics: &diagnostics)
                continue
            }
            if !cells.isEmpty && codes * 2 > cells.count {
                columns[index].role = .code
                continue
            }
            if cells.isEmpty {
                empty.append(index)
                continue
            }
            if numbers + blanks == cells.count || numbers * 2 > cells.count {
                columns[index].role = .amount
            }
        }
        // A column with nothing in it: labels sit left of the amounts, so one before the first
        // amount column holds labels (a form grid's group column); after it, amounts. With no
        // amounts at all (an empty table), the header decides.
        let firstAmount = columns.first { $0.role == .amount }?.index
        for index in empty {
            if let firstAmount {
                columns[index].role = index < firstAmount ? .text : .amount
            } else {
                columns[index].role = Self.isLabelHeader(columns[index].path.concatenated()) ? .text : .amount
            }
        }
    }

    /// A column whose header names amounts but whose filled cells mostly look like codes
    /// (`254`, `380`), or whose header names codes but whose cells mostly are other numbers
    /// (`12.50`): the header's role stands, and the disagreement is a diagnostic.
    private func checkAgreement(_ column: NormalizedColumn, named: HeaderRole, cells: [String], codes: Int, numbers: Int,
                                diagnostics: inout [NormalizeDiagnostic]) {
        let disagreement: String
        switch named {
        case .amount where codes * 2 > cells.count:
            disagreement = "the header names amounts but \(codes) of \(cells.count) filled cells look like codes"
        case .code where numbers - codes > 0 && (numbers - codes) * 2 > cells.count:
            disagreement = "the header names codes but \(numbers - codes) of \(cells.count) filled cells are amounts, not codes"
        default:
            return
        }
        let name = column.path.joined(separator: " / ")
        let shown = cells.prefix(3).joined(separator: ", ") + (cells.count > 3 ? " …" : "")
        diagnostics.append(NormalizeDiagnostic(
            kind: .column, line: table.headerRows.first?.line ?? table.rows.first?.line, table: table.id, row: nil, column: name, text: shown,
            message: "table \(table.id), column \(name): \(disagreement) (\(shown)); kept as \(named.columnRole.rawValue)"))
    }

    /// Header words that name a table's row labels, most telling first.
    package static let labelHeaders = TableWords.standard.labelHeaders.words

    /// The text column before the amounts whose header names labels, if any.
    private static func labelColumn(_ columns: [NormalizedColumn], before firstAmount: Int) -> Int? {
        for word in labelHeaders {
            if let column = columns.first(where: { $0.index < firstAmount && $0.role == .text && TextPatterns.contains($0.path.concatenated(), word) }) {
                return column.index
            }
        }
        return nil
    }

    private static func isLabelHeader(_ header: String) -> Bool {
        TableWords.standard.textHeaders.found(in: header) && !TableWords.standard.amountHeaders.found(in: header)
    }

    /// - Parameter units: by position in `columns`, the unit of the column's amounts that are not
    ///   printed with `%` (see `columnUnits`).
    private func makeRow(_ row: SegmentedTable.Row, number: Int, section: String?, itemColumn: Int?,
                         columns: [NormalizedColumn], units: [ColumnUnit],
                         diagnostics: inout [NormalizeDiagnostic]) -> NormalizedRow {
        let code = columns.first { $0.role == .code && $0.index < row.cells.count && TextPatterns.isCode(row.cells[$0.index]) }
            .map { TextPatterns.trimmed(row.cells[$0.index]) }
        let printed = itemColumn.map { TextPatterns.trimmed(row.cells[$0]) }
        let cleaned = printed.map(LabelCleaner.clean) ?? ""
        let enumerator = TextPatterns.enumerator(cleaned)
        let enumeratorStyle = enumerator.flatMap { $0.rest.isEmpty ? nil : $0.style }
        let ordinal = enumeratorStyle == nil ? nil : enumerator?.ordinal
        let item = enumeratorStyle == nil ? cleaned : String(enumerator!.rest)
        var normalized = NormalizedRow(
            number: number, line: row.line, section: section, code: code, codeScheme: nil, level: nil, parent: nil,
            item: item.isEmpty ? nil : item, printedItem: printed, itemColumn: itemColumn, itemSource: nil, ordinal: ordinal,
            isTotal: code == nil && Self.isTotalLabel(item), cells: [])
        if let code, let column = columns.first(where: { $0.role == .code }) {
            normalized.codeScheme = CodeHierarchy.scheme(of: code, columnPath: column.path, tableKind: table.kind)
            if let scheme = normalized.codeScheme, let position = CodeHierarchy.position(of: code, scheme: scheme) {
                normalized.level = position.level
                normalized.parent = position.parent
            }
        } else if normalized.isTotal {
            normalized.level = 0
        } else if let style = enumeratorStyle {
            normalized.level = style == .chinese ? 1 : style == .parenthesizedChinese ? 2 : 3
        }
        // A count whose header prints no unit takes the one its row prints (计量单位: 台, 个).
        let rowUnit = columns.first { column in
            column.index < row.cells.count && Self.isUnitColumn(column.path) && !TextPatterns.isBlank(row.cells[column.index])
        }.map { TextPatterns.trimmed(row.cells[$0.index]) }
        // Cells gathered in an array sized for the columns (appended to the row's own, it grew two
        // or three times a row), and columns read in place rather than copied one by one.
        var cells: [NormalizedCell] = []
        cells.reserveCapacity(columns.count)
        for position in columns.indices {
            let index = columns[position].index, role = columns[position].role
            guard index < row.cells.count, index != itemColumn, role != .code else { continue }
            if let section, columns[position].section != section { continue }
            let raw = row.cells[index]
            if role == .amount {
                let unit = units[position].isCount ? units[position].unit ?? rowUnit : units[position].unit
                cells.append(amountCell(raw, column: index, path: columns[position].path, row: normalized, unit: unit,
                                        diagnostics: &diagnostics))
            } else if !TextPatterns.isBlank(raw) {
                let parsed = TextValue.parse(raw)
                cells.append(NormalizedCell(column: index, raw: raw, value: parsed?.value, unit: parsed?.unit,
                                            qualifier: parsed?.qualifier, blank: false))
            }
        }
        normalized.cells = cells
        return normalized
    }

    /// - Parameters:
    ///   - column: the column's index, and `path` its header path (for a diagnostic).
    ///   - unit: the column's unit (`columnUnits`); a number printed with `%` is a percentage whatever it is.
    private func amountCell(_ raw: String, column: Int, path: [String], row: NormalizedRow, unit: String?,
                            diagnostics: inout [NormalizeDiagnostic]) -> NormalizedCell {
        switch AmountParser.parse(raw) {
        case .amount(let amount):
            return NormalizedCell(column: column, raw: raw, value: amount.value, unit: amount.isPercent ? "%" : unit,
                                  qualifier: nil, blank: false)
        case .blank:
            return NormalizedCell(column: column, raw: raw, value: nil, unit: nil, qualifier: nil, blank: true)
        case .invalid(_, let reason):
            let place = [row.code, row.item].compactMap { $0 }.joined(separator: " ")
            diagnostics.append(NormalizeDiagnostic(
                kind: .number, line: row.line, table: table.id, row: row.number, column: path.joined(separator: " / "), text: raw,
                message: "table \(table.id), row \(row.number) (\(place)), column \(path.joined(separator: " / "))"
                    + ": \"\(raw)\" is not a number: \(reason)"))
            return NormalizedCell(column: column, raw: raw, value: nil, unit: nil, qualifier: nil, blank: false)
        }
    }

    /// The unit of a column's amounts printed without `%`; a count column's is never the table's
    /// amount unit (`万元`): it is its own, or the row's.
    private struct ColumnUnit {
        var unit: String?
        var isCount = false
    }

    /// By position in `columns`, the unit of each column's amounts printed without `%`, worked
    /// out once per table rather than for every cell: a share column (`占比`) holds `%`; a count
    /// column (`数量`) the unit its header prints in brackets (`数量（台）`), else none here (its
    /// row may print one); any other the money unit its header states, else the table's.
    private static func columnUnits(_ columns: [NormalizedColumn], amountUnit: String?) -> [ColumnUnit] {
        columns.map { column in
            column.path.contains(where: { TextPatterns.contains($0, "占比") }) ? ColumnUnit(unit: "%")
                : isCount(column.path) ? ColumnUnit(unit: countUnit(in: column.path), isCount: true)
                : ColumnUnit(unit: unit(in: column.path) ?? amountUnit)
        }
    }

    /// The unit a count column's header prints in brackets at its end: `数量（台）` → `台`,
    /// `人数(人)` → `人`.
    package static func countUnit(in path: [String]) -> String? {
        guard let last = path.last, let close = last.last, close == "）" || close == ")",
              let open = last.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
        let unit = TextPatterns.trimmed(String(last[last.index(after: open)..<last.index(before: last.endIndex)]))
        return unit.isEmpty ? nil : unit
    }

    /// A column that prints each row's unit of measure (`计量单位`).
    private static func isUnitColumn(_ path: [String]) -> Bool {
        guard let last = path.last else { return false }
        return TableWords.standard.unitColumnHeaders.found(in: last)
    }

    /// A unit a header states itself: `金额（万元）`, `(元)`.
    package static func unit(in path: [String]) -> String? {
        guard let last = path.last else { return nil }
        return headerUnits.first { TextPatterns.contains(last, $0.printed) }?.unit
    }

    /// Each money unit and `%` as a header prints it in brackets (`（万元）`), longest unit first.
    private static let headerUnits: [(unit: String, printed: String)] = (PrintedUnit.money.map(\.name) + ["%"]).map { ($0, "（\($0)）") }

    /// A column of counts (`数量`, `人数`): its numbers are not money.
    package static func isCount(_ path: [String]) -> Bool {
        guard let last = path.last else { return false }
        return TableWords.standard.countHeaders.found(in: last)
    }

    package static func isTotalLabel(_ label: String) -> Bool {
        TableWords.standard.totalLabels.found(in: label)
    }

    /// Project tables list a unit, then project categories, each followed by its projects, all
    /// with long codes. A category's projects are the rows after it until their amounts make up
    /// the category's amount; the next long code then opens a new category.
    private func assignProjectLevels(_ rows: inout [NormalizedRow], columns: [NormalizedColumn]) {
        guard let amountColumn = columns.first(where: { $0.role == .amount })?.index else { return }
        var unit: String?
        var category: (code: String, remaining: ExactDecimal)?
        for index in rows.indices where rows[index].codeScheme == .project || rows[index].codeScheme == .unit {
            guard let code = rows[index].code else { continue }
            if rows[index].codeScheme == .unit {
                unit = code
                category = nil
                continue
            }
            let amount = rows[index].cells.first { $0.column == amountColumn }?.value
            if let open = category, let amount, open.remaining > .zero {
                rows[index].level = 3
                rows[index].parent = open.code
                category = (open.code, open.remaining - amount)
            } else {
                rows[index].level = 2
                rows[index].parent = unit
                category = amount.map { (code, $0) }
            }
        }
    }

    /// A grid of amounts that prints a group once for a run of rows, in a text column left of the
    /// labels (表11: `收入构成` beside 财政拨款, the rows below it blank there, then `支出构成`),
    /// gives each row the group it sits in: the last text printed in such a column by a row whose
    /// own label is not in it (a `合计` printed there closes its group, it does not start one).
    /// A column is such a group column only if some row leaves it blank below a filled one: text
    /// printed on every row is the row's own. Several group columns nest (`产出指标 / 数量指标`):
    /// a new outer group clears the inner ones. Grids without amounts (indicators) have no facts
    /// to group and are left alone.
    private func assignGroups(_ rows: inout [NormalizedRow], columns: [NormalizedColumn]) {
        guard columns.contains(where: { $0.role == .amount }),
              let itemColumn = columns.first(where: { $0.role == .item })?.index else { return }
        // The printed text of a row's cell in a candidate column, nil when blank or the row's label.
        func text(_ row: NormalizedRow, _ column: Int) -> String? {
            let printed = table.rows[row.number - 1].cells
            guard column != row.itemColumn, column < printed.count, !TextPatterns.isBlank(printed[column]) else { return nil }
            return LabelCleaner.clean(printed[column])
        }
        let groupColumns = columns.filter { $0.index < itemColumn && $0.role == .text }.map(\.index).sorted().filter { column in
            guard let first = rows.firstIndex(where: { text($0, column) != nil }) else { return false }
            return rows[(first + 1)...].contains { text($0, column) == nil && $0.itemColumn != column }
        }
        guard !groupColumns.isEmpty else { return }
        var current: [Int: String] = [:]
        for index in rows.indices {
            for (position, column) in groupColumns.enumerated() {
                guard let group = text(rows[index], column) else { continue }
                current[column] = group
                for inner in groupColumns[(position + 1)...] { current[inner] = nil }
            }
            let group = groupColumns.compactMap { current[$0] }.joined(separator: " / ")
            rows[index].group = group.isEmpty ? nil : group
        }
    }

    /// For a project's form and its grids: the project's name, the value of the form's field
    /// that names it (`projectNameFields`: 项目名称); nil for other tables and forms.
    private var project: String? {
        guard let form = parent ?? (table.layout == .form ? table : nil) else { return nil }
        for field in form.fields {
            var label = LabelCleaner.clean(field.label)
            while label.hasSuffix("：") || label.hasSuffix(":") { label.removeLast() }
            guard TableWords.standard.projectNameFields.words.contains(label) else { continue }
            let name = LabelCleaner.clean(field.value)
            return name.isEmpty ? nil : name
        }
        return nil
    }

    private func field(of field: SegmentedTable.Field, amountUnit: String?) -> NormalizedField {
        var label = LabelCleaner.clean(field.label)
        while label.hasSuffix("：") || label.hasSuffix(":") { label.removeLast() }
        var normalized = NormalizedField(line: field.line, label: label, value: field.paragraphs?.joined(separator: "\n") ?? field.value,
                                         amount: nil, unit: nil, paragraphs: field.paragraphs)
        // Only fields about money hold amounts; a postcode or a year is not one.
        if TableWords.standard.moneyFieldLabels.found(in: label),
           case .amount(let amount) = AmountParser.parse(field.value) {
            normalized.amount = amount.value
            normalized.unit = amount.isPercent ? "%" : amountUnit
        }
        return normalized
    }
}
