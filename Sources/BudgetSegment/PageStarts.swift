import BudgetCore

/// Where the report's pages begin, so that every row, field, claim and check can be traced to the
/// page of the PDF it was printed on. Extractors mark pages three ways:
/// - a form feed before each page's text (pdftotext): the page begins at the line the form feed
///   starts, and each form feed is a page, so a page without text (an image) still counts;
/// - a marker line between pages (`-- PAGE_BREAK --`, the `pageMarkers` of `table-kinds.json`): the
///   page begins at the line after it;
/// - only the page numbers the PDF prints as footers (`第 3 页`: `furniture.pagePatterns`), when
///   there are no marks: the page begins at the line after each of them.
/// A mark after the last line with text ends the last page rather than starting one (pdftotext
/// and the marker extractor both close every page, the last included).
extension Segmenter {
    /// The first line of each page, page 1 (line 1) first; empty when the text marks no pages.
    /// `marks` are where the marked pages begin, in order.
    func pageStarts(_ lines: [Line], marks: [Int], pageMarkLines: Set<Int>) -> [Int] {
        var starts = marks
        if starts.isEmpty {
            // The line after each footer that is a page number (a short line: most lines are
            // passed over without making their key).
            starts = lines.filter { line in
                !line.hasTabs && !line.isBlank && line.trimmed.utf8.count <= 48 && isPageNumber(TextKey.of(line.trimmed))
            }.map { $0.number + 1 }
        }
        guard !starts.isEmpty else { return [] }
        let lastText = lines.last { !$0.isBlank && !pageMarkLines.contains($0.number) }?.number ?? 0
        return [1] + starts.filter { $0 > 1 && $0 <= lastText }
    }
}

/// A report's pages by their first lines (`SegmentedReport.pageStarts`): the page of any line,
/// found by binary search, so nothing but the starts is ever stored.
public struct PageIndex: Sendable, Equatable {
    /// The first line of each page, page 1 first, in order; empty when the pages are not known.
    public let starts: [Int]

    public init(starts: [Int]) {
        self.starts = starts
    }

    /// How many pages the text marks; 0 when it marks none.
    public var count: Int { starts.count }

    /// The 1-based page `line` is on; nil when the pages are not known, or for line 0 (no line).
    public func page(of line: Int) -> Int? {
        guard line > 0, let first = starts.first, line >= first else { return nil }
        // The number of starts at or before the line: the last page to begin by then.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension SegmentedReport {
    /// The pages, to find the page of a line.
    public var pages: PageIndex { PageIndex(starts: pageStarts) }
}
