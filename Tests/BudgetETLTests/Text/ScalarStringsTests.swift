import Testing
@testable import BudgetCore

/// `String(scalars:)` encodes scalars straight into a string's storage, and `TextKey.of` builds a
/// changed key the same way: both are held here to what the standard library's own scalar view
/// makes of the same scalars, on random runs of every UTF-8 length (ASCII, Latin, CJK, full-width
/// forms, quotes and spaces a key drops, and scalars beyond the BMP). The byte-wise prefix and
/// suffix tests are held to `String`'s own on the same text, without the combining marks and emoji
/// modifiers where they differ by design (a piece ending inside a grapheme cluster matches by bytes,
/// not by `Character`s; no header or label is printed so).
@Suite struct ScalarStringsTests {
    private static let pools: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x17F, 0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF5E, 0x2018...0x201F, 0x1F300...0x1F3FA,
    ]

    private func randomScalars(_ generator: inout SeededGenerator) -> [Unicode.Scalar] {
        (0..<Int.random(in: 0...24, using: &generator)).map { _ in
            let pool = Self.pools.randomElement(using: &generator)!
            return Unicode.Scalar(UInt32.random(in: pool, using: &generator))!
        }
    }

    private func viewString(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test func aStringOfScalarsIsTheScalarViewsString() {
        var generator = SeededGenerator(state: 20_261_203)
        for _ in 0..<2_000 {
            let scalars = randomScalars(&generator)
            let expected = viewString(scalars)
            #expect(String(scalars: scalars) == expected)
            #expect(String(scalars: scalars).utf8.elementsEqual(expected.utf8))
            let start = Int.random(in: 0...scalars.count, using: &generator)
            let end = Int.random(in: start...scalars.count, using: &generator)
            #expect(String(scalars: scalars[start..<end]).utf8.elementsEqual(viewString(scalars[start..<end]).utf8))
            let view = expected.unicodeScalars
            let run = view[view.index(view.startIndex, offsetBy: start)..<view.index(view.startIndex, offsetBy: end)]
            #expect(String(scalars: run).utf8.elementsEqual(viewString(run).utf8))
        }
    }

    @Test func aKeyIsItsTextsKeptScalarsInOrder() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<2_000 {
            let text = String(scalars: randomScalars(&generator))
            let expected = viewString(text.unicodeScalars.compactMap(TextKey.keyScalar))
            #expect(TextKey.of(text).utf8.elementsEqual(expected.utf8), "\(text)")
            #expect(TextKey.of(text[...]).utf8.elementsEqual(expected.utf8), "\(text)")
        }
    }

    /// Every scalar of the first three planes, alone and between ideographs: `TextKey.of` first
    /// tells from the bytes whether anything can change, so a changed scalar whose UTF-8 it did
    /// not foresee would be kept here.
    @Test func everyScalarKeysAsKeyScalarSays() {
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kept = TextKey.keyScalar(scalar).map { String(Character($0)) } ?? ""
            #expect(TextKey.of(String(Character(scalar))).utf8.elementsEqual(kept.utf8), "U+\(String(value, radix: 16))")
            #expect(TextKey.of("收\(Character(scalar))入").utf8.elementsEqual("收\(kept)入".utf8), "U+\(String(value, radix: 16))")
        }
    }

    @Test func bytePrefixesAndSuffixesAreStringsOwn() {
        var generator = SeededGenerator(state: 11)
        for _ in 0..<2_000 {
            let scalars = randomScalars(&generator)
            let text = String(scalars: scalars)
            let cut = Int.random(in: 0...scalars.count, using: &generator)
            let other = String(scalars: randomScalars(&generator).prefix(3))
            for piece in [String(scalars: scalars[..<cut]), String(scalars: scalars[cut...]), other, other + text, text] {
                let bytes = Array(piece.utf8)
                #expect(TextPatterns.hasPrefix(text, bytes[...]) == text.hasPrefix(piece), "\(text) \(piece)")
                #expect(TextPatterns.hasSuffix(text, bytes) == text.hasSuffix(piece), "\(text) \(piece)")
            }
        }
    }
}
