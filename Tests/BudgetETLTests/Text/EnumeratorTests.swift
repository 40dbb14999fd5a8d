import Testing
@testable import BudgetCore

/// `TextPatterns.enumerator` turns away a line whose first character cannot begin an enumerator
/// by that character's bytes, before reading its scalars. Held here to the reading without that
/// shortcut (the oracle below) on random lines of enumerator parts, numerals and characters
/// near them in UTF-8 (`（` EF BC 88 beside `）` and `＊`, `〇` E3 80 87 beside the ideographic
/// space E3 80 80, `丁` beside `一`), spaces and text.
@Suite struct EnumeratorTests {
    private static let pieces = ["(", "（", "）", ")", "＊", "一", "十", "两", "〇", "丁", "1", "12", "１", "９", ".", "．", "、",
                                 " ", "\u{3000}", "\u{A0}", "项目", "a", "-"]

    private func oracle(_ line: String) -> (style: TextPatterns.EnumeratorStyle, ordinal: String, rest: Substring)? {
        let text = TextPatterns.trimmed(line[...])
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return nil }
        func rest(after count: Int) -> Substring {
            TextPatterns.trimmed(text[scalars.index(scalars.startIndex, offsetBy: count)...])
        }
        if first == "(" || first == "（" {
            let inner = scalars.dropFirst().prefix { TextPatterns.isChineseNumeral($0) || TextPatterns.isDigit($0) }
            guard !inner.isEmpty, let close = scalars.dropFirst(1 + inner.count).first, close == ")" || close == "）" else {
                return nil
            }
            let arabic = inner.allSatisfy(TextPatterns.isDigit)
            guard arabic || inner.allSatisfy(TextPatterns.isChineseNumeral) else { return nil }
            return (arabic ? .parenthesizedArabic : .parenthesizedChinese, String(scalars: inner), rest(after: inner.count + 2))
        }
        if TextPatterns.isChineseNumeral(first) {
            let numeral = scalars.prefix(while: TextPatterns.isChineseNumeral)
            guard scalars.dropFirst(numeral.count).first == "、" else { return nil }
            return (.chinese, String(scalars: numeral), rest(after: numeral.count + 1))
        }
        if TextPatterns.isDigit(first) {
            let number = scalars.prefix(while: TextPatterns.isDigit)
            let after = scalars.dropFirst(number.count)
            guard number.count <= 3, let mark = after.first, mark == "." || mark == "、" || mark == "．" else { return nil }
            if let next = after.dropFirst().first, TextPatterns.isDigit(next) { return nil }
            return (.arabic, String(scalars: number), rest(after: number.count + 1))
        }
        return nil
    }

    @Test func bytesAgreeWithScalars() {
        var generator = SeededGenerator(state: 20_261_206)
        var found = 0
        for _ in 0..<20_000 {
            let line = generator.text(from: Self.pieces, maxPieces: 6)
            let expected = oracle(line)
            let actual = TextPatterns.enumerator(line)
            #expect(actual?.style == expected?.style && actual?.ordinal == expected?.ordinal && actual?.rest == expected?.rest,
                    "\(line.debugDescription)")
            if expected != nil { found += 1 }
        }
        // Lines with enumerators were drawn too, plenty of them.
        #expect(found > 500)
    }
}
