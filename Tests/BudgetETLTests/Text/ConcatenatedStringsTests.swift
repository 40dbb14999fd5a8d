import Testing
@testable import BudgetCore

/// `concatenated(separator:)` stands in for `joined(separator:)` on header paths and rows of
/// cells: it must give the same bytes for any pieces and separator — none, one, empty pieces,
/// Chinese, a combining accent that joins the piece before it, the `" / "` the contract uses.
@Suite struct ConcatenatedStringsTests {
    @Test func sameBytesAsJoined() {
        var generator = SeededGenerator(state: 20_261_205)
        let pieces = ["", "基本支出", "人员经费", "e", "\u{301}", " / ", "a\u{0}b", "2,374.69", "😀", "\t"]
        let separators = ["", " / ", " + ", ", ", "\n", "\u{301}"]
        for _ in 0..<5_000 {
            let parts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let separator = separators.randomElement(using: &generator)!
            let text = parts.concatenated(separator: separator)
            // Compared as bytes: `==` on strings compares canonical equivalents as equal.
            #expect(Array(text.utf8) == Array(parts.joined(separator: separator).utf8), "\(parts) \(separator)")
            #expect(Array(parts.concatenated().utf8) == Array(parts.joined().utf8), "\(parts)")
        }
    }
}
