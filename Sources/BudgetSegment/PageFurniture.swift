import BudgetCore

/// Page furniture: what a PDF prints on every page and an extractor copies into the text between
/// the pages' content, which must never be read as data or prose: page numbers (`第 3 页`,
/// `- 3 -`, `3/12`: the patterns of `furniture.pagePatterns` in `table-kinds.json`) and running
/// headers and footers (a line that is the first or last line of many pages). The page markers
/// themselves (form feeds, `-- PAGE_BREAK --`) are found by `Segmenter.segment`.
extension Segmenter {
    /// The numbers of the furniture lines. `pageStarts` are the lines that start a page (form
    /// feeds and marker lines); only the first and last lines of a page are looked at, so a
    /// number or a repeated line inside the content is left alone.
    func furnitureLines(_ lines: [Line], pageStarts: [Int], pageMarkLines: Set<Int>) -> Set<Int> {
        // Each page's first and last lines that could be furniture, by position in `lines`.
        var edges: [[Int]] = []
        var start = 0
        var starts = pageStarts.makeIterator()
        var nextStart = starts.next()
        func closePage(before end: Int) {
            let content = (start..<end).filter { !lines[$0].isBlank && !pageMarkLines.contains(lines[$0].number) }
            var edge: [Int] = []
            if let first = content.first { edge.append(first) }
            if let last = content.last, last != content.first { edge.append(last) }
            edges.append(edge)
        }
        for index in lines.indices {
            guard let mark = nextStart, lines[index].number >= mark else { continue }
            if index > start { closePage(before: index) }
            start = index
            nextStart = starts.next()
            while let next = nextStart, next <= lines[index].number { nextStart = starts.next() }
        }
        closePage(before: lines.count)

        var furniture: Set<Int> = []
        var repeated: [String: [Int]] = [:]
        for edge in edges {
            for index in edge where mayBeFurniture(lines[index]) {
                let key = TextKey.of(lines[index].trimmed)
                if isPageNumber(key) {
                    furniture.insert(lines[index].number)
                } else {
                    repeated[Self.digitsHidden(key), default: []].append(lines[index].number)
                }
            }
        }
        let pages = edges.count
        for (_, numbers) in repeated where numbers.count >= kinds.furniture.minPages && numbers.count * 2 >= pages {
            furniture.formUnion(numbers)
        }
        return furniture
    }

    /// A line without tabs that names no table and is no unit line: a table's title or
    /// `单位：万元` repeated on every page of a long table is the table's, not furniture.
    private func mayBeFurniture(_ line: Line) -> Bool {
        !line.hasTabs && TextPatterns.caption(line.trimmed) == nil && kinds.kind(forTitle: line.trimmed) == nil
            && TextPatterns.keyValue(line.trimmed, keys: kinds.unitLineKeys) == nil
    }

    /// Whether a line's key is a page number by one of the patterns (`#` is a run of digits).
    func isPageNumber(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        return kinds.furniture.pagePatterns.contains { pattern in
            Self.matches(scalars[...], Array(TextKey.of(pattern).unicodeScalars)[...])
        }
    }

    private static func matches(_ text: ArraySlice<Unicode.Scalar>, _ pattern: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let head = pattern.first else { return text.isEmpty }
        if head == "#" {
            let digits = text.prefix(while: TextPatterns.isDigit).count
            return digits > 0 && matches(text.dropFirst(digits), pattern.dropFirst())
        }
        guard let first = text.first, first == head else { return false }
        return matches(text.dropFirst(), pattern.dropFirst())
    }

    /// The key with every run of digits as `#`: a running footer that prints its page number.
    private static func digitsHidden(_ key: String) -> String {
        var result = String.UnicodeScalarView()
        var inDigits = false
        for scalar in key.unicodeScalars {
            if TextPatterns.isDigit(scalar) {
                if !inDigits { result.append("#") }
                inDigits = true
            } else {
                result.append(scalar)
                inDigits = false
            }
        }
        return String(result)
    }
}
