import BudgetCore

/// Segments a report's text in one pass over its lines: the table of contents, each table
/// (caption, title, unit lines, rows, notes) and the narrative between them. Every non-blank
/// line is assigned exactly one `LineKind`; what no rule claims is listed as unassigned.
package struct Segmenter {
    package let kinds: TableKinds
    package let options: SegmentOptions

    private typealias Row = SegmentedTable.Row

    /// One line of the text, split once.
    private struct Line {
        package var number: Int
        package var text: String
        package var trimmed: String
        package var cells: [String]?
        package var isBlank: Bool { trimmed.isEmpty }
        package var hasTabs: Bool { cells != nil }
    }

    /// The rows and lines of a table region, before the table is built.
    private struct Draft {
        package var caption: SourceLine?
        package var captionID: String?
        package var title: SourceLine?
        package var kind: TableKinds.Kind?
        package var unitName: SourceLine?
        package var amountUnit: String?
        package var amountUnitLine: Int?
        package var rows: [Row] = []
        package var notes: [SourceLine] = []
        package var unitLines: [Int] = []
    }

    package func segment(_ text: String) -> SegmentedReport {
        var lines: [Line] = []
        var pageMarks: [Int] = []
        var pageMarkLines: Set<Int> = []
        var number = 0
        for raw in Self.split(text, on: 0x0A) {
            number += 1
            var content = raw
            if content.utf8.first == 0x0C {
                pageMarks.append(number)
                while content.utf8.first == 0x0C { content.removeFirst() }
                if TextPatterns.trimmed(content).isEmpty { pageMarkLines.insert(number) }
            }
            let line = String(content)
            let trimmed = TextPatterns.trimmed(line)
            if kinds.pageMarkers.contains(where: { TextPatterns.same($0, trimmed) }) {
                pageMarks.append(number)
                pageMarkLines.insert(number)
            }
            lines.append(Line(number: number, text: line, trimmed: trimmed,
                              cells: line.utf8.contains(0x09) ? Self.split(line[...], on: 0x09).map(String.init) : nil))
        }
        if text.utf8.last == 0x0A || text.isEmpty { lines.removeLast() }

        var state = State(lineCount: lines.count)
        for mark in pageMarkLines { state.assign(mark, .pageMark) }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || pageMarkLines.contains(line.number) {
                if line.isBlank && !pageMarkLines.contains(line.number) { state.assign(line.number, .blank) }
                index += 1
                continue
            }
            if !line.hasTabs, TextPatterns.same(TextPatterns.compactKey(line.trimmed), "目录") {
                index = readContents(lines, from: index, state: &state)
                continue
            }
            if let caption = TextPatterns.caption(line.trimmed) {
                if !caption.rest.isEmpty, !line.hasTabs,
                   nextCaption(lines, after: index) || state.lastAssigned == .contents {
                    state.contents.append(ContentsEntry(line: line.number, text: line.trimmed, tableId: caption.id, title: caption.rest))
                    state.assign(line.number, .contents)
                    index += 1
                    continue
                }
                index = readTable(lines, from: index, caption: caption, pageMarkLines: pageMarkLines, state: &state)
                continue
            }
            if !line.hasTabs, !TextPatterns.isPartHeading(line.trimmed), kinds.kind(forTitle: line.trimmed) != nil {
                index = readTable(lines, from: index, caption: nil, pageMarkLines: pageMarkLines, state: &state)
                continue
            }
            addNarrative(line, state: &state)
            index += 1
        }
        return state.report(lines: lines.map { ($0.number, $0.trimmed) }, pageMarks: pageMarks)
    }

    /// Splits at every `separator` byte (LF or TAB), keeping empty pieces. Works on UTF-8 bytes:
    /// these are ASCII, so every split point is a character boundary.
    package static func split(_ text: some StringProtocol, on separator: UInt8) -> [Substring] {
        let text = Substring(text)
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            if text.utf8[index] == separator {
                pieces.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            text.utf8.formIndex(after: &index)
        }
        pieces.append(text[start...])
        return pieces
    }

    private func nextCaption(_ lines: [Line], after index: Int) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }) else { return false }
        return !next.hasTabs && TextPatterns.caption(next.trimmed) != nil
    }

    // MARK: Contents

    /// Reads a 目录 block: entries while lines look like entries, until the body begins with a
    /// line repeating the first entry.
    private func readContents(_ lines: [Line], from start: Int, state: inout State) -> Int {
        let heading = lines[start]
        state.contents.append(ContentsEntry(line: heading.number, text: heading.trimmed, tableId: nil, title: nil))
        state.assign(heading.number, .contents)
        var firstKey: String?
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                state.assign(line.number, .blank)
                index += 1
                continue
            }
            let key = Self.contentsKey(line.trimmed)
            if let firstKey, TextPatterns.same(key, firstKey) { break }
            guard Self.looksLikeContentsEntry(line) else { break }
            firstKey = firstKey ?? key
            let caption = TextPatterns.caption(line.trimmed)
            state.contents.append(ContentsEntry(line: line.number, text: line.trimmed, tableId: caption?.id,
                                                title: caption.map(\.rest).flatMap { $0.isEmpty ? nil : $0 }))
            state.assign(line.number, .contents)
            index += 1
        }
        // Leave the blank lines before the body to the main loop.
        while index > start + 1, lines[index - 1].isBlank { index -= 1 }
        return index
    }

    /// An entry without its list marker, dot leaders and page number, for comparing with the body.
    private static func contentsKey(_ text: String) -> String {
        var key = TextPatterns.compactKey(text)
        if key.hasPrefix("-") || key.hasPrefix("•") { key.removeFirst() }
        while let last = key.last, last == "…" || last == "." || last == "·" || TextPatterns.isDigit(last) { key.removeLast() }
        return key
    }

    private static func looksLikeContentsEntry(_ line: Line) -> Bool {
        let text = line.trimmed
        if TextPatterns.contains(text, "……") || TextPatterns.contains(text, "....") { return true }
        guard TextPatterns.length(text) <= 60, !TextPatterns.endsSentence(text) else { return false }
        return text.utf8.starts(with: "- ".utf8) || text.utf8.starts(with: "• ".utf8) || TextPatterns.isPartHeading(text)
            || TextPatterns.enumerator(text) != nil || TextPatterns.caption(text) != nil
    }

    // MARK: Tables

    /// Reads a table region from its caption (or known title) to the next caption, known title,
    /// part heading, or narrative line, then builds the table.
    private func readTable(_ lines: [Line], from start: Int, caption: (id: String, rest: String)?,
                           pageMarkLines: Set<Int>, state: inout State) -> Int {
        var draft = Draft()
        var index = start
        if let caption {
            let line = lines[start]
            draft.caption = SourceLine(line: line.number, text: line.trimmed)
            draft.captionID = caption.id
            state.assign(line.number, .caption)
            if !caption.rest.isEmpty {
                draft.title = SourceLine(line: line.number, text: caption.rest)
                draft.kind = kinds.kind(forTitle: caption.rest)
            }
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            if pageMarkLines.contains(line.number) {
                index += 1
                continue
            }
            if line.isBlank {
                state.assign(line.number, .blank)
                index += 1
                continue
            }
            if TextPatterns.caption(line.trimmed) != nil || TextPatterns.isPartHeading(line.trimmed) { break }
            if let cells = line.cells {
                if readUnitCells(cells, line: line.number, into: &draft) {
                    state.assign(line.number, .unit)
                } else {
                    draft.rows.append(Row(line: line.number, cells: cells))
                }
                index += 1
                continue
            }
            if TextPatterns.keyValue(line.trimmed, keys: kinds.noteKeys) != nil {
                draft.notes.append(SourceLine(line: line.number, text: line.trimmed))
                state.assign(line.number, .note)
                index += 1
                continue
            }
            if readUnitCells([line.trimmed], line: line.number, into: &draft) {
                state.assign(line.number, .unit)
                index += 1
                continue
            }
            let knownTitle = kinds.kind(forTitle: line.trimmed)
            if draft.title == nil, draft.rows.isEmpty, TextPatterns.enumerator(line.trimmed) == nil,
               knownTitle != nil || (draft.caption != nil && TextPatterns.length(line.trimmed) <= 40) {
                draft.title = SourceLine(line: line.number, text: line.trimmed)
                draft.kind = knownTitle
                state.assign(line.number, .title)
                index += 1
                continue
            }
            if knownTitle != nil { break }
            if let form = draft.kind?.form, form.startsGrid(FormParser.labelKey(line.trimmed)) != nil {
                draft.rows.append(Row(line: line.number, cells: [line.text]))
                index += 1
                continue
            }
            break
        }
        // Blank lines between the table and what follows belong to neither; give them back.
        while index > start + 1, lines[index - 1].isBlank || pageMarkLines.contains(lines[index - 1].number) { index -= 1 }
        state.tables.append(build(draft, state: &state))
        return index
    }

    /// `单位：万元`, `单位：<unit name>`, `编制部门：… | 单位：元`: true when every non-empty cell
    /// is such a key–value pair.
    private func readUnitCells(_ cells: [String], line: Int, into draft: inout Draft) -> Bool {
        let filled = cells.map(TextPatterns.trimmed).filter { !$0.isEmpty }
        let pairs = filled.compactMap { TextPatterns.keyValue($0, keys: kinds.unitLineKeys) }
        guard !filled.isEmpty, pairs.count == filled.count else { return false }
        for pair in pairs {
            if kinds.amountUnits.contains(where: { TextPatterns.same($0, pair.value) }) {
                draft.amountUnit = pair.value
                draft.amountUnitLine = line
            } else {
                draft.unitName = SourceLine(line: line, text: pair.value)
            }
        }
        return true
    }

    private func build(_ draft: Draft, state: inout State) -> SegmentedTable {
        let gridBuilder = GridBuilder(maxHeaderRows: options.maxHeaderRows)
        let id = state.tableID(caption: draft.captionID, title: draft.title?.text)
        var table = SegmentedTable(
            id: id, kind: draft.kind?.kind, label: nil, layout: draft.kind?.layout ?? Self.guessLayout(draft.rows),
            caption: draft.caption, title: draft.title, unitName: draft.unitName, amountUnit: draft.amountUnit,
            amountUnitLine: draft.amountUnitLine, columns: [], headerRows: [], repeatedHeaderRows: [], rows: [],
            sections: [], notes: draft.notes, empty: false, fields: [], grids: [], realignedRows: [], diagnostics: [])
        if table.layout == .form, let specification = draft.kind?.form {
            let form = FormParser(specification: specification, gridBuilder: gridBuilder).parse(draft.rows, formID: id)
            table.fields = form.fields
            table.grids = form.grids
            table.diagnostics = form.diagnostics
            for (line, kind) in form.kinds { state.assign(line, kind) }
        } else {
            if table.layout == .form { table.layout = .grid }
            let grid = gridBuilder.build(draft.rows, layout: table.layout)
            table.layout = grid.layout
            table.columns = grid.columns
            table.headerRows = grid.headerRows
            table.repeatedHeaderRows = grid.repeatedHeaderRows
            table.rows = grid.rows
            table.sections = grid.sections
            table.realignedRows = grid.realignedRows
            table.diagnostics = grid.diagnostics
            table.empty = grid.rows.isEmpty
            for row in grid.headerRows + grid.repeatedHeaderRows { state.assign(row.line, .header) }
            for row in grid.rows { state.assign(row.line, .body) }
            if grid.headerRows.isEmpty && !grid.rows.isEmpty {
                table.diagnostics.append(Diagnostic(lines: grid.rows.map(\.line), message: "table \(id) has no header; its rows are kept as printed"))
            }
        }
        if draft.rows.isEmpty {
            table.diagnostics.append(Diagnostic(lines: [draft.caption?.line ?? draft.title?.line ?? 0], message: "table \(id) has no rows at all"))
        }
        // Every number-like token of the table's rows must be in exactly one recorded cell.
        let printed = draft.rows.reduce(0) { total, row in total + row.cells.reduce(0) { $0 + TextPatterns.numberTokenCount($1[...]) } }
        let recorded = Self.numberTokens(in: table)
        if printed != recorded {
            table.diagnostics.append(Diagnostic(lines: draft.rows.map(\.line),
                message: "table \(id): \(printed) number-like tokens printed but \(recorded) recorded in cells"))
        }
        return table
    }

    private static func numberTokens(in table: SegmentedTable) -> Int {
        let rows = table.headerRows + table.repeatedHeaderRows + table.rows
        var total = rows.reduce(0) { sum, row in sum + row.cells.reduce(0) { $0 + TextPatterns.numberTokenCount($1[...]) } }
        total += table.fields.reduce(0) { $0 + TextPatterns.numberTokenCount($1.label[...]) + TextPatterns.numberTokenCount($1.value[...]) }
        total += table.grids.reduce(0) { $0 + numberTokens(in: $1) + TextPatterns.numberTokenCount(($1.title?.text ?? "")[...]) }
        return total
    }

    /// Without a known title: paired when the first row has a 收入 side and a 支出 side.
    private static func guessLayout(_ rows: [Row]) -> TableLayout {
        guard let first = rows.first else { return .grid }
        let keys = first.cells.map(TextPatterns.compactKey).filter { !$0.isEmpty }
        let income = keys.contains { TextPatterns.contains($0, "收入") }
        let expenditure = keys.contains { TextPatterns.contains($0, "支出") }
        return income && expenditure && keys.count <= 4 && first.cells.count >= 4 ? .paired : .grid
    }

    // MARK: Narrative

    private func addNarrative(_ line: Line, state: inout State) {
        let text = line.trimmed
        if TextPatterns.keyValue(text, keys: kinds.noteKeys) != nil {
            state.notes.append(SourceLine(line: line.number, text: text))
            state.assign(line.number, .note)
            return
        }
        let enumerator = TextPatterns.enumerator(text)
        var level: Int?
        if TextPatterns.isPartHeading(text) {
            level = 1
        } else if let enumerator, Self.isHeadingText(enumerator.rest),
                  state.lastBlockKind[enumerator.style] != .paragraph {
            switch enumerator.style {
            case .chinese: level = 2
            case .parenthesizedChinese: level = 3
            case .arabic: level = 4
            case .parenthesizedArabic: level = 5
            }
        } else if state.narrative.isEmpty, TextPatterns.length(text) <= 60, !TextPatterns.endsSentence(text) {
            level = 0
        }
        let previous = state.narrative.last
        let adjacent = previous.map { state.onlyBlankBetween($0.lines.last!, line.number) } ?? false
        if level == nil, let previous, adjacent, previous.kind == .heading, enumerator == nil,
           Self.isHeadingText(text[...]), !TextPatterns.endsSentence(text) {
            // A heading printed over two lines (`第二部分 …` / `2024 年单位预算表`).
            state.narrative[state.narrative.count - 1].lines.append(line.number)
            state.narrative[state.narrative.count - 1].text += " " + text
            state.assign(line.number, .heading)
            return
        }
        if level == nil, let previous, adjacent, previous.kind == .paragraph, enumerator == nil,
           !TextPatterns.endsSentence(previous.text), !TextPatterns.endsClause(previous.text) {
            // A paragraph broken over lines (or pages) continues.
            state.narrative[state.narrative.count - 1].lines.append(line.number)
            state.narrative[state.narrative.count - 1].text += text
            state.assign(line.number, .paragraph)
            return
        }
        if let enumerator { state.lastBlockKind[enumerator.style] = level == nil ? .paragraph : .heading }
        if let level {
            // A heading opens a new section: lists below it start afresh.
            state.lastBlockKind = state.lastBlockKind.filter { Self.headingLevel(of: $0.key) <= level }
        }
        if let level {
            state.narrative.append(NarrativeBlock(kind: .heading, lines: [line.number], text: text, level: level,
                                                  ordinal: enumerator?.ordinal))
            state.assign(line.number, .heading)
        } else {
            state.narrative.append(NarrativeBlock(kind: .paragraph, lines: [line.number], text: text, level: nil,
                                                  ordinal: enumerator?.ordinal))
            state.assign(line.number, .paragraph)
        }
    }

    private static func headingLevel(of style: TextPatterns.EnumeratorStyle) -> Int {
        switch style {
        case .chinese: 2
        case .parenthesizedChinese: 3
        case .arabic: 4
        case .parenthesizedArabic: 5
        }
    }

    /// Short, and a title rather than a sentence: no comma, semicolon or colon inside (a final
    /// colon or full stop is allowed: `(二) 本单位使用的主要支出功能分类科目(项级):`).
    private static func isHeadingText(_ text: Substring) -> Bool {
        guard TextPatterns.length(text) <= 30 else { return false }
        return !text.unicodeScalars.dropLast().contains { ["，", ",", "；", ";", "：", ":"].contains($0) }
    }

    // MARK: State

    /// What the pass has found so far, and which line went where.
    private struct State {
        package var kinds: [LineKind?]
        package var contents: [ContentsEntry] = []
        package var tables: [SegmentedTable] = []
        package var narrative: [NarrativeBlock] = []
        package var notes: [SourceLine] = []
        package var diagnostics: [Diagnostic] = []
        package var lastAssigned: LineKind?
        /// Whether the last block numbered in each style was a heading or a paragraph: items of
        /// one list are alike, so a short item among paragraph items is a paragraph too.
        package var lastBlockKind: [TextPatterns.EnumeratorStyle: NarrativeBlock.Kind] = [:]
        private var usedIDs: Set<String> = []
        private var uncaptioned = 0

        package init(lineCount: Int) {
            kinds = Array(repeating: nil, count: lineCount + 1)
        }

        package mutating func assign(_ line: Int, _ kind: LineKind) {
            guard line > 0, line < kinds.count else { return }
            if let existing = kinds[line], existing != kind {
                diagnostics.append(Diagnostic(lines: [line], message: "line assigned twice: \(existing.rawValue) and \(kind.rawValue)"))
            }
            kinds[line] = kind
            if kind != .blank && kind != .pageMark { lastAssigned = kind }
        }

        package func onlyBlankBetween(_ first: Int, _ second: Int) -> Bool {
            guard first < second else { return false }
            return ((first + 1)..<second).allSatisfy { kinds[$0] == .blank || kinds[$0] == .pageMark }
        }

        /// The table's id: its caption's number; else the number of the contents entry with its
        /// title; else `x<n>`. A repeated id gets `_2`, `_3`.
        package mutating func tableID(caption: String?, title: String?) -> String {
            var id = caption
            if id == nil, let title {
                let key = TableKinds.titleKey(title)
                id = contents.first { entry in
                    entry.tableId != nil && entry.title.map { TextPatterns.same(TableKinds.titleKey($0), key) } == true
                }?.tableId
            }
            if id == nil {
                uncaptioned += 1
                id = "x\(uncaptioned)"
            }
            var unique = id!
            var count = 1
            while usedIDs.contains(unique) {
                count += 1
                unique = "\(id!)_\(count)"
            }
            usedIDs.insert(unique)
            return unique
        }

        package func report(lines: [(number: Int, trimmed: String)], pageMarks: [Int]) -> SegmentedReport {
            var counts: [String: Int] = [:]
            var unassigned: [SourceLine] = []
            for (number, trimmed) in lines {
                if let kind = kinds[number] {
                    counts[kind.rawValue, default: 0] += 1
                } else if trimmed.isEmpty {
                    counts[LineKind.blank.rawValue, default: 0] += 1
                } else {
                    unassigned.append(SourceLine(line: number, text: trimmed))
                }
            }
            let found = Set(tables.map(\.id))
            var missing: [String] = []
            for entry in contents {
                if let id = entry.tableId, !found.contains(id), !missing.contains(id) { missing.append(id) }
            }
            return SegmentedReport(lines: lines.count, counts: counts, unassigned: unassigned, contents: contents,
                                   missingTables: missing, tables: tables, narrative: narrative, notes: notes,
                                   pageMarks: pageMarks,
                                   diagnostics: diagnostics + tables.flatMap { $0.diagnostics + $0.grids.flatMap(\.diagnostics) })
        }
    }
}
