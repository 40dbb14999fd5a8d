import Testing
@testable import BudgetCore

/// `TextPatterns.numberTokenCount` reads UTF-8 bytes: segment's nothing-lost accounting compares
/// the number tokens printed in a table's cells with those it parsed, so a miscount is a report
/// wrongly flagged or a lost number let through. Held here to the scalar-by-scalar reading on
/// random texts built from ASCII and full-width digits and separators, and from characters whose
/// encodings share their first bytes (`！` EF BC 81, `＿` EF BC BF, `｀` EF BD 80, `ﾀ` EF BE 80)
/// or hold the bytes a digit's encoding ends with (`ｐ` EF BD 90, `萐` E8 90 90, `À` C3 80).
@Suite struct NumberTokenCountTests {
    private static let pieces = ["0", "7", "9", ",", ".", "，", "．", "０", "５", "９", "！", "＿", "｀", "ﾀ", "ｐ", "萐", "À",
                                 " ", "\u{3000}", "-", "万元", "a", "1,209.02"]

    private func scalarCount(_ text: String) -> Int {
        var count = 0
        var inToken = false
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            if TextPatterns.isDigit(scalar) {
                if !inToken { count += 1 }
                inToken = true
                pendingSeparator = false
            } else if inToken, !pendingSeparator, [",", ".", "，", "．"].contains(scalar) {
                pendingSeparator = true
            } else {
                inToken = false
                pendingSeparator = false
            }
        }
        return count
    }

    @Test func bytesAgreeWithScalars() {
        var generator = SeededGenerator(state: 20_261_204)
        for _ in 0..<20_000 {
            let text = generator.text(from: Self.pieces, maxPieces: 10)
            let expected = scalarCount(text)
            #expect(TextPatterns.numberTokenCount(text) == expected, "\(Array(text.unicodeScalars))")
            #expect(TextPatterns.numberTokenCount("x\(text)y".dropFirst().dropLast()) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func tokensAsPrinted() {
        #expect(TextPatterns.numberTokenCount("1,209.02") == 1)
        #expect(TextPatterns.numberTokenCount("１，２０９．０２") == 1)
        #expect(TextPatterns.numberTokenCount("1,,2") == 2)
        #expect(TextPatterns.numberTokenCount("2024年 12.5 万元，较上年增长3%") == 3)
        #expect(TextPatterns.numberTokenCount("合计") == 0)
        #expect(TextPatterns.numberTokenCount("") == 0)
    }
}
