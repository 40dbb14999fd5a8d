import BudgetCore

/// Reads a form (整体支出绩效目标表, 项目支出绩效目标表): rows of label–value fields, and grids
/// started by a known label in the first cell (`项目支出明细测算`, `长期绩效指标` …), which become
/// tables of their own. Which labels start grids and which are fields is data
/// (`table-kinds.json`), since forms differ between templates.
package struct FormParser {
    package typealias Row = SegmentedTable.Row

    package let specification: TableKinds.FormSpecification
    package let gridBuilder: GridBuilder
    /// The specification's labels as `labelKey`s, computed once per form.
    private let gridKeys: [(label: String, key: String)]
    private let fieldKeys: [String]
    private let longestLabel: Int

    package init(specification: TableKinds.FormSpecification, gridBuilder: GridBuilder) {
        self.specification = specification
        self.gridBuilder = gridBuilder
        gridKeys = specification.grids.map { ($0, Self.labelKey($0)) }
        fieldKeys = specification.fields.map(Self.labelKey)
        longestLabel = (gridKeys.map(\.key) + fieldKeys + specification.fieldPrefixes).map { $0.unicodeScalars.count }.max() ?? 0
    }

    /// The label key of a first cell short enough to be a label; long text is never one.
    private func leadKey(_ cell: String) -> String? {
        cell.unicodeScalars.count <= longestLabel + 8 ? Self.labelKey(cell) : nil
    }

    private func grid(startedBy key: String) -> String? {
        gridKeys.first { TextPatterns.same($0.key, key) }?.label
    }

    package struct Result {
        package var fields: [SegmentedTable.Field] = []
        package var grids: [SegmentedTable] = []
        /// What each row of the form turned out to be.
        package var kinds: [Int: LineKind] = [:]
        package var diagnostics: [Diagnostic] = []
    }

    private struct OpenGrid {
        package var label: String
        package var title: SourceLine?
        package var rows: [Row] = []
        package var inheritedHeader: [Row]?
        /// The first row carries the label in its first cell (label column + header or data).
        package var labelColumn: Bool
    }

    package func parse(_ rows: [Row], formID: String) -> Result {
        var result = Result()
        var open: OpenGrid?
        var headers: [String: [Row]] = [:]

        func close() {
            guard let grid = open else { return }
            open = nil
            let built = gridBuilder.build(grid.rows, layout: .grid, inheritedHeader: grid.inheritedHeader,
                                          labelColumn: grid.labelColumn)
            if grid.inheritedHeader == nil, !built.headerRows.isEmpty { headers[grid.label] = built.headerRows }
            for row in built.headerRows + built.repeatedHeaderRows { result.kinds[row.line] = .header }
            for row in built.rows { result.kinds[row.line] = .body }
            if let title = grid.title { result.kinds[title.line] = .title }
            result.grids.append(SegmentedTable(
                id: "\(formID).\(result.grids.count + 1)", kind: nil, label: grid.label, layout: .grid, caption: nil,
                title: grid.title,
                unitName: nil, amountUnit: nil, amountUnitLine: nil, columns: built.columns,
                headerRows: built.headerRows, repeatedHeaderRows: built.repeatedHeaderRows, rows: built.rows,
                sections: [], notes: [], empty: built.rows.isEmpty, fields: [], grids: [],
                realignedRows: built.realignedRows, joinedCodes: nil, diagnostics: built.diagnostics))
        }

        for row in rows {
            let lead = row.cells.firstIndex { !TextPatterns.isBlank($0) }
            let leadLabel = lead == 0 ? leadKey(row.cells[0]) : nil
            if let leadLabel, let gridLabel = grid(startedBy: leadLabel) {
                if let current = open, TextPatterns.same(current.label, gridLabel), !current.rows.isEmpty || current.title != nil {
                    // The grid's own label repeated as the first cell of a body row.
                    open?.rows.append(row)
                    continue
                }
                close()
                let rest = row.cells.dropFirst().contains { !TextPatterns.isBlank($0) }
                if !rest {
                    open = OpenGrid(label: gridLabel, title: SourceLine(line: row.line, text: TextPatterns.trimmed(row.cells[0])),
                                    labelColumn: false)
                } else if let header = headers[gridLabel], !GridBuilder.sameCells(row.cells.dropFirst(), header[0].cells.dropFirst()) {
                    open = OpenGrid(label: gridLabel, rows: [row], inheritedHeader: header, labelColumn: true)
                } else {
                    open = OpenGrid(label: gridLabel, rows: [row], labelColumn: true)
                }
                continue
            }
            if let leadLabel, isFieldLabel(leadLabel) {
                close()
                addFields(row, to: &result)
                continue
            }
            if open != nil {
                open?.rows.append(row)
                continue
            }
            addFields(row, to: &result)
        }
        close()
        return result
    }

    /// Pairs the row's non-empty cells as label, value, label, value …; a known label where a
    /// value would be means the label before it has no value.
    private func addFields(_ row: Row, to result: inout Result) {
        let cells = row.cells.map(TextPatterns.trimmed).filter { !$0.isEmpty }
        var index = 0
        while index < cells.count {
            let label = cells[index]
            var value = ""
            if index + 1 < cells.count, !(leadKey(cells[index + 1]).map(isFieldLabel) ?? false) {
                value = cells[index + 1]
                index += 2
            } else {
                index += 1
            }
            result.fields.append(SegmentedTable.Field(line: row.line, label: label, value: value,
                                                      paragraphs: HTMLText.paragraphs(value)))
        }
        result.kinds[row.line] = .field
    }

    private func isFieldLabel(_ key: String) -> Bool {
        if fieldKeys.contains(where: { TextPatterns.same($0, key) }) { return true }
        return specification.fieldPrefixes.contains { prefix in
            let rest = key.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
            return key.utf8.starts(with: prefix.utf8) && !rest.isEmpty && rest.allSatisfy(TextPatterns.isDigit)
        }
    }

    /// A label as compared: no spaces, no trailing colon.
    package static func labelKey(_ text: String) -> String {
        var key = TextKey.of(text)
        while key.utf8.last == 0x3A { key.removeLast() }
        return key
    }
}

