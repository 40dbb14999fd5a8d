import BudgetCore
import BudgetSegment

/// What a 决算 report's narrative says of a figure's execution against its budget:
/// `年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：…`
/// — the budget, the final figure, the completion rate, and which of the two the text says is
/// larger. Reconcile checks the rate and the direction against the two amounts (`completion`).
public struct CompletionClaim: Codable, Sendable, Equatable {
    /// The line the budget figure is printed on.
    public var line: Int
    public var budget: ClaimValue
    public var final: ClaimValue
    /// `完成年初预算的98.20%`, when printed.
    public var rate: ClaimValue?
    /// `less`, `more` or `equal`: what the text says of 决算数 against 预算数 (`决算数小于预算数`);
    /// nil when it says nothing.
    public var stated: String?
    /// The reason the text gives for the final figure differing from the budget: the words after
    /// `主要原因：` (`reason` of completionWords) to the end of their sentence, before the next
    /// statement; nil when it gives none.
    public var reason: String?
}

/// Reads `CompletionClaim`s from the narrative, by the words of `completionWords` in
/// `claim-subjects.json`: a budget word and its amount, then a final word and its amount before
/// the next budget word, then, still before it, a rate word and its percentage and a statement of
/// direction (for the last statement of a paragraph, also at the start of the next one). One pass
/// over each paragraph.
package enum CompletionStatements {
    package static func read(_ narrative: [NarrativeBlock], sourceLines: [Substring]) -> [CompletionClaim] {
        let words = ClaimSubjectWords.standard.completionWords
        // A statement starts at a budget word: a paragraph without one (every paragraph of a 预算
        // report) is passed over by a byte search, before its scalars are laid out and scanned.
        let budgetWords = words.budget.map { Array($0.utf8) }
        var claims: [CompletionClaim] = []
        for (position, block) in narrative.enumerated() where block.kind == .paragraph {
            guard TextPatterns.contains(block.text, anyOf: budgetWords) else { continue }
            let text = Array(block.text.unicodeScalars)
            var starts = occurrences(of: words.budget, in: text)
            guard !starts.isEmpty else { continue }
            starts.append((text.count, 0))
            for (index, start) in starts.dropLast().enumerated() {
                let end = starts[index + 1].position
                guard let budget = amount(in: text, after: start.position + start.length, before: end),
                      let finalWord = occurrences(of: words.final, in: text[..<end]).first(where: { $0.position > start.position }),
                      let final = amount(in: text, after: finalWord.position + finalWord.length, before: end) else { continue }
                var claim = CompletionClaim(line: line(of: start.position, in: block, sourceLines: sourceLines),
                                            budget: budget, final: final, rate: nil, stated: nil)
                if let rateWord = occurrences(of: words.rate, in: text[..<end]).first(where: { $0.position > finalWord.position }),
                   let rate = amount(in: text, after: rateWord.position + rateWord.length, before: end), rate.unit == "%" {
                    claim.rate = rate
                }
                var rest = String(scalars: text[(finalWord.position)..<end])
                // The statement of direction may open the next paragraph (`…10.00万元。` / `决算数与预算数基本持平。`).
                if end == text.count, position + 1 < narrative.count, narrative[position + 1].kind == .paragraph {
                    rest += String(narrative[position + 1].text.unicodeScalars.prefix(24))
                }
                for (direction, phrases) in [("less", words.less), ("more", words.more), ("equal", words.equal)]
                where phrases.contains(where: { TextPatterns.contains(rest, $0) }) {
                    claim.stated = direction
                    break
                }
                // The reason may follow in the next paragraph too, up to its own first statement.
                var following = text[finalWord.position..<end]
                if end == text.count, position + 1 < narrative.count, narrative[position + 1].kind == .paragraph {
                    let next = Array(narrative[position + 1].text.unicodeScalars)
                    following += next[..<(occurrences(of: words.budget, in: next).first?.position ?? next.count)]
                }
                claim.reason = reason(in: Array(following), words: words.reason)
                claims.append(claim)
            }
        }
        return claims
    }

    /// The words after the first reason word, to the end of their sentence; nil when none
    /// follow it.
    private static func reason(in text: [Unicode.Scalar], words: [String]) -> String? {
        guard let found = occurrences(of: words, in: text).first else { return nil }
        var end = found.position + found.length
        while end < text.count, text[end] != "。" { end += 1 }
        let reason = TextPatterns.trimmed(String(scalars: text[(found.position + found.length)..<end]))
        return reason.isEmpty ? nil : reason
    }

    /// Where each of `words` starts in `text`, in order, with its length.
    private static func occurrences(of words: [String], in text: ArraySlice<Unicode.Scalar>) -> [(position: Int, length: Int)] {
        let patterns = words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        var found: [(Int, Int)] = []
        var index = text.startIndex
        while index < text.endIndex {
            if let pattern = patterns.first(where: { text[index...].starts(with: $0) }) {
                found.append((index, pattern.count))
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }

    private static func occurrences(of words: [String], in text: [Unicode.Scalar]) -> [(position: Int, length: Int)] {
        occurrences(of: words, in: text[...])
    }

    /// The number right after `start` (spaces allowed) with its money unit or `%`.
    private static func amount(in text: [Unicode.Scalar], after start: Int, before end: Int) -> ClaimValue? {
        var index = start
        while index < end, TextPatterns.isSpace(text[index]) { index += 1 }
        let numberStart = index
        while index < end, TextPatterns.isDigit(text[index]) || text[index] == "." || text[index] == "," { index += 1 }
        guard index > numberStart else { return nil }
        let number = String(scalars: text[numberStart..<index])
        var unitStart = index
        while unitStart < end, TextPatterns.isSpace(text[unitStart]) { unitStart += 1 }
        let unit: (name: String, length: Int)
        if unitStart < end, text[unitStart] == "%" || text[unitStart] == "％" {
            unit = ("%", 1)
        } else if let money = PrintedUnit.money(in: text, at: unitStart) {
            unit = (money.name, money.length)
        } else {
            return nil
        }
        guard case .number(let value, _) = PrintedNumber.read(number) else { return nil }
        let raw = String(scalars: text[start..<(unitStart + unit.length)])
        return ClaimValue(raw: TextPatterns.trimmed(raw), value: value, unit: unit.name)
    }

    /// The source line of a position in a block's text, which joins its lines as trimmed.
    private static func line(of position: Int, in block: NarrativeBlock, sourceLines: [Substring]) -> Int {
        var offset = 0
        for line in block.lines where line >= 1 && line <= sourceLines.count {
            offset += TextPatterns.trimmed(sourceLines[line - 1]).unicodeScalars.count
            if position < offset { return line }
        }
        return block.lines[0]
    }
}
