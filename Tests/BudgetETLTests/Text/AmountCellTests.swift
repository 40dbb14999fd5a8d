import Testing
@testable import BudgetCore

/// `TextPatterns.isAmount` reads a cell's UTF-8 bytes a character at a time. Held here to the
/// definition read scalar by scalar, on random cells built from every character it accepts and
/// from characters next to them in Unicode or in their encodings: `＋` (U+FF0B, a full-width
/// plus it does not take), `／` and `＆` (the bytes of `．` and `％` but one), `∓` and `‒` (near
/// `−`), two- and four-byte characters, a combining accent, the four spaces, letters and 合计.
@Suite struct AmountCellTests {
    private static let pieces = [
        "0", "9", "０", "９", "5", ",", ".", "，", "．", "%", "％", " ", "-", "−", "－", "+", "(", "（", ")", "）",
        "＋", "／", "＆", "∓", "‒", "é", "\u{301}", "😀", "\t", "\u{A0}", "\u{3000}", "a", "E", "合计", "倠",
    ]

    /// The definition: after trimming spaces, every scalar a digit, a separator or a percent
    /// sign, or a sign or opening bracket first, or a closing bracket last; and a digit at least.
    private func scalarIsAmount(_ cell: String) -> Bool {
        let scalars = Array(cell.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !TextPatterns.isSpace($0) }),
              let last = scalars.lastIndex(where: { !TextPatterns.isSpace($0) }) else { return false }
        var digits = 0
        for position in first...last {
            let scalar = scalars[position]
            if TextPatterns.isDigit(scalar) {
                digits += 1
            } else if ",.，．%％ ".unicodeScalars.contains(scalar) {
                continue
            } else if position == first, "-−－+(（".unicodeScalars.contains(scalar) {
                continue
            } else if position == last, ")）".unicodeScalars.contains(scalar) {
                continue
            } else {
                return false
            }
        }
        return digits > 0
    }

    @Test func bytesAgreeWithScalars() {
        var generator = SeededGenerator(state: 20_261_204)
        var amounts = 0
        for _ in 0..<30_000 {
            let count = Int.random(in: 0...7, using: &generator)
            // Weighted towards the accepted characters, so that a good share of cells are amounts.
            let text = (0..<count).map { _ in
                Self.pieces[Int.random(in: 0..<(Bool.random(using: &generator) ? 20 : Self.pieces.count), using: &generator)]
            }.joined()
            let expected = scalarIsAmount(text)
            if expected { amounts += 1 }
            #expect(TextPatterns.isAmount(text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(amounts > 2_000, "the random cells must hold amounts too")
    }

    @Test func printedAmounts() {
        for amount in ["1,209.02", "-3.5", "（12.00）", "100%", "\u{3000}２，０２４．５０\u{A0}", "(7)", "－0.10", "+1"] {
            #expect(TextPatterns.isAmount(amount), "\(amount)")
        }
        for text in ["", " ", "合计", "1.2.3a", "(", "5(", ")5", "1 ２ +", "＋1", "1\u{301}", "12e3"] {
            #expect(!TextPatterns.isAmount(text), "\(text)")
        }
    }
}
