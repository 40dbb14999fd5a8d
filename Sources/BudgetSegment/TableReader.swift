import BudgetCore

/// Table regions: caption, title, unit lines, rows and notes, built into a `SegmentedTable`.
extension Segmenter {
    /// The rows and lines of a table region, before the table is built.
    struct Draft {
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
        /// Space-aligned text: each row's runs of text and where they stand, by line.
        package var chunks: [Int: [AlignedChunk]] = [:]
    }

    /// Reads a table region from its caption (or known title) to the next caption, known title,
    /// part heading, or narrative line, then builds the table.
    func readTable(_ lines: [Line], from start: Int, caption: (id: String, rest: String)?,
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
            let chunks = state.aligned ? AlignedChunks.of(line.text) : []
            if let cells = line.cells ?? (chunks.count > 1 ? chunks.map(\.text) : nil) {
                if readUnitCells(cells, line: line.number, into: &draft) {
                    state.assign(line.number, .unit)
                } else {
                    draft.rows.append(Row(line: line.number, cells: cells))
                    if !chunks.isEmpty { draft.chunks[line.number] = chunks }
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
            // Space-aligned text: a row with its name alone (`二、事业收入`, a name's wrapped end) when
            // the table's rows go on after it.
            if state.aligned, !draft.rows.isEmpty, isRowFragment(line.trimmed),
               leadsToRows(lines, after: index, pageMarkLines: pageMarkLines, aligned: true) {
                draft.rows.append(Row(line: line.number, cells: [line.trimmed]))
                draft.chunks[line.number] = chunks
                index += 1
                continue
            }
            if draft.title != nil || draft.caption != nil, headerLineWithoutTabs(line, lines: lines, at: index, draft: draft,
                                                                                 pageMarkLines: pageMarkLines, aligned: state.aligned) {
                draft.rows.append(Row(line: line.number, cells: [line.trimmed]))
                if state.aligned { draft.chunks[line.number] = chunks }
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

    /// A line without tabs that belongs to the table's header: a label an extractor put on a line of
    /// its own (`功能分类科目编码`, a wrapped `数`). Before the first data row, a short line that is
    /// not a sentence, list item or title, when the lines after it lead to the table's tabbed rows
    /// (or its note); after data rows, only a line repeating one of those header lines (the header
    /// printed again on the next page).
    func headerLineWithoutTabs(_ line: Line, lines: [Line], at index: Int, draft: Draft, pageMarkLines: Set<Int>,
                               aligned: Bool) -> Bool {
        let firstData = draft.rows.firstIndex { GridBuilder.looksLikeData($0.cells) }
        if let firstData {
            return draft.rows[..<firstData].contains { TextKey.equal($0.cells.joined(), line.trimmed) }
        }
        return isHeaderFragment(line.trimmed) && leadsToRows(lines, after: index, pageMarkLines: pageMarkLines, aligned: aligned)
    }

    /// Whether the lines after `index`, past short fragments, reach a table row (a line with
    /// tabs, or with several runs of text in space-aligned text) or the table's note. Twelve lines
    /// at most are looked at, not counting blank lines between numbered items: a 决算 总表's 支出
    /// side prints its empty classes a line each with a blank line between (`十、节能环保支出` …
    /// `十八、…` over a page break, then `十九、住房保障支出   29.42`).
    func leadsToRows(_ lines: [Line], after index: Int, pageMarkLines: Set<Int>, aligned: Bool) -> Bool {
        var looked = 0
        var numbered = false
        for next in lines[(index + 1)...] {
            if next.isBlank && numbered { continue }
            looked += 1
            if looked > 12 { return false }
            guard !next.isBlank && !pageMarkLines.contains(next.number) else { continue }
            numbered = TextPatterns.enumerator(next.trimmed) != nil
            if next.hasTabs || TextPatterns.keyValue(next.trimmed, keys: kinds.noteKeys) != nil { return true }
            if aligned, TextPatterns.caption(next.trimmed) == nil, AlignedChunks.of(next.text).count > 1 { return true }
            if !(aligned ? isRowFragment(next.trimmed) : isHeaderFragment(next.trimmed)) { return false }
        }
        return false
    }

    /// A row printing its name alone (`二、事业收入`): short, and neither a sentence, a caption,
    /// a part heading, a part's title (`其他相关情况说明`) nor a known title; numbered or not.
    func isRowFragment(_ text: String) -> Bool {
        TextPatterns.length(text) <= 24 && !text.unicodeScalars.contains { ["。", "，", "；", ";"].contains($0) }
            && TextPatterns.caption(text) == nil && !TextPatterns.isPartHeading(text) && kinds.kind(forTitle: text) == nil
            && !isSectionTitle(text)
    }

    /// Short, and neither a sentence, a list item, a caption nor a known title.
    func isHeaderFragment(_ text: String) -> Bool {
        TextPatterns.length(text) <= 24 && !text.unicodeScalars.contains { ["。", "，", "；", ";"].contains($0) }
            && TextPatterns.enumerator(text) == nil && TextPatterns.caption(text) == nil && !TextPatterns.isPartHeading(text)
            && kinds.kind(forTitle: text) == nil
    }

    /// `单位：万元`, `单位：<unit name>`, `编制部门：… | 单位：元`: true when every non-empty cell
    /// is such a key–value pair.
    func readUnitCells(_ cells: [String], line: Int, into draft: inout Draft) -> Bool {
        // Asked of every line of a table: most are rows, refused at their first filled cell.
        var pairs: [(key: String, value: String)] = []
        for cell in cells {
            let text = TextPatterns.trimmed(cell)
            if text.isEmpty { continue }
            guard let pair = TextPatterns.keyValue(text, keys: kinds.unitLineKeys) else { return false }
            pairs.append(pair)
        }
        guard !pairs.isEmpty else { return false }
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

    func build(_ draft: Draft, state: inout State) -> SegmentedTable {
        let gridBuilder = GridBuilder(maxHeaderRows: options.maxHeaderRows)
        var draft = draft
        // Rows of space-aligned text whose cells were put in their columns.
        var placed = Set<Int>()
        var asPrinted: [SegmentedTable.Row]?
        if !draft.chunks.isEmpty {
            if draft.kind?.layout != .paired, let halves = SideBySideLists.halves(draft.rows, chunks: draft.chunks) {
                var rows: [Row] = []
                var printed: [Row] = []
                let tableLines = Set(draft.rows.map(\.line))
                for (index, half) in halves.enumerated() {
                    let read = readAligned(half.rows, chunks: half.chunks, state: &state, halfOf: tableLines)
                    // The right half's header repeats the left's: only its body follows the left half.
                    let firstData = index == 0 ? 0 : read.rows.firstIndex { GridBuilder.looksLikeData($0.cells) } ?? read.rows.count
                    rows += read.rows[firstData...]
                    printed += read.asPrinted[firstData...]
                    placed.formUnion(read.placed)
                }
                draft.rows = rows
                asPrinted = printed
            } else {
                let read = readAligned(draft.rows, chunks: draft.chunks, state: &state)
                draft.rows = read.rows
                asPrinted = read.asPrinted
                placed = read.placed
            }
        }
        // Two rows an extractor ran together onto one line are two rows (a grid's only: a paired
        // table prints two items on a line by design).
        if draft.kind.map({ $0.layout == .grid }) ?? (Self.guessLayout(draft.rows) == .grid) {
            draft.rows = RunTogetherRows.split(draft.rows)
        }
        let id = state.tableID(caption: draft.captionID, title: draft.title?.text, kinds: kinds)
        var table = SegmentedTable(
            id: id, kind: draft.kind?.kind, label: nil, layout: draft.kind?.layout ?? Self.guessLayout(draft.rows),
            caption: draft.caption, title: draft.title, unitName: draft.unitName, amountUnit: draft.amountUnit,
            amountUnitLine: draft.amountUnitLine, columns: [], headerRows: [], repeatedHeaderRows: [], rows: [],
            sections: [], notes: draft.notes, empty: false, fields: [], grids: [], realignedRows: [], joinedCodes: nil, diagnostics: [])
        if table.layout == .form, let specification = draft.kind?.form {
            let form = FormParser(specification: specification, gridBuilder: gridBuilder).parse(draft.rows, formID: id)
            table.fields = form.fields
            table.grids = form.grids
            table.diagnostics = form.diagnostics
            for (line, kind) in form.kinds { state.assign(line, kind) }
        } else {
            if table.layout == .form { table.layout = .grid }
            // Placing cells by the header's words can spread a row whose amounts pdftotext printed
            // closer together than their labels (`2.85 0.39 0.00 …` under twelve wrapped labels) over
            // more columns than the template has: the rows as printed are tried then.
            let templates = HeaderTemplates(codeParts: kinds.codeParts)
            let template = draft.kind.flatMap { kind in
                templates.build(draft.rows, kind: kind, placed: placed)
                    ?? asPrinted.flatMap { placed.isEmpty ? nil : templates.build($0, kind: kind) }
            }
            // Codes in split columns (`类 | 款 | 项`) are joined before the grid is read.
            let collapsed = template == nil ? SplitCodes(parts: kinds.codeParts).collapse(draft.rows) : nil
            var grid = template ?? gridBuilder.build(collapsed?.rows ?? draft.rows, layout: table.layout)
            if let collapsed {
                grid.joinedCodes = collapsed.joined
                // The parts row is a header row as printed; its parts are now one column.
                grid.headerRows = (grid.headerRows + [collapsed.partsRow]).sorted { $0.line < $1.line }
            }
            table.layout = grid.layout
            table.columns = grid.columns
            table.headerRows = grid.headerRows
            table.repeatedHeaderRows = grid.repeatedHeaderRows
            table.rows = grid.rows
            table.sections = grid.sections
            table.realignedRows = grid.realignedRows
            table.joinedCodes = grid.joinedCodes.isEmpty ? nil : grid.joinedCodes
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
        // Every number-like token of the table's rows must be in exactly one recorded cell (a code
        // printed in split columns, `201 | 05 | 07`, is one token once joined).
        let printed = draft.rows.reduce(0) { total, row in total + row.cells.reduce(0) { $0 + TextPatterns.numberTokenCount($1) } }
            - (table.joinedCodes ?? []).reduce(0) { $0 + $1.parts.count - 1 }
        let recorded = Self.numberTokens(in: table)
        if printed != recorded {
            table.diagnostics.append(Diagnostic(lines: draft.rows.map(\.line),
                message: "table \(id): \(printed) number-like tokens printed but \(recorded) recorded in cells"))
        }
        return table
    }

    /// Space-aligned rows put back together and in their columns: names wrapped around their
    /// row's line first (a code and its amounts then read as a row), then amounts printed above
    /// their row, then (in one half of a table printed side by side, `halfOf` the table's lines)
    /// cells wrapped under their row, then each run placed in its column. `asPrinted`: the rows
    /// before placing; `placed`: the lines whose cells placing moved.
    func readAligned(_ rows: [Row], chunks: [Int: [AlignedChunk]], state: inout State, halfOf tableLines: Set<Int>? = nil)
        -> (rows: [Row], asPrinted: [Row], placed: Set<Int>) {
        var chunks = chunks
        let names = WrappedNames().join(rows, chunks: &chunks)
        for line in names.absorbed { state.assign(line, .body) }
        let floating = FloatingAmounts(codeParts: kinds.codeParts).join(names.rows, chunks: &chunks)
        for line in floating.absorbed { state.assign(line, .body) }
        var joined = floating.rows
        if let tableLines {
            let continued = SideBySideLists.joinContinuations(joined, chunks: &chunks, tableLines: tableLines)
            for line in continued.absorbed { state.assign(line, .body) }
            joined = continued.rows
        }
        let placedRows = AlignedColumns().place(joined, chunks: chunks, page: { state.pages.page(of: $0) ?? 0 })
        let placed = Set(zip(joined, placedRows).filter { $0.cells != $1.cells }.map(\.0.line))
        return (placedRows, joined, placed)
    }

    static func numberTokens(in table: SegmentedTable) -> Int {
        let rows = table.headerRows + table.repeatedHeaderRows + table.rows
        var total = rows.reduce(0) { sum, row in sum + row.cells.reduce(0) { $0 + TextPatterns.numberTokenCount($1) } }
        total += table.fields.reduce(0) { $0 + TextPatterns.numberTokenCount($1.label) + TextPatterns.numberTokenCount($1.value) }
        total += table.grids.reduce(0) { $0 + numberTokens(in: $1) + TextPatterns.numberTokenCount($1.title?.text ?? "") }
        return total
    }

    /// Without a known title: paired when the first row has a 收入 side and a 支出 side.
    static func guessLayout(_ rows: [Row]) -> TableLayout {
        guard let first = rows.first else { return .grid }
        let keys = first.cells.map(TextKey.of).filter { !$0.isEmpty }
        let income = keys.contains { TextPatterns.contains($0, "收入") }
        let expenditure = keys.contains { TextPatterns.contains($0, "支出") }
        return income && expenditure && keys.count <= 4 && first.cells.count >= 4 ? .paired : .grid
    }
}
