import Testing
@testable import BudgetCore

/// `ExactString` keys dictionaries by bytes: the same bytes are one key (and hash alike), and
/// canonically equivalent spellings that `String` takes as equal stay two keys.
@Suite struct ExactStringTests {
    @Test func theSameBytesAreOneKeyAndEquivalentSpellingsAreTwo() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed, "String compares canonically")
        #expect(ExactString(composed) != ExactString(decomposed))
        #expect(Set([ExactString(composed), ExactString(decomposed)]).count == 2)
        #expect(!ExactString.same(composed, decomposed) && ExactString.same(composed, "caf\u{E9}"))
        #expect(!ExactString.same(nil, nil) && !ExactString.same("a", nil))
    }

    @Test func equalKeysHashAlikeWhereverTheirBytesLive() {
        var generator = SeededGenerator(state: 5)
        let words = ["一般公共预算支出", "合计", "narrative:460:一般公共预算", "表5-1", "", "a"]
        var counts: [ExactString: Int] = [:]
        for _ in 0..<1_000 {
            let word = words.randomElement(using: &generator)!
            // The same text as a fresh native string, a substring's copy and a bridged-looking
            // rebuild from scalars: one key each time.
            let spellings = [word, String(("x" + word).dropFirst()), String(scalars: Array(word.unicodeScalars))]
            let spelling = spellings.randomElement(using: &generator)!
            #expect(ExactString(spelling).hashValue == ExactString(word).hashValue)
            counts[ExactString(spelling), default: 0] += 1
        }
        #expect(counts.count == words.count)
        #expect(counts.values.reduce(0, +) == 1_000)
    }
}
