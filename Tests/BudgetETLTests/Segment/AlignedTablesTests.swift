import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetSegment

/// Tables whose columns are aligned by spaces (`pdftotext -layout`): a row is read as runs of
/// text, and each run put in its column by where it stands on the line.
@Suite struct AlignedTablesTests {
    @Test(arguments: [
        // Two or more spaces split; one space splits an amount from words, two amounts, a code part
        // from its name, words from an amount…
        ("一、财政拨款收入           189,767,551 一、一般公共服务支出      3,296,600",
         ["一、财政拨款收入", "189,767,551", "一、一般公共服务支出", "3,296,600"]),
        ("201   06   01 行政运行    84,861,719", ["201", "06", "01", "行政运行", "84,861,719"]),
        ("合计 293,810,000.00 293,810,000.00", ["合计", "293,810,000.00", "293,810,000.00"]),
        // … but never words from words, nor an enumerator or a year from what follows.
        ("  1. 一般公共预算资金     171,915,169", ["1. 一般公共预算资金", "171,915,169"]),
        ("2. 政府性基金     合    计", ["2. 政府性基金", "合", "计"]),
    ])
    func aLineSplitsIntoRunsOfText(line: String, runs: [String]) {
        #expect(AlignedChunks.of(line).map(\.text) == runs)
    }

    /// pdftotext counts characters: a CJK character takes one place, like a digit.
    @Test func placesAreCountedInCharacters() {
        let runs = AlignedChunks.of("一、财政拨款收入   189,767,551")
        #expect(runs.map(\.start) == [0, 11])
        #expect(runs.map(\.end) == [8, 22])
    }

    /// A table excerpted from a real report as `pdftotext -layout` printed it (`Tests/Fixtures/aligned/`).
    static func table(_ name: String) throws -> SegmentedTable {
        let text = try String(contentsOf: Fixtures.folder.appendingPathComponent("aligned/\(name).txt"), encoding: .utf8)
        return try #require(Segmenter(kinds: .standard, options: SegmentOptions()).segment(text).tables.first)
    }

    static func cells(_ table: SegmentedTable) -> [[String]] {
        table.rows.map { row in Array(row.cells.map { TextPatterns.trimmed($0) }.prefix(GridBuilder.contentLength(row.cells))) }
    }

    /// A paired table whose 支出 side prints four amounts, some rows one side only, some amount
    /// columns empty (上海市财政局's 2025 单位预算, 表1): each run in its column.
    @Test func pairedRowsKeepTheirSidesAndColumns() throws {
        let table = try Self.table("paired-with-blanks")
        #expect(table.kind == "income-expenditure-summary")
        #expect(table.columns.count == 7)
        let rows = Self.cells(table)
        #expect(rows.contains(["2、政府性基金", "", "三、卫生健康支出", "4,668,000", "4,620,000", "", "48,000"]))
        #expect(rows.contains(["3、国有资本经营预算", "", "四、住房保障支出", "21,800,000", "21,800,000"]))
        #expect(rows.contains(["二、事业收入"]))
        #expect(rows.contains(["收入总计", "171,915,169", "支出总计", "171,915,169", "102,464,260", "25,177,779", "44,273,130"]))
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// 人员经费 and 公用经费 each empty in half the rows, a code crowded against its name, and a
    /// page laid out one place further left on which no row prints 人员经费 (商务委员会's 2025
    /// 部门预算, 表8): every amount in its column.
    @Test func amountsFindTheirColumnsOnEveryPage() throws {
        let table = try Self.table("page-without-a-column")
        #expect(table.kind == "general-budget-basic-expenditure")
        let byCode = Dictionary(Self.cells(table).map { ($0[0], Array($0.dropFirst(2))) }, uniquingKeysWith: { first, _ in first })
        #expect(byCode["30101"] == ["1,952,616.00", "1,952,616.00"])
        #expect(byCode["302"] == ["1,632,062.00", "", "1,632,062.00"])
        // Page 2 starts with 302 rows: 公用经费 only.
        #expect(byCode["30211"] == ["80,000.00", "", "80,000.00"])
        #expect(byCode["31002"] == ["78,000.00", "", "78,000.00"])
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// A table of one row cannot show its columns by its amounts: the labels at the foot of its
    /// header do, the end of a label wrapped over two lines (`机关运行经费预算` / `数`) included
    /// (财政局's 2025 部门预算, 表9: 0.95 is 公务接待费, as its narrative says).
    @Test func aOneRowTableStandsUnderItsHeader() throws {
        let table = try Self.table("one-row-under-header")
        #expect(table.kind == "three-public-expenditure")
        #expect(Self.cells(table).last == ["0.95", "", "0.95", "", "", "", "229.43"])
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// A one-row table whose amounts stand right of their centred labels, one column empty
    /// (普陀区社会福利院's 2024 单位预算, 表9: 6.4 is 小计 and 运行费, 购置费 is empty): fitted with the
    /// shift that suits the whole row, not amount by amount.
    @Test func aOneRowTableIsPlacedWithTheShiftThatFitsIt() throws {
        let table = try Self.table("one-row-right-of-its-labels")
        #expect(Self.cells(table).last == ["6.4", "0", "0", "6.4", "", "6.4", "0"])
    }

    /// Two code parts the PDF's text garbled (`301   2`, `301   7`: `02`, `07` printed without their
    /// 0) do not cost the table its header: the template still holds, every other row is read, and
    /// the two rows keep their cells as printed, reported (万里街道's 2024 部门预算, 表8).
    @Test func aGarbledCodePartCostsItsRowNotTheTable() throws {
        let table = try Self.table("garbled-code-part")
        #expect(table.kind == "general-budget-basic-expenditure")
        #expect(table.columns.count == 5)
        let byCode = Dictionary(Self.cells(table).map { ($0[0], Array($0.dropFirst(2))) }, uniquingKeysWith: { first, _ in first })
        #expect(byCode["30101"] == ["5,873,551", "5,873,551", "0"])
        #expect(byCode["30102"] == nil)
        let garbled = Self.cells(table).filter { $0.first == "301" && $0.count > 5 }
        #expect(garbled.count == 2, "\(Self.cells(table))")
    }
}
