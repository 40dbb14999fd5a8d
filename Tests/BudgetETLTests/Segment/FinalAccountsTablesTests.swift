import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetSegment

/// 决算 (final accounts) tables as `pdftotext -layout` prints them (Shanghai 普陀区, 2024): their
/// headers read through the 决算 templates of `table-kinds.json`, rows whose amounts pdftotext
/// printed above their code and name joined back, and tables numbered in Chinese in the 目录.
@Suite struct FinalAccountsTablesTests {
    /// 支出决算表 (财政局's 2024 部门决算): the header's labels wrapped (`本年支出合` / `计`, `对附属单位` /
    /// `补` / `助支出`), and the amounts of most rows printed a line above their code and name
    /// (`1,503.52   603.14` over `201 一般公共服务支出   2,106.66`), the 合计 row's with the `类 款 项`
    /// line between them: every amount in its row and column.
    @Test func amountsPrintedAboveTheirRowJoinIt() throws {
        let table = try AlignedTablesTests.table("final-floating-amounts")
        #expect(table.kind == "expenditure-summary")
        #expect(table.columns.map(\.path.last) == ["支出功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出",
                                                  "上缴上级支出", "经营支出", "对附属单位补助支出"])
        let rows = AlignedTablesTests.cells(table)
        #expect(rows.first == ["", "合计", "2,940.05", "2,336.91", "603.14"])
        #expect(rows.contains(["201", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"]))
        #expect(rows.contains(["2010601", "行政运行", "1,511.89", "1,503.52", "8.37"]))
        #expect(rows.contains(["2010607", "信息化建设", "135.25", "", "135.25"]))
        #expect(rows.contains(["208", "社会保障和就业支出", "326.72", "326.72"]))
        // Every amount printed is in one cell of a row: none left in the header, none lost.
        let text = try String(contentsOf: Fixtures.folder.appendingPathComponent("aligned/final-floating-amounts.txt"), encoding: .utf8)
        let printed = text.split(separator: "\n").flatMap { AlignedChunks.of($0).filter { TextPatterns.isAmount($0.text) && $0.text.contains(".") } }
        let inRows = table.rows.flatMap(\.cells).filter { TextPatterns.isAmount($0) && $0.contains(".") }
        #expect(inRows.count == printed.count)
        #expect(table.headerRows.allSatisfy { !$0.cells.contains(where: TextPatterns.isAmount) })
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// 收入支出决算总表: a paired table whose header names 收入 and 支出 over 项目 | 决算数 twice, and
    /// whose closing rows (年初结转和结余, 总计) print both sides.
    @Test func aFinalSummaryReadsItsTwoSides() throws {
        let table = try AlignedTablesTests.table("final-paired-summary")
        #expect(table.kind == "income-expenditure-summary")
        #expect(table.columns.map(\.path) == [["收入", "项目"], ["收入", "决算数"], ["支出", "项目"], ["支出", "决算数"]])
        let rows = AlignedTablesTests.cells(table)
        #expect(rows.first == ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"])
        #expect(rows.contains(["八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"]))
        #expect(rows.contains(["", "", "九、卫生健康支出", "60.99"]))
        #expect(rows.contains(["年初结转和结余", "49.14", "年末结转和结余", "55.34"]))
        #expect(rows.last == ["总计", "2,995.39", "总计", "2,995.39"])
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// A line of amounts with no row of words after it within reach stays a row of its own, and
    /// amounts that would stand where the next row's own runs stand are not joined to it.
    @Test func floatingAmountsJoinOnlyWhereTheyFit() {
        // Runs at the places given (pdftotext's grid counts characters).
        let at = { (runs: [(Int, String)]) in
            runs.reduce(into: "") { line, run in line += String(repeating: " ", count: run.0 - line.count) + run.1 }
        }
        let lines = [(1, at([(20, "1,503.52"), (31, "603.14")])), (2, at([(0, "201"), (6, "一般公共服务支出"), (40, "2,106.66")])),
                     (3, at([(39, "12.00")])), (4, at([(0, "202"), (6, "外交支出"), (40, "5.00")])), (9, at([(39, "7.00")]))]
        var chunks: [Int: [AlignedChunk]] = [:]
        let rows = lines.map { line, text in
            chunks[line] = AlignedChunks.of(text)
            return SegmentedTable.Row(line: line, cells: chunks[line]!.map(\.text))
        }
        let joined = FloatingAmounts(codeParts: ["类", "款", "项"]).join(rows, chunks: &chunks)
        #expect(joined.rows.map(\.line) == [2, 3, 4, 9])
        #expect(joined.rows[0].cells == ["201", "一般公共服务支出", "1,503.52", "603.14", "2,106.66"])
        #expect(joined.absorbed == [1])
    }

    /// A 决算 目录 numbers its tables `一、收入支出决算总表`: each takes its number as id (一 → 1,
    /// 九 → 9), so the tables are 1 … 9, not x1 … x9; an entry naming no table kind (一、主要职能)
    /// gives none.
    @Test func chineseNumberedContentsEntriesGiveTableIDs() {
        let segmenter = Segmenter(kinds: .standard, options: SegmentOptions())
        #expect(segmenter.numberedTable(" 一、收入支出决算总表")?.id == "1")
        #expect(segmenter.numberedTable(" 九、国有资本经营预算财政拨款收入支出决算表")?.id == "9")
        #expect(segmenter.numberedTable(" 一、主要职能") == nil)
        #expect(segmenter.numberedTable("3、支出预算总表")?.id == "3")
        #expect(Segmenter.chineseNumber("十二") == 12)
        #expect(Segmenter.chineseNumber("二十") == 20)
        #expect(Segmenter.chineseNumber("二十三") == 23)
        #expect(Segmenter.chineseNumber("百") == nil)
    }

    /// A 目录 whose part heading wraps its last word onto a line of its own (`第二部分 …2024 年度部门决算`
    /// / `表`): the 目录 goes on past it, so the nine tables listed after it take their numbers as
    /// ids (1 … 9, not x1 … x9).
    @Test func aWrappedPartHeadingDoesNotEndTheContents() throws {
        let text = try String(contentsOf: Fixtures.folder.appendingPathComponent("aligned/final-contents-wrapped-part.txt"), encoding: .utf8)
        let contents = Segmenter(kinds: .standard, options: SegmentOptions()).segment(text).contents
        #expect(contents.compactMap(\.tableId) == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
        #expect(contents.first { $0.tableId == "7" }?.title == "财政拨款“三公”经费支出决算表")
        #expect(contents.contains { $0.text.hasPrefix("第二部分") && $0.text.hasSuffix("表") })
        // A short line after an entry that is no part heading still ends the 目录.
        let short = Segmenter.Line(number: 2, text: "表", trimmed: "表", cells: nil)
        let entry = ContentsEntry(line: 1, text: "二、收入决算表", tableId: "2", title: "收入决算表")
        #expect(!Segmenter.continuesPartHeading(short, after: entry))
        let part = ContentsEntry(line: 1, text: "第二部分 2024 年度部门决算", tableId: nil, title: nil)
        #expect(Segmenter.continuesPartHeading(short, after: part))
    }

    /// 收入决算表 whose code column is headed `功能分类` / `科目编码` (no 支出) and whose 附属单位上缴收入
    /// wraps: read through the template naming its nine columns, each amount in its column.
    @Test func anIncomeTableHeadedWithoutZhiChuReadsItsColumns() throws {
        let table = try AlignedTablesTests.table("final-income-code-wrapped")
        #expect(table.kind == "income-summary")
        #expect(table.columns.map(\.path.last) == ["功能分类科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入",
                                                  "事业收入", "经营收入", "附属单位上缴收入", "其他收入"])
        let rows = AlignedTablesTests.cells(table)
        #expect(rows.first == ["", "合计", "307.82", "307.82"])
        #expect(rows.contains(["2013901", "行政运行", "51.32", "51.32"]))
        #expect(rows.last == ["2210203", "购房补贴", "11.72", "11.72"])
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// 三公 决算表 printing 公务用车购置及运行维护费 and its one row of twelve amounts closer together
    /// than their labels (`2.85 0.39 0.00 0.00  0.00 …`): placing them under the header's words
    /// spreads them over fifteen places, so the row is read as printed, one amount a column.
    @Test func aThreePublicRowPrintedTighterThanItsHeaderKeepsItsAmounts() throws {
        let table = try AlignedTablesTests.table("final-three-public-one-row")
        #expect(table.kind == "three-public-expenditure")
        #expect(table.columns.count == 12)
        #expect(table.columns[6].path == ["财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车购置费", "预算数"])
        #expect(table.columns[9].path == ["财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费", "决算数"])
        #expect(AlignedTablesTests.cells(table) == [["2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                                                      "2.85", "0.39"]])
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// 政府性基金 决算表 with no data whose 本年支出 prints `合计` (not 小计) over 基本支出 and 项目支出:
    /// its header is read through the template, and no header word is left as a row.
    @Test func anEmptyFundTableReadsItsHeader() throws {
        let table = try AlignedTablesTests.table("final-fund-empty")
        #expect(table.kind == "government-fund-expenditure")
        #expect(table.columns.map(\.path) == [["项目", "功能分类科目编码"], ["项目", "科目名称"], ["年初结转和结余"], ["本年收入"],
                                              ["本年支出", "合计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"], ["年末结转和结余"]])
        #expect(table.rows.allSatisfy { $0.cells.allSatisfy(TextPatterns.isBlank) })
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// 一般公共预算财政拨款支出决算表 whose names wrap and are centred in their cells: the pieces over
    /// and under a row's code join its name, two pieces between rows split between them, and a
    /// row with its name on its own line takes none of its neighbours' (so the 类 rows match 表4's
    /// categories by name).
    @Test func namesCentredAroundTheirCodeJoinTheirRow() throws {
        let table = try AlignedTablesTests.table("final-centred-names")
        #expect(table.kind == "general-budget-expenditure-by-function")
        let rows = AlignedTablesTests.cells(table)
        #expect(rows.first == ["208", "社会保障和就业支出", "754.75", "754.75", "0.00"])
        #expect(rows.contains(["2080505", "机关事业单位基本养老保险缴费支出", "446.11", "446.11", "0.00"]))
        #expect(rows.contains(["210", "卫生健康支出", "236.64", "236.64", "0.00"]))
        #expect(rows.contains(["21011", "行政事业单位医疗", "236.64", "236.64", "0.00"]))
        #expect(rows.contains(["21201", "城乡社区管理事务", "1092.80", "1084.02", "8.77"]))
        #expect(rows.contains(["2120101", "行政运行", "1092.80", "1084.02", "8.77"]))
        #expect(rows.contains(["220", "自然资源海洋气象等支出", "4461.67", "2339.58", "2122.09"]))
        #expect(rows.last == ["", "合计", "9746.50", "5364.75", "4381.74"])
        // Every row has a code and a name: no piece of a name is left as a row of its own.
        #expect(rows.dropLast().allSatisfy { $0.count >= 3 && TextPatterns.isCode($0[0]) && !$0[1].isEmpty })
        #expect(rows.count == 25)
    }

    /// Names printed under their code line, not centred (001's 支出决算表: `208   05   05   160.75`
    /// over `机关事业单位基本养老保险` / `缴费支出`), join that row, all their lines; a line of words
    /// outside the name's place (a note at the margin) joins no row.
    @Test func namesPrintedUnderTheirCodeLineJoinIt() {
        let lines = [(189, "208   05   05                   160.75       160.75"), (190, "                机关事业单位基本养老保险"),
                     (191, "                缴费支出"), (193, "208   05   06                    80.38        80.38"),
                     (194, "                机关事业单位职业年金缴费"), (195, "                支出"),
                     (196, "208   05   99   其他行政事业单位养老支出      0.94         0.94"), (197, "注：本表反映部门本年度的支出情况。")]
        var chunks: [Int: [AlignedChunk]] = [:]
        let rows = lines.map { line, text in
            chunks[line] = AlignedChunks.of(text)
            return SegmentedTable.Row(line: line, cells: chunks[line]!.map(\.text))
        }
        let joined = WrappedNames().join(rows, chunks: &chunks)
        #expect(joined.rows.map(\.line) == [189, 193, 196, 197])
        #expect(joined.rows[0].cells == ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "160.75", "160.75"])
        #expect(joined.rows[1].cells == ["208", "05", "06", "机关事业单位职业年金缴费支出", "80.38", "80.38"])
        #expect(joined.rows[2].cells == ["208", "05", "99", "其他行政事业单位养老支出", "0.94", "0.94"])
        #expect(joined.absorbed == [190, 191, 194, 195])
    }
}
