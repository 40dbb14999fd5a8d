import Testing
@testable import BudgetCore

/// `TextPatterns.trimmed`, `isBlank` and `isCode` find spaces in UTF-8 bytes, recognising each
/// of the four by its encoded form from either end of the text. Held here to the scalar-by-scalar
/// reading (`isSpace` on each `Unicode.Scalar`) on random texts built from the spaces and from
/// characters whose encodings end in the same bytes as a space's: 倠 (E5 80 A0 ends like U+00A0),
/// U+2000 and U+3040 (E2 80 80, E3 81 80: near U+3000's E3 80 80), Â (C3 82), digits, capitals.
@Suite struct TrimmingTests {
    private static let pieces = [" ", "\t", "\u{A0}", "\u{3000}", "倠", "\u{2000}", "\u{3040}", "Â", "0", "7", "A", "Z", "a", "合计", "\u{3000}\u{A0}"]

    private func scalarTrimmed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !TextPatterns.isSpace($0) }),
              let last = scalars.lastIndex(where: { !TextPatterns.isSpace($0) }) else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }

    private func scalarIsCode(_ text: String) -> Bool {
        let bytes = Array(scalarTrimmed(text).utf8)
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) else { return false }
        let digits = bytes.filter { (0x30...0x39).contains($0) }.count
        return bytes.count >= 3 && (digits == bytes.count || (bytes.count >= 10 && digits >= 8))
    }

    @Test func bytesAgreeWithScalars() {
        var generator = SeededGenerator(state: 20_261_203)
        for _ in 0..<20_000 {
            let text = generator.text(from: Self.pieces, maxPieces: 12)
            let expected = scalarTrimmed(text)
            #expect(TextPatterns.trimmed(text) == expected, "\(Array(text.unicodeScalars))")
            #expect(TextPatterns.isBlank(text) == expected.isEmpty, "\(Array(text.unicodeScalars))")
            #expect(TextPatterns.isCode(text) == scalarIsCode(text), "\(Array(text.unicodeScalars))")
            #expect(TextPatterns.trimmed(text[...]) == expected[...], "\(Array(text.unicodeScalars))")
        }
    }

    @Test func codesAndSpaces() {
        #expect(TextPatterns.isCode("\u{3000}2080505\u{A0}"))
        #expect(TextPatterns.isCode("ABC12345678"))
        #expect(!TextPatterns.isCode("20"))
        #expect(!TextPatterns.isCode("208 05"))
        #expect(TextPatterns.trimmed("\u{3000}\t合 计\u{A0} ") == "合 计")
        // A slice's offsets count from its own start.
        #expect(TextPatterns.trimmed("x\u{3000} 合计 \u{A0}y".dropFirst().dropLast()) == "合计")
        #expect(TextPatterns.isBlank("\u{3000}\u{A0}\t "))
        #expect(!TextPatterns.isBlank("\u{3000}倠"))
    }
}
