import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExtract
@testable import BudgetSegment

/// Where pages begin (`SegmentedReport.pageStarts`) for each way an extractor marks them, and the
/// page of a line (`PageIndex`): what every page number in facts.csv and report.xml comes from.
@Suite struct PageStartsTests {
    func starts(_ lines: [String]) -> [Int] {
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "|", with: "\t")
            .replacingOccurrences(of: "¶", with: "\u{0C}") + "\n"
        return Segmenter(kinds: .standard, options: SegmentOptions()).segment(text).pageStarts
    }

    let table = ["表3", "支出总表", "科目编码|科目名称|合计", "208|甲|1.00"]

    @Test func aFormFeedStartsItsPageAtItsOwnLine() {
        // pdftotext puts the form feed at the start of the next page's first line.
        #expect(starts(table + ["¶20801|乙|1.00", "2080101|丙|1.00"]) == [1, 5])
    }

    @Test func aMarkerLineStartsThePageAfterIt() {
        #expect(starts(table + ["-- PAGE_BREAK --", "", "20801|乙|1.00"]) == [1, 6])
    }

    @Test func aPageWithoutTextStillCountsSoLaterPagesKeepThePDFsNumbers() {
        // Two form feeds on one line: page 2 (an image) has no text, page 3 starts at line 5.
        let report = starts(table + ["¶¶20801|乙|1.00"])
        #expect(report == [1, 5, 5])
        #expect(PageIndex(starts: report).page(of: 5) == 3)
        #expect(PageIndex(starts: report).page(of: 4) == 1)
        // The same with marker lines: two markers in a row.
        #expect(starts(table + ["-- PAGE_BREAK --", "-- PAGE_BREAK --", "20801|乙|1.00"]) == [1, 6, 7])
    }

    @Test func aMarkAfterTheLastTextClosesThePageRatherThanStartingOne() {
        #expect(starts(table + ["¶20801|乙|1.00", "¶"]) == [1, 5])
        #expect(starts(table + ["-- PAGE_BREAK --", "", ""]) == [1], "one marked page")
    }

    @Test func withoutMarksPrintedPageNumbersEndThePages() {
        #expect(starts(table + ["第 1 页", "20801|乙|1.00", "第 2 页"]) == [1, 6])
        // Form feeds win: a page number is then only furniture.
        #expect(starts(table + ["第 1 页", "¶20801|乙|1.00", "2080101|丙|1.00", "第 2 页", "20802|丁|1.00"]) == [1, 6])
    }

    @Test func textWithoutMarksHasNoKnownPages() {
        #expect(starts(table + ["20801|乙|1.00"]) == [])
        #expect(PageIndex(starts: []).page(of: 4) == nil)
    }

    @Test func aLinesPageIsTheLastPageToBeginAtOrBeforeIt() {
        let pages = PageIndex(starts: [1, 25, 47, 47, 60])
        #expect(pages.count == 5)
        #expect([1, 24, 25, 46, 47, 59, 60, 1000].map { pages.page(of: $0) } == [1, 1, 2, 2, 4, 4, 5, 5])
        #expect(pages.page(of: 0) == nil, "line 0 is no line")
    }

    /// pdftotext's own text: a page of images between two pages of text keeps the third page's
    /// number, and the page starts are lines of the extracted text (`01-extract/text.txt`).
    @Test func aPDFsPagesAreLinesOfItsExtractedText() throws {
        let pdf = MinimalPDF.make(pages: ["Budget page one", nil, "Budget page three"])
        let extracted = try PDFTextExtractor(options: ExtractOptions(), file: "input/r.pdf").extract(pdf)
        let report = Segmenter(kinds: .standard, options: SegmentOptions()).segment(extracted.text)
        #expect(report.pageStarts.count == 3, "\(extracted.text.debugDescription)")
        let lines = Segmenter.split(extracted.text, on: 0x0A)
        let third = try #require(lines.firstIndex { $0.contains("Budget page three") }) + 1
        #expect(report.pages.page(of: third) == 3)
        let first = try #require(lines.firstIndex { $0.contains("Budget page one") }) + 1
        #expect(report.pages.page(of: first) == 1)
    }
}
