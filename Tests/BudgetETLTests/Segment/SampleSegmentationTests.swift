import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExtract
@testable import BudgetSegment

/// The segment stage on the sample report (`SampleReport`): every body table found, with its header
/// paths and body row counts; 表2 promised but absent; no line left unassigned.
@Suite struct SampleSegmentationTests {
    func table(_ id: String) throws -> SegmentedTable {
        try #require(SampleReport.segmented.tables.first { $0.id == id }, "table \(id) not found")
    }

    func paths(_ table: SegmentedTable) -> [String] {
        table.columns.map { $0.path.joined(separator: " / ") }
    }

    @Test func everyLineIsAssignedAndNothingIsDiagnosed() {
        #expect(SampleReport.segmented.unassigned.isEmpty)
        #expect(SampleReport.segmented.diagnostics.isEmpty)
        #expect(SampleReport.segmented.counts.values.reduce(0, +) == SampleReport.segmented.lines)
    }

    @Test func segmentJSONReadsBackToTheSameReport() throws {
        let data = try JSONStreamEncoder.encode(SampleReport.segmented)
        #expect(try JSONCoding.decode(SegmentedReport.self, from: data) == SampleReport.segmented)
        #expect(try JSONStreamEncoder.encode(SampleReport.segmented) == data, "deterministic")
    }

    @Test func theBodyTablesAreFoundInOrder() {
        #expect(SampleReport.segmented.tables.map(\.id) == ["1", "3", "4", "5-1", "5-2", "6", "7", "8", "9", "10", "11", "12"])
    }

    @Test func table2IsPromisedButMissing() {
        #expect(SampleReport.segmented.missingTables == ["2"])
        let promised = SampleReport.segmented.contents.compactMap(\.tableId)
        #expect(promised == ["1", "2", "3", "4", "5-1", "5-2", "6", "7", "8", "9", "10", "11", "12"])
        #expect(SampleReport.segmented.contents.first { $0.tableId == "2" }?.title == "收入总表")
    }

    @Test func contentsAreRecordedNotTakenForTables() {
        #expect(SampleReport.segmented.counts["contents"] == 43)
        #expect(SampleReport.segmented.contents.first?.text == "目 录")
    }

    @Test(arguments: [
        ("1", 27, 2, "paired"), ("3", 19, 1, "grid"), ("4", 27, 2, "paired"), ("5-1", 19, 2, "grid"),
        ("5-2", 3, 2, "grid"), ("6", 30, 2, "grid"), ("7", 1, 2, "grid"), ("8", 0, 2, "grid"),
        ("9", 0, 2, "grid"), ("10", 4, 2, "grid"),
    ])
    func bodyRowAndHeaderRowCounts(id: String, rows: Int, headerRows: Int, layout: String) throws {
        let table = try table(id)
        #expect(table.rows.count == rows)
        #expect(table.headerRows.count == headerRows)
        #expect(table.layout.rawValue == layout)
        #expect(table.amountUnit == "万元")
        #expect(table.empty == (rows == 0))
    }

