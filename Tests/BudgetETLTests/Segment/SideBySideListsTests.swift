import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile
@testable import BudgetSegment

/// A 决算 基本支出表 printing one list in two halves side by side (人员经费's 301 and 303 rows on
/// the left, 公用经费's 302 and 310 on the right, each half under `经济分类科目编码 | 科目名称 | 决算数`),
/// as `pdftotext -layout` prints two of the corpus's PDFs: read as one list, the left half's rows
/// then the right's, each total closing its own half.
@Suite struct SideBySideListsTests {
    static func text(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.folder.appendingPathComponent("aligned/\(name).txt"), encoding: .utf8)
    }

    /// Every amount of the fixture (a figure with a decimal point) is in exactly one cell.
    static func expectEveryAmountInACell(_ table: SegmentedTable, text: String) {
        let printed = text.split(separator: "\n").flatMap { AlignedChunks.of($0).filter { TextPatterns.isAmount($0.text) && $0.text.contains(".") } }
        let inRows = table.rows.flatMap(\.cells).filter { TextPatterns.isAmount($0) && $0.contains(".") }
        #expect(inRows.count == printed.count)
        #expect(inRows.sorted() == printed.map(\.text).sorted())
    }

    /// 普陀区财政局 2024 部门决算: each row over three or four lines, blank lines between rows (the
    /// amount over the code, the code's 类 part over its 款 part and name, a wrapped name's end
    /// alone under them: `302   因 公 出 国 （ 境 ） 费` / `12` / `用`), the header's `款` over `类`.
    @Test func halvesOfRowsOverSeveralLinesReadAsOneList() throws {
        let text = try Self.text("final-basic-halves-wrapped")
        let table = try AlignedTablesTests.table("final-basic-halves-wrapped")
        #expect(table.kind == "general-budget-basic-expenditure")
        #expect(table.columns.map(\.path) == [["经济分类科目编码"], ["科目名称"], ["决算数"]])
        let rows = AlignedTablesTests.cells(table)
        #expect(rows.first == ["301", "工资福利支出", "2,082.85"])
        #expect(rows.contains(["30101", "基本工资", "262.33"]))
        #expect(rows.contains(["30108", "机关事业单位基本养老保险缴费", "160.75"]))
        #expect(rows.contains(["30201", "办公费", "21.21"]))
        #expect(rows.contains(["30206", "电费"]))
        #expect(rows.contains { $0.first == "30212" && TextKey.equal($0[1], "因公出国（境）费用") })
        #expect(rows.contains { $0.first == "30299" && TextKey.equal($0[1], "其他商品和服务支出") && $0.last == "11.53" })
        #expect(rows.contains(["31007", "信息网络及软件购置更新"]))
        // The left half top to bottom, its total, then the right half and its total.
        let totals = rows.indices.filter { rows[$0].count > 1 && rows[$0][1].hasSuffix("合计") }
        #expect(totals.map { rows[$0] } == [["", "人员经费合计", "2,152.26"], ["", "公用经费合计", "184.65"]])
        #expect(rows[..<totals[0]].allSatisfy { $0[0].hasPrefix("301") || $0[0].hasPrefix("303") })
        #expect(rows[(totals[0] + 1)..<totals[1]].allSatisfy { $0[0].hasPrefix("302") || $0[0].hasPrefix("310") })
        // Every other row has its code and its name: no piece of a row is left on its own.
        #expect(rows.filter { !$0[1].hasSuffix("合计") }.allSatisfy { TextPatterns.isCode($0[0]) && !$0[1].isEmpty })
        #expect(rows.count == 27 + 39)
        Self.expectEveryAmountInACell(table, text: text)
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// 普陀区规划和自然资源局 2024 部门决算: a row to a line with codes printed whole, names wrapped
    /// and centred on the left (`机关事业单位基本养老保` / `30108   446.11` / `险缴费`), and on the
    /// right a code alone over its name and amount (`30207` / `邮电费   8.05`).
    @Test func halvesWithNamesUnderTheirCodeReadAsOneList() throws {
        let text = try Self.text("final-basic-halves")
        let table = try AlignedTablesTests.table("final-basic-halves")
        #expect(table.columns.map(\.path) == [["经济分类科目编码"], ["科目名称"], ["决算数"]])
        let rows = AlignedTablesTests.cells(table)
        #expect(rows.contains(["30108", "机关事业单位基本养老保险缴费", "446.11"]))
        #expect(rows.contains(["30207", "邮电费", "8.05"]))
        #expect(rows.contains(["30299", "其他商品和服务支出", "28.86"]))
        #expect(rows.contains(["31007", "信息网络及软件购置更新", "0.00"]))
        #expect(rows.filter { !$0[1].hasSuffix("合计") }.allSatisfy { TextPatterns.isCode($0[0]) && !$0[1].isEmpty })
        Self.expectEveryAmountInACell(table, text: text)
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// Each half's total is checked against its own top-level rows (人员经费合计 = 301 + 303,
    /// 公用经费合计 = 302 + 310), each parent against its children across the rows of both halves.
    @Test func eachHalfsTotalClosesItsOwnRows() throws {
        let run = try StagesRun(text: Self.text("final-basic-halves-wrapped"))
        let checks = run.checks("hierarchy")
        #expect(!checks.isEmpty && checks.allSatisfy { $0.status == .pass }, "\(checks.filter { $0.status != .pass }.map(\.message))")
        let staff = try #require(checks.first { $0.location.contains("人员经费合计") })
        #expect(staff.expected == ExactDecimal("2152.26") && staff.actual == ExactDecimal("2152.26"))
        let office = try #require(checks.first { $0.location.contains("公用经费合计") })
        #expect(office.expected == ExactDecimal("184.65") && office.actual == ExactDecimal("184.65"))
        #expect(checks.contains { $0.location.contains("302 商品和服务支出") })
    }

    /// A header that names its labels twice under different top labels (`预算数 | 决算数` under each
    /// of 因公出国（境）费 and 公务接待费) prints one line naming those once: not two halves.
    @Test func aHeaderRepeatingLabelsUnderOthersIsNotCut() {
        let at = { (runs: [(Int, String)]) in
            runs.reduce(into: "") { line, run in line += String(repeating: " ", count: run.0 - line.count) + run.1 }
        }
        let lines = [at([(10, "因公出国（境）费"), (40, "公务接待费")]), at([(6, "预算数"), (16, "决算数"), (36, "预算数"), (46, "决算数")]),
                     at([(6, "1.00"), (16, "2.00"), (36, "3.00"), (46, "4.00")])]
        var chunks: [Int: [AlignedChunk]] = [:]
        let rows = lines.enumerated().map { index, text in
            chunks[index + 1] = AlignedChunks.of(text)
            return SegmentedTable.Row(line: index + 1, cells: chunks[index + 1]!.map(\.text))
        }
        #expect(SideBySideLists.halves(rows, chunks: chunks) == nil)
        // The same header without its top line is two halves, cut between 决算数 and 预算数.
        #expect(SideBySideLists.cut(Array(rows.dropFirst()), chunks: chunks) == 20)
    }
}
