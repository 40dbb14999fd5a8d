import Testing
@testable import BudgetCore
@testable import BudgetSegment

extension BadInputs {
    /// Huge inputs of one shape each, segmented in one pass. Nothing here is timed: each input is
    /// big enough that a pass quadratic in its lines or bytes would take minutes to hours, yet a
    /// linear pass reads it in a few seconds in a debug build. Segment's paragraph joining once
    /// copied the whole block for every line it added: 80,000 prose lines took 12 s, so 200,000
    /// would take over a minute and the 100,000 long lines below (a 21 MB paragraph) far longer.
    /// The sizes are not a million because a debug build segments about 50,000 lines a second
    /// (20 µs a line, against 7 µs in release); `OversizedInputTests` runs a million prose lines
    /// through the whole pipeline. The segmenter is called directly, with no file writing.
    @Suite struct LinearSegmentTests {
        let segmenter = Segmenter(kinds: .standard, options: SegmentOptions())

        /// Short lines with no full stop join the heading above them: one block of every line.
        @Test func twoHundredThousandProseLinesAreOneBlock() {
            let count = 200_000
            let report = segmenter.segment(String(repeating: "说明文字\n", count: count))
            #expect(report.lines == count)
            #expect(report.tables.isEmpty && report.unassigned.isEmpty)
            #expect(report.narrative.count == 1)
            #expect(report.narrative.first?.lines.count == count)
            #expect(report.narrative.first.map { TextPatterns.length($0.text) } == 5 * count - 1)
        }

        /// Long lines without a full stop are one paragraph broken over lines: joined, line by line.
        /// 100,000 lines of 70 characters (21 MB): a paragraph of 7 million characters.
        @Test func aParagraphOfAHundredThousandLinesIsOneParagraph() {
            let line = String(repeating: "本单位负责全市人力资源和社会保障信息化建设工作并提供技术支持和服务保障", count: 2)
            let count = 100_000
            let report = segmenter.segment(String(repeating: line + "\n", count: count))
            #expect(TextPatterns.length(line) > 60, "longer than a first-line title, so the first line is a paragraph too")
            #expect(report.narrative.count == 1)
            #expect(report.narrative.first?.kind == .paragraph)
            #expect(report.narrative.first?.lines.count == count)
            #expect(report.narrative.first.map { TextPatterns.length($0.text) } == TextPatterns.length(line) * count)
        }

        /// Rows of cells with no caption above them are not a table: narrative, as prose is.
        @Test func twoHundredThousandTableLookingRowsWithoutACaptionAreNoTable() {
            let count = 200_000
            let report = segmenter.segment(String(repeating: "a\t1.00\t2.00\n", count: count))
            #expect(report.lines == count)
            #expect(report.tables.isEmpty)
            #expect(report.narrative.count == 1)
        }

        /// Under a caption the same rows are one table of that many body rows.
        @Test func twoHundredThousandRowsUnderACaptionAreOneTable() {
            let rows = 200_000
            let text = "表1 收支总表\n单位：万元\n项目\t上年\t本年\n" + String(repeating: "a\t1.00\t2.00\n", count: rows)
            let report = segmenter.segment(text)
            #expect(report.tables.count == 1)
            #expect(report.tables.first?.rows.count == rows)
            #expect(report.tables.first?.headerRows.count == 1)
        }

        /// Each `表1` alone on its line is a table with no rows, its id made unique (`1`, `1_2`, …).
        @Test func twoHundredThousandCaptionsAreThatManyTables() {
            let captions = 200_000
            let report = segmenter.segment(String(repeating: "表1\n", count: captions))
            #expect(report.tables.count == captions)
            #expect(report.tables.last?.id == "1_\(captions)")
        }

        /// 21 MB on one line with no line end: one paragraph, read once.
        @Test func twentyMegabytesOnOneLineAreOneParagraph() {
            let characters = 7_000_000
            let report = segmenter.segment(String(repeating: "说", count: characters))
            #expect(report.lines == 1)
            #expect(report.narrative.count == 1)
            #expect(report.narrative.first.map { TextPatterns.length($0.text) } == characters)
        }
    }
}
