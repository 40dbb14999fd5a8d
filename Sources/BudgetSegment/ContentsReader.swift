import BudgetCore

/// The table of contents (目录): its entries, so promised tables can be checked against the body.
extension Segmenter {
    /// Reads a 目录 block: entries while lines look like entries, until the body begins with a
    /// line repeating the first entry.
    func readContents(_ lines: [Line], from start: Int, state: inout State) -> Int {
        let heading = lines[start]
        state.contents.append(ContentsEntry(line: heading.number, text: heading.trimmed, tableId: nil, title: nil))
        state.assign(heading.number, .contents)
        var firstKey: String?
        var continued = false
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
            // A part heading wrapped onto a line of its own (`第二部分 …2024 年度部门决算` / `表`) is that
            // entry still: the 目录 goes on after it.
            if !continued, let last = state.contents.last, Self.continuesPartHeading(line, after: last) {
                state.contents[state.contents.count - 1].text += line.trimmed
                state.assign(line.number, .contents)
                continued = true
                index += 1
                continue
            }
            continued = false
            // A numbered table title is an entry without dot leaders too (`4．2025年…预算总表`: not an
            // enumerator, the number running into the year).
            guard Self.looksLikeContentsEntry(line) || numberedTable(line.trimmed) != nil else { break }
            firstKey = firstKey ?? key
            if let caption = TextPatterns.caption(line.trimmed) {
                state.contents.append(ContentsEntry(line: line.number, text: line.trimmed, tableId: caption.id,
                                                    title: caption.rest.isEmpty ? nil : caption.rest))
            } else if let numbered = numberedTable(line.trimmed) {
                state.contents.append(ContentsEntry(line: line.number, text: line.trimmed, tableId: numbered.id, title: numbered.title))
            } else {
                state.contents.append(ContentsEntry(line: line.number, text: line.trimmed, tableId: nil, title: nil))
            }
            state.assign(line.number, .contents)
            index += 1
        }
        // Leave the blank lines before the body to the main loop.
        while index > start + 1, lines[index - 1].isBlank { index -= 1 }
        return index
    }

    /// A table promised by its position in the 目录 rather than a caption: `1. 2025年部门财务收支预算总表
    /// ……` (Shanghai reports number their tables `1.` to `9.` and print no `表1` caption). Only an
    /// arabic-numbered entry whose title names a known table kind is one; its number is the table's id.
    func numberedTable(_ text: String) -> (id: String, title: String)? {
        // Not `TextPatterns.enumerator`: `4．2025年…` reads there as the number 4.2025, but here the
        // title after the mark must name a table kind, which settles it.
        let scalars = TextPatterns.trimmed(text).unicodeScalars
        var digits = scalars.prefix(while: TextPatterns.isDigit)
        var number = String(scalars: digits.map(TextPatterns.asciiDigit))
        // A 决算 目录 numbers them in Chinese numerals: `一、收入支出决算总表` is table 1.
        if digits.isEmpty {
            digits = scalars.prefix { "一二三四五六七八九十".unicodeScalars.contains($0) }
            number = Self.chineseNumber(String(scalars: digits)).map(String.init) ?? ""
        }
        guard (1...3).contains(digits.count), !number.isEmpty, let mark = scalars.dropFirst(digits.count).first,
              [".", "．", "、"].contains(mark) else { return nil }
        let rest = String(scalars: scalars.dropFirst(digits.count + 1))
        let title = Self.entryTitle(rest)
        guard !title.isEmpty, kinds.kind(forTitle: title) != nil else { return nil }
        return (number, title)
    }

    /// The value of a Chinese numeral from 一 to 九十九 (`十二` 12, `二十` 20), or nil.
    static func chineseNumber(_ text: String) -> Int? {
        let digits = Array("一二三四五六七八九")
        let characters = Array(text)
        let value = { (character: Character) in digits.firstIndex(of: character).map { $0 + 1 } }
        switch characters.count {
        case 1: return characters[0] == "十" ? 10 : value(characters[0])
        case 2 where characters[0] == "十": return value(characters[1]).map { 10 + $0 }
        case 2 where characters[1] == "十": return value(characters[0]).map { $0 * 10 }
        case 3 where characters[1] == "十": return value(characters[0]).flatMap { tens in value(characters[2]).map { tens * 10 + $0 } }
        default: return nil
        }
    }

    /// An entry's title: what comes before its dot leaders (or the tab before them) and page number.
    static func entryTitle(_ text: String) -> String {
        var title = Substring(text)
        for leader in ["\t", "……", "....", "···"] {
            if let range = title.range(of: leader) { title = title[..<range.lowerBound] }
        }
        title = TextPatterns.trimmed(title)
        while let last = title.unicodeScalars.last, TextPatterns.isDigit(last) || last == "…" || last == "." {
            title = TextPatterns.trimmed(title.dropLast())
        }
        return String(title)
    }

    /// An entry without its list marker, dot leaders and page number, for comparing with the body.
    static func contentsKey(_ text: String) -> String {
        var key = TextKey.of(text)
        if key.hasPrefix("-") || key.hasPrefix("•") { key.removeFirst() }
        while let last = key.last, last == "…" || last == "." || last == "·" || TextPatterns.isDigit(last) { key.removeLast() }
        return key
    }

    /// Whether `line` is the wrapped end of the part heading entered just before it: a few words
    /// that are no entry of their own (no list marker, no sentence) after a `第X部分` entry. One
    /// such line at most (the caller's `continued`), so a body that starts after a last part
    /// heading is not swallowed.
    static func continuesPartHeading(_ line: Line, after entry: ContentsEntry) -> Bool {
        let text = line.trimmed
        guard TextPatterns.isPartHeading(entry.text), TextPatterns.length(text) <= 8,
              !TextPatterns.endsSentence(text) else { return false }
        return !looksLikeContentsEntry(line) && TextPatterns.enumerator(text) == nil
    }

    static func looksLikeContentsEntry(_ line: Line) -> Bool {
        let text = line.trimmed
        if TextPatterns.contains(text, "……") || TextPatterns.contains(text, "....") { return true }
        guard TextPatterns.length(text) <= 60, !TextPatterns.endsSentence(text) else { return false }
        return text.utf8.starts(with: "- ".utf8) || text.utf8.starts(with: "• ".utf8) || TextPatterns.isPartHeading(text)
            || TextPatterns.enumerator(text) != nil || TextPatterns.caption(text) != nil
    }
}