    @Test func headerPaths() throws {
        #expect(paths(try table("3")) == ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"])
        #expect(paths(try table("5-1")) == ["科目编码", "科目名称", "合计", "基本支出 / 小计", "基本支出 / 人员经费", "基本支出 / 公用经费", "项目支出"])
        #expect(paths(try table("5-2")) == ["单位编码", "单位名称", "合计", "基本支出 / 小计", "基本支出 / 人员经费", "基本支出 / 公用经费", "项目支出"])
        #expect(paths(try table("6")) == ["部门预算支出经济分类科目 / 科目编码", "部门预算支出经济分类科目 / 科目名称",
                                          "本年一般公共预算基本支出 / 合计", "本年一般公共预算基本支出 / 人员经费", "本年一般公共预算基本支出 / 公用经费"])
        #expect(paths(try table("7")) == ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费 / 小计",
                                          "公务用车购置及运行费 / 公务用车购置费", "公务用车购置及运行费 / 公务用车运行费", "公务接待费"])
        #expect(paths(try table("8")) == ["科目编码", "科目名称", "本年政府性基金预算支出 / 合计", "本年政府性基金预算支出 / 基本支出", "本年政府性基金预算支出 / 项目支出"])
        #expect(paths(try table("10")) == ["项目编码", "项目名称", "项目单位", "合计", "本年拨款 / 一般公共预算", "本年拨款 / 政府性基金预算",
                                           "本年拨款 / 国有资本经营预算", "财政拨款结转结余 / 一般公共预算", "财政拨款结转结余 / 政府性基金预算",
                                           "财政拨款结转结余 / 国有资本经营预算", "财政专户管理资金", "单位资金"])
        #expect(paths(try table("1")) == ["收 入 / 项 目", "收 入 / 预算数", "支 出 / 项 目", "支 出 / 预算数"])
    }

    @Test func pairedTablesAreSplitWithTotalsOnTheirOwnSide() throws {
        let table1 = try table("1")
        #expect(table1.sections.map(\.name) == ["收 入", "支 出"])
        #expect(table1.sections.map(\.rows.count) == [12, 27])
        let income = table1.rows(of: table1.sections[0]), expenditure = table1.rows(of: table1.sections[1])
        #expect(income.last?.cells == ["收 入 总 计", "1,209.02"])
        #expect(expenditure.last?.cells == ["支 出 总 计", "1,209.02"])
        #expect(income.contains { $0.cells == ["本年收入合计", "1,209.02"] })
        #expect(expenditure.contains { $0.cells == ["本年支出合计", "1,209.02"] })
        #expect(table1.repeatedHeaderRows.map(\.line) == [109, 110])
        let table4 = try table("4")
        #expect(table4.sections.map(\.rows.count) == [9, 27])
        #expect(table4.rows(of: table4.sections[1]).contains { $0.cells == ["(十七) 住房保障支出", "97.83"] })
    }

    @Test func cellsLandInTheirColumns() throws {
        let table51 = try table("5-1")
        let row = try #require(table51.rows.first { $0.line == 208 })
        #expect(row.cells == ["20801", "人力资源和社会保障管理事务", "955.32", "571.56", "510.67", "60.89", "383.76"])
        #expect(try table("7").rows.first?.cells == ["1.70", "", "1.50", "", "1.50", "0.20"])
        let table6 = try table("6")
        #expect(table6.repeatedHeaderRows.map(\.line) == [265, 266])
        #expect(table6.rows.first { $0.line == 261 }?.cells == ["30202", "印刷费", "", "", ""])
    }

    @Test func emptyTablesKeepTheirNote() throws {
        for id in ["8", "9"] {
            let table = try table(id)
            #expect(table.empty)
            #expect(table.notes.first?.text.hasPrefix("说明：") == true)
        }
    }

    @Test func unitLines() throws {
        #expect(try table("1").unitName?.text == "武汉市人力资源和社会保障信息中心")
        #expect(try table("5-2").unitName == nil, "附表-5-2 has no 单位：<name> line")
        #expect(try table("10").unitName?.text == "")
    }

    @Test func captionlessFormTakesItsContentsNumber() throws {
        let form = try table("12")
        #expect(form.caption == nil)
        #expect(form.title?.text == "项目支出绩效目标表")
        #expect(form.layout == .form)
    }

    @Test func overallPerformanceForm() throws {
        let form = try table("11")
        #expect(form.fields.map(\.label) == ["单位名称", "填报人", "联系电话", "单位职能概述", "年度工作任务",
                                             "长期目标1：", "长期目标2：", "年度目标1:", "年度目标2:"])
        #expect(form.grids.map(\.label) == ["单位总体资金情况", "项目支出情况", "整体绩效总目标", "长期绩效指标", "长期绩效指标",
                                            "年度绩效指标", "年度绩效指标"])
        #expect(form.grids.map(\.id) == (1...7).map { "11.\($0)" })
        #expect(form.grids.map(\.rows.count) == [8, 1, 1, 4, 2, 4, 3])
        let funds = form.grids[0]
        #expect(paths(funds) == ["单位总体资金情况", "总体资金情况", "总体资金情况", "当年金额", "占比",
                                 "近两年收支金额 / 2023 年", "近两年收支金额 / 2022 年"])
        // 特定目标类项目支出 lost two leading empty cells in extraction; its amounts stay in their columns.
        let shifted = try #require(funds.rows.first { $0.line == 351 })
        #expect(Array(shifted.cells[3...]) == ["383.76", "100%", "398.36", "2389.02"])
        #expect(funds.realignedRows.map(\.line) == [351, 352])
        let annual = form.grids[5]
        #expect(annual.headerRows.count == 3)
        #expect(paths(annual)[4] == "指标值 / 近两年指标值 / __前__年")
        #expect(paths(annual)[6] == "指标值 / 预期当年实现值")
        #expect(paths(form.grids[6]) == paths(annual), "the second annual grid reuses the first one's header")
    }

    @Test func projectPerformanceForm() throws {
        let form = try table("12")
        #expect(form.fields.count == 17)
        #expect(form.fields.first { $0.label == "项目总预算" }?.value == "383.76")
        let reasons = try #require(form.fields.first { $0.label == "项目申请理由" }?.paragraphs)
        #expect(reasons.count == 12)
        #expect(reasons[0].hasPrefix("1. 为保障"))
        #expect(!reasons.joined().contains("<p>"))
        #expect(form.grids.map(\.label) == ["项目资金来源", "项目支出明细测算", "项目采购", "项目绩效总目标", "长期绩效目标表", "年度绩效目标表"])
        #expect(form.grids.map(\.rows.count) == [7, 13, 5, 1, 5, 5])
        let detail = form.grids[1]
        #expect(paths(detail) == ["项目活动", "活动内容表述", "支出经济分类", "金额", "测算依据及说明", "备注"])
        #expect(detail.rows.first { $0.line == 418 }?.cells[3] == "67.86")
        #expect(paths(form.grids[5])[6] == "指标值 / 预计当年实现")
    }

    @Test func narrativeHeadingsAndParagraphs() {
        let narrative = SampleReport.segmented.narrative
        #expect(narrative.first?.text == "武汉市人力资源和社会保障信息中心 2024 年单位预算")
        let parts = narrative.filter { $0.level == 1 }.map(\.lines.first!)
        #expect(parts == [43, 53, 452, 564])
        #expect(narrative.first { $0.lines == [468] }?.kind == .paragraph)
        #expect(narrative.first { $0.lines.first == 580 }?.lines == [580, 582], "a paragraph broken over a page stays one")
        #expect(SampleReport.segmented.notes.map(\.line) == [600])
        let subheadings = narrative.filter { $0.kind == .heading && $0.level == 3 }.map(\.lines.first!)
        #expect(subheadings == [476, 480, 484, 544, 548, 552, 556, 560])
    }
}
