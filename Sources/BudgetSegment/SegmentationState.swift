import BudgetCore

extension Segmenter {
    /// What the pass has found so far, and which line went where.
    struct State {
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
        /// Whether the text aligns its columns with spaces (`pdftotext -layout`: no tab anywhere),
        /// so that a table's lines are read as runs of text in columns (`AlignedChunks`).
        package var aligned = false
        /// Where the text's pages begin (`PageStarts.swift`), to read a table's columns page by page.
        package var pages = PageIndex(starts: [])
        private var tableIDs = UniqueNames(separator: "_")
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
        package mutating func tableID(caption: String?, title: String?, kinds: TableKinds) -> String {
            var id = caption
            if id == nil, let title {
                let key = kinds.titleKey(title)
                id = contents.first { entry in
                    entry.tableId != nil && entry.title.map { TextPatterns.same(kinds.titleKey($0), key) } == true
                }?.tableId
            }
            if id == nil {
                uncaptioned += 1
                id = "x\(uncaptioned)"
            }
            return tableIDs.claim(id!)
        }

        package func report(lines: [(number: Int, trimmed: String)], pageStarts: [Int]) -> SegmentedReport {
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
                                   pageStarts: pageStarts,
                                   diagnostics: diagnostics + tables.flatMap { $0.diagnostics + $0.grids.flatMap(\.diagnostics) })
        }
    }
}
