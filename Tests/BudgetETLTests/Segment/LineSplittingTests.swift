import Testing
@testable import BudgetSegment

/// A report is split into lines at each line feed, and a line printed with tabs into cells at
/// each tab, empty pieces kept (an empty cell is a blank column; a trailing tab, a last blank
/// one). Both read the UTF-8 bytes; held here to the standard library's split of characters, on
/// random text with Chinese, full-width spaces, a combining accent and an emoji next to the
/// separators (not CR LF, which is one character to the standard library).
@Suite struct LineSplittingTests {
    private static let pieces = ["\t", "\n", "\t\t", "\n\n", "1,209.02", "合计", "一、", "\u{3000}", " ", "e\u{301}", "😀", "a", ""]

    private func randomText(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in
            Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &generator)]
        }.joined()
    }

    /// What a person means by the pieces between separators: every one, empty ones included.
    private func expectedPieces(_ text: String, _ separator: Character) -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    @Test func linesAndCellsAreThePiecesBetweenSeparators() {
        var generator = SeededGenerator(state: 20_261_203)
        var cellsSeen = 0
        for _ in 0..<20_000 {
            let text = randomText(&generator)
            #expect(Segmenter.split(text, on: 0x0A).map(String.init) == expectedPieces(text, "\n"), "\(Array(text.unicodeScalars))")
            // A line of the text has no line feed; its cells are split at tabs.
            let line = String(text.filter { $0 != "\n" })
            let cells = Segmenter.cells(line)
            cellsSeen += cells.count
            #expect(cells == expectedPieces(line, "\t"), "\(Array(line.unicodeScalars))")
            #expect(cells == Segmenter.split(line[...], on: 0x09).map(String.init))
        }
        #expect(cellsSeen > 40_000, "the random lines must have tabs")
    }

    @Test func emptyPiecesAreKept() {
        #expect(Segmenter.cells("") == [""])
        #expect(Segmenter.cells("\t") == ["", ""])
        #expect(Segmenter.cells("合计\t\t1,209.02\t") == ["合计", "", "1,209.02", ""])
        #expect(Segmenter.split("a\n\nb\n", on: 0x0A) == ["a", "", "b", ""])
    }
}
