import Testing
@testable import BudgetCore
@testable import BudgetSegment

/// `HTMLText.paragraphs` cuts a cell's text at tags by its UTF-8 bytes. Held here to the rules
/// read a scalar at a time (the oracle below) on random texts of tags that end a paragraph or not
/// (in any case, closing, with attributes, with a Chinese letter run into the name), stray and
/// unclosed brackets, Chinese text and spaces.
@Suite struct HTMLTextTests {
    private static let pieces = ["<p>", "</p>", "<P class=\"a\">", "<br/>", "<BR>", "<div>", "</li>", "<span>", "<p中>", "<//p>",
                                 "< p>", "<", ">", "1. ", "项目绩效", " ", "\u{3000}", "a", "/", "&amp;", "\n"]

    private func oracle(_ text: String) -> [String]? {
        guard text.contains("<"), text.contains(">") else { return nil }
        var paragraphs: [String] = []
        var current = String.UnicodeScalarView()
        var tag: String.UnicodeScalarView?
        func flush() {
            let paragraph = TextPatterns.trimmed(String(current))
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if var open = tag {
                if scalar == ">" {
                    let name = String(String.UnicodeScalarView(open.drop { $0 == "/" }.prefix { $0.properties.isAlphabetic })).lowercased()
                    if ["p", "br", "div", "li"].contains(name) { flush() }
                    tag = nil
                } else {
                    open.append(scalar)
                    tag = open
                }
            } else if scalar == "<" {
                tag = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        flush()
        return paragraphs
    }

    @Test func bytesAgreeWithScalars() {
        var generator = SeededGenerator(state: 20_261_205)
        for _ in 0..<20_000 {
            let text = generator.text(from: Self.pieces, maxPieces: 12)
            #expect(HTMLText.paragraphs(text) == oracle(text), "\(text.debugDescription)")
        }
    }

    @Test func paragraphsOfACell() {
        #expect(HTMLText.paragraphs("<p>1. 完成</p> <P>2. 达标</P>") == ["1. 完成", "2. 达标"])
        #expect(HTMLText.paragraphs("甲<br/>乙<span>丙</span>") == ["甲", "乙丙"])
        #expect(HTMLText.paragraphs("甲<p>乙<p 丙") == ["甲", "乙"])
        #expect(HTMLText.paragraphs("没有标签") == nil)
    }
}
