import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExtract

/// The extract stage's normalization: line endings unified, page marks kept, controls removed
/// and counted, nothing else touched.
@Suite struct TextNormalizationTests {
    func extract(_ text: String) throws -> ExtractedText {
        try TextExtractor(options: ExtractOptions(), file: "r.txt").extract(Data(text.utf8))
    }

    @Test(arguments: [
        ("a\nb\n", "LF", 2),
        ("a\r\nb\r\n", "CRLF", 2),
        ("a\rb\r", "CR", 2),
        ("a\r\nb\rc\nd", "mixed", 4),
        ("one line", "none", 1),
    ])
    func lineEndingsBecomeLF(input: String, style: String, lines: Int) throws {
        let result = try extract(input)
        #expect(!result.text.contains("\r"))
        #expect(result.info.lineEndings.style == style)
        #expect(result.info.lines == lines)
        #expect(result.text.split(separator: "\n", omittingEmptySubsequences: false).count
                == lines + (result.text.hasSuffix("\n") ? 1 : 0))
    }

    @Test func lineEndingCountsAreKept() throws {
        let info = try extract("a\r\nb\rc\nd\r\n").info.lineEndings
        #expect(info.crlf == 2)
        #expect(info.cr == 1)
        #expect(info.lf == 1)
    }

    @Test func formFeedsStayAsPageMarks() throws {
        let result = try extract("page one\n\u{0C}page two\n\u{0C}page three\n")
        #expect(result.text == "page one\n\u{0C}page two\n\u{0C}page three\n")
        #expect(result.info.formFeeds == 2)
        #expect(result.info.pages == 3)
    }

    @Test func controlCharactersAreRemovedAndCounted() throws {
        let result = try extract("a\u{00}b\u{00}\u{07}c\td\u{0B}e\u{7F}f\u{85}g\u{9F}h\n")
        #expect(result.text == "abc\tdefgh\n")
        let removed = result.info.removedControlCharacters
        #expect(removed.total == 7)
        #expect(removed.byCodePoint == ["U+0000": 2, "U+0007": 1, "U+000B": 1, "U+007F": 1, "U+0085": 1, "U+009F": 1])
    }

    @Test func textIsOtherwiseFaithful() throws {
        // Full-width digits and punctuation, letter-spacing, trailing tabs and spaces all stay.
        let text = "１２０９．０２\t收 入 总 计\t\t \n（一）\u{3000}“三公”\n"
        #expect(try extract(text).text == text)
    }

    @Test func emptyInputIsNotAReport() throws {
        let error = #expect(throws: ReportError.self) { try extract("") }
        #expect(error?.message == "not a budget report: the file is empty")
    }

    @Test func sourceChecksumAndSizeAreRecorded() throws {
        let data = Data("x\r\n".utf8)
        let info = try TextExtractor(options: ExtractOptions(), file: "in/r.txt").extract(data).info
        #expect(info.source.file == "r.txt")
        #expect(info.source.size == 3)
        #expect(info.source.sha256 == Checksum.sha256(data))
        #expect(info.textBytes == 2)
    }
}
