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
    static func contentsKey(_ text: String) -> String {
        var key = TextKey.of(text)
        if key.hasPrefix("-") || key.hasPrefix("•") { key.removeFirst() }
        while let last = key.last, last == "…" || last == "." || last == "·" || TextPatterns.isDigit(last) { key.removeLast() }
        return key
    }

    static func looksLikeContentsEntry(_ line: Line) -> Bool {
        let text = line.trimmed
        if TextPatterns.contains(text, "……") || TextPatterns.contains(text, "....") { return true }
        guard TextPatterns.length(text) <= 60, !TextPatterns.endsSentence(text) else { return false }
        return text.utf8.starts(with: "- ".utf8) || text.utf8.starts(with: "• ".utf8) || TextPatterns.isPartHeading(text)
            || TextPatterns.enumerator(text) != nil || TextPatterns.caption(text) != nil
    }
}
