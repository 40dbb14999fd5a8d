import BudgetCore

/// Segments a report's text in one pass over its lines: the table of contents, each table
/// (caption, title, unit lines, rows, notes) and the narrative between them. Every non-blank
/// line is assigned exactly one `LineKind`; what no rule claims is listed as unassigned.
///
/// This is the coordinator: it splits the text into lines and decides which reader takes the
/// next line — `ContentsReader.swift` (the 目录), `TableReader.swift` (a table region),
/// `NarrativeReader.swift` (everything else) — all writing into one `State`
/// (`SegmentationState.swift`).
package struct Segmenter {
    package let kinds: TableKinds
    package let options: SegmentOptions

    /// Package-visible (the memberwise init is internal) for the fuzz target, Fuzz/budget-etl-fuzz.
    package init(kinds: TableKinds, options: SegmentOptions) {
        self.kinds = kinds
        self.options = options
    }

    typealias Row = SegmentedTable.Row

    /// One line of the text, split once.
    struct Line {
        package var number: Int
        package var text: String
        package var trimmed: String
        package var cells: [String]?
        package var isBlank: Bool { trimmed.isEmpty }
        package var hasTabs: Bool { cells != nil }
    }

    package func segment(_ text: String) -> SegmentedReport {
        var lines: [Line] = []
        // Where each page after a mark begins (`PageStarts.swift`): at the line a form feed starts
        // (once per form feed: a page without text is a page), after a marker line.
        var marks: [Int] = []
        var pageMarkLines: Set<Int> = []
        var number = 0
        for raw in Self.split(text, on: 0x0A) {
            number += 1
            var content = raw
            if content.utf8.first == 0x0C {
                while content.utf8.first == 0x0C {
                    content.removeFirst()
                    marks.append(number)
                }
                if TextPatterns.trimmed(content).isEmpty { pageMarkLines.insert(number) }
            }
            let line = String(content)
            let trimmed = TextPatterns.trimmed(line)
            if kinds.pageMarkers.contains(where: { TextPatterns.same($0, trimmed) }) {
                marks.append(number + 1)
                pageMarkLines.insert(number)
            }
            lines.append(Line(number: number, text: line, trimmed: trimmed,
                              cells: Bytes.contains(line, 0x09) ? Self.cells(line) : nil))
        }
        if text.utf8.last == 0x0A || text.isEmpty { lines.removeLast() }

        var state = State(lineCount: lines.count)
        state.aligned = !lines.contains { $0.hasTabs }
        for mark in pageMarkLines { state.assign(mark, .pageMark) }
        // Page numbers and running headers are skipped like the marks between pages.
        let pageStarts = self.pageStarts(lines, marks: marks, pageMarkLines: pageMarkLines)
        state.pages = PageIndex(starts: pageStarts)
        let furniture = furnitureLines(lines, pageStarts: pageStarts, pageMarkLines: pageMarkLines)
        for line in furniture { state.assign(line, .furniture) }
        let skipped = pageMarkLines.union(furniture)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || skipped.contains(line.number) {
                if line.isBlank && !skipped.contains(line.number) { state.assign(line.number, .blank) }
                index += 1
                continue
            }
            // `目录`, `目 录`, or `目<TAB>录` (an extractor that puts the spaced heading in two cells).
            if TextKey.equal(line.trimmed, "目录") {
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
                index = readTable(lines, from: index, caption: caption, pageMarkLines: skipped, state: &state)
                continue
            }
            if !line.hasTabs, !TextPatterns.isPartHeading(line.trimmed), kinds.kind(forTitle: line.trimmed) != nil {
                index = readTable(lines, from: index, caption: nil, pageMarkLines: skipped, state: &state)
                continue
            }
            addNarrative(line, state: &state)
            index += 1
        }
        return state.report(lines: lines.map { ($0.number, $0.trimmed) }, pageStarts: pageStarts)
    }

    /// Splits at every `separator` byte (LF or TAB), keeping empty pieces. Works on UTF-8 bytes:
    /// these are ASCII, so every split point is a character boundary.
    package static func split(_ text: some StringProtocol, on separator: UInt8) -> [Substring] {
        let text = Substring(text)
        var pieces: [Substring] = []
        // Over the contiguous bytes when there are (every native string): the offsets found
        // there map to indices in constant time, where stepping the generic UTF-8 view index by
        // index cost more than the rest of the split.
        let found: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let base = text.utf8.startIndex
            var start = 0
            // Separators found by `memchr`, not byte by byte.
            while let offset = Bytes.firstIndex(of: separator, in: bytes, from: start) {
                pieces.append(text[text.utf8.index(base, offsetBy: start)..<text.utf8.index(base, offsetBy: offset)])
                start = offset + 1
            }
            pieces.append(text[text.utf8.index(base, offsetBy: start)...])
        }
        if found != nil { return pieces }
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

    /// The cells of a line printed with tabs: the pieces `split(line, on: 0x09)` gives, as
    /// strings made straight from the line's bytes (a substring each, and then a string of it,
    /// cost twice as much: most lines of a report are table rows).
    package static func cells(_ line: String) -> [String] {
        line.withUTF8InPlace { bytes in
            var cells: [String] = []
            cells.reserveCapacity(8)
            var start = 0
            while let tab = Bytes.firstIndex(of: 0x09, in: bytes, from: start) {
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self))
                start = tab + 1
            }
            cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return cells
        }
    }

    func nextCaption(_ lines: [Line], after index: Int) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }) else { return false }
        return !next.hasTabs && TextPatterns.caption(next.trimmed) != nil
    }
}
