import BudgetCore

/// The narrative: headings and paragraphs between the tables.
extension Segmenter {
    func addNarrative(_ line: Line, state: inout State) {
        let text = line.trimmed
        if TextPatterns.keyValue(text, keys: kinds.noteKeys) != nil {
            state.notes.append(SourceLine(line: line.number, text: text))
            state.assign(line.number, .note)
            return
        }
        let enumerator = TextPatterns.enumerator(text)
        var level: Int?
        if TextPatterns.isPartHeading(text) || (enumerator == nil && isSectionTitle(text)) {
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
        // What is needed of the last block, not a copy of it: a copy alive here would share its text
        // and lines with the array, so each append below would copy them whole, and a paragraph
        // of n lines would cost n² (a million lines of prose never finished).
        let previous = state.narrative.last.map { block in
            (kind: block.kind, ends: TextPatterns.endsSentence(block.text) || TextPatterns.endsClause(block.text),
             adjacent: state.onlyBlankBetween(block.lines.last!, line.number))
        }
        if level == nil, let previous, previous.adjacent, previous.kind == .heading, enumerator == nil,
           Self.isHeadingText(text[...]), !TextPatterns.endsSentence(text) {
            // A heading printed over two lines (`第二部分 …` / `2024 年单位预算表`).
            state.narrative[state.narrative.count - 1].lines.append(line.number)
            state.narrative[state.narrative.count - 1].text += " " + text
            state.assign(line.number, .heading)
            return
        }
        if level == nil, let previous, previous.adjacent, previous.kind == .paragraph, enumerator == nil, !previous.ends {
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

    /// A part's title printed without enumerator: short, no sentence punctuation, ending with one
    /// of `sectionTitles` (`…（部门）机构设置`, `名词解释`).
    func isSectionTitle(_ text: String) -> Bool {
        guard TextPatterns.length(text) <= 40, !TextPatterns.endsSentence(text),
              !text.unicodeScalars.contains(where: { ["，", ",", "；", ";", "：", ":"].contains($0) }) else { return false }
        let key = TextKey.of(text)
        return kinds.sectionTitles.contains { key.hasSuffix($0) }
    }

    static func headingLevel(of style: TextPatterns.EnumeratorStyle) -> Int {
        switch style {
        case .chinese: 2
        case .parenthesizedChinese: 3
        case .arabic: 4
        case .parenthesizedArabic: 5
        }
    }

    /// Short, and a title rather than a sentence: no comma, semicolon or colon inside (a final
    /// colon or full stop is allowed: `(二) 本单位使用的主要支出功能分类科目(项级):`).
    static func isHeadingText(_ text: Substring) -> Bool {
        guard TextPatterns.length(text) <= 30 else { return false }
        return !text.unicodeScalars.dropLast().contains { ["，", ",", "；", ";", "：", ":"].contains($0) }
    }
}