extension TableKinds.FormSpecification {
    /// The grid label that `key` (a `FormParser.labelKey`) starts, if any.
    package func startsGrid(_ key: String) -> String? {
        grids.first { TextPatterns.same(FormParser.labelKey($0), key) }
    }
}

/// HTML that extractors leave inside cells (`<p>1. …</p> <p>2. …</p>`), as plain paragraphs.
package enum HTMLText {
    /// The paragraphs of `text` without tags, or nil when it has no tags.
    package static func paragraphs(_ text: String) -> [String]? {
        guard Bytes.contains(text, UInt8(ascii: "<")), Bytes.contains(text, UInt8(ascii: ">")) else { return nil }
        return TextPatterns.withUTF8(text) { utf8 in
            var paragraphs: [String] = []
            // The text between tags, copied a run of bytes at a time (appending it a scalar at a
            // time cost some 500 instructions a character). `<` and `>` are ASCII, so every run
            // and every tag is whole UTF-8.
            var current: [UInt8] = []
            func flush() {
                let paragraph = TextPatterns.trimmed(String(decoding: current, as: UTF8.self))
                if !paragraph.isEmpty { paragraphs.append(paragraph) }
                current.removeAll(keepingCapacity: true)
            }
            var runStart = 0
            var index = 0
            while index < utf8.count {
                guard utf8[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                // A tag runs to the next `>`; one never closed takes the rest of the text with it.
                guard let close = utf8[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else {
                    runStart = utf8.count
                    break
                }
                if breaksParagraph(UnsafeBufferPointer(rebasing: utf8[(index + 1)..<close])) { flush() }
                index = close + 1
                runStart = index
            }
            current.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            flush()
            return paragraphs
        }
    }

    /// Whether a tag (its bytes between `<` and `>`) ends a paragraph: its name, after any `/`,
    /// is `p`, `br`, `div` or `li` in any case.
    private static func breaksParagraph(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
        let scalars = String(decoding: tag, as: UTF8.self).unicodeScalars
        let name = String(scalars: scalars.drop { $0 == "/" }.prefix { $0.properties.isAlphabetic }).lowercased()
        return ["p", "br", "div", "li"].contains(name)
    }
}
