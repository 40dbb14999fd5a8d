import Testing
@testable import BudgetCore
@testable import BudgetSegment

/// The segment stage's rules, one at a time, on small hand-written reports. `|` stands for a
/// TAB and `¶` for a page break (form feed) in the fixtures.
@Suite struct SegmentRulesTests {
    func segment(_ lines: [String]) -> SegmentedReport {
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "|", with: "\t")
            .replacingOccurrences(of: "¶", with: "\u{0C}") + "\n"
        return Segmenter(kinds: .standard, options: SegmentOptions()).segment(text)
    }

    func paths(_ table: SegmentedTable) -> [String] { table.columns.map { $0.path.joined(separator: " / ") } }

    let header = ["科目编码|科目名称|合计|基本支出|||项目支出", "|||小计|人员经费|公用经费|"]

    @Test func tableOverThreePagesIsOneTableWithoutRepeatedHeaders() throws {
        let report = segment(["表6", "一般公共预算基本支出表", "单位：万元"] + header + [
            "301|工资福利支出|10.00|10.00|10.00||",
            "30101|基本工资|10.00|10.00|10.00||",
            "", "¶" + header[0], header[1],
            "302|商品和服务支出|5.00|5.00||5.00|",
            "30201|办公费|5.00|5.00||5.00|",
            "", "¶" + header[0], header[1],
            "303|对个人和家庭的补助|1.00|1.00|1.00||",
        ])
        #expect(report.tables.count == 1)
        let table = try #require(report.tables.first)
        #expect(table.rows.map { $0.cells[0] } == ["301", "30101", "302", "30201", "303"])
        #expect(table.repeatedHeaderRows.count == 4)
        #expect(table.headerRows.count == 2)
        #expect(report.pageStarts == [1, 9, 14])
        #expect(report.unassigned.isEmpty)
        #expect(report.counts["header"] == 6)
        #expect(report.counts["body"] == 5)
    }

    @Test(arguments: [("表1", "1"), ("表 1", "1"), ("表 5-1", "5-1"), ("表5-1", "5-1"), ("附表-5-2", "5-2"),
                      ("附表 5-2", "5-2"), ("表1-1", "1-1"), ("表１２", "12")])
    func captionsWithAndWithoutSpaces(caption: String, id: String) throws {
        let report = segment([caption, "支出总表", "单位：万元", "科目编码|科目名称|合计", "208|社会保障和就业支出|1.00"])
        #expect(report.tables.map(\.id) == [id])
        #expect(report.tables.first?.kind == "expenditure-summary")
        #expect(report.tables.first?.rows.count == 1)
    }

    @Test func missingUnitLineIsNotAnError() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|合计", "208|社会保障和就业支出|1.00"])
        let table = try #require(report.tables.first)
        #expect(table.amountUnit == nil)
        #expect(table.unitName == nil)
        #expect(table.rows.count == 1)
        #expect(table.diagnostics.isEmpty)
    }

    @Test func unitLinesNameTheUnitAndTheAmountUnit() throws {
        let report = segment(["表3", "支出总表", "单位：某某中心", "单位:元", "科目编码|科目名称|合计", "208|社会保障和就业支出|1"])
        let table = try #require(report.tables.first)
        #expect(table.unitName?.text == "某某中心")
        #expect(table.amountUnit == "元")
        #expect(report.counts["unit"] == 2)
    }

    /// A unit line of several key–value cells (`编制部门：… | 单位：万元`) is one whatever blank
    /// cells an extractor leaves between them; a line with one cell that is not such a pair is not.
    @Test func unitLineCellsMayBeSeparatedByBlankCells() throws {
        let report = segment(["表3", "支出总表", "编制部门：某某中心|| |单位：万元", "科目编码|科目名称|合计", "208|社会保障和就业支出|1.00"])
        let table = try #require(report.tables.first)
        #expect(table.unitName?.text == "某某中心")
        #expect(table.amountUnit == "万元")
        #expect(report.counts["unit"] == 1)
        let notUnits = segment(["表3", "支出总表", "编制部门：某某中心||说明|单位：万元", "科目编码|科目名称|合计", "208|社会保障和就业支出|1.00"])
        #expect(notUnits.tables.first?.amountUnit == nil)
    }

    @Test func headerSpanningTwoRows() throws {
        let report = segment(["表5-1", "一般公共预算支出表(分功能科目)"] + header + ["|合计|3.00|2.00|1.00|1.00|1.00"])
        let table = try #require(report.tables.first)
        #expect(paths(table) == ["科目编码", "科目名称", "合计", "基本支出 / 小计", "基本支出 / 人员经费", "基本支出 / 公用经费", "项目支出"])
        #expect(table.rows.first?.cells[6] == "1.00")
    }

    @Test func headerSpanningThreeRows() throws {
        let report = segment([
            "表7", "一般公共预算“三公”经费支出表",
            "合计|因公出国（境）费|公务用车购置及运行费||||公务接待费",
            "||小计|公务用车购置费|公务用车运行费||",
            "||||其中：燃料|其中：维修|",
            "1.70||1.50||1.50|0.20|0.20",
        ])
        let table = try #require(report.tables.first)
        #expect(table.headerRows.count == 3)
        #expect(paths(table) == ["合计", "因公出国（境）费", "公务用车购置及运行费 / 小计", "公务用车购置及运行费 / 公务用车购置费",
                                 "公务用车购置及运行费 / 公务用车运行费 / 其中：燃料", "公务用车购置及运行费 / 公务用车运行费 / 其中：维修", "公务接待费"])
        #expect(table.rows.count == 1)
    }

    @Test func wrappedHeaderTextJoinsItsLabel() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|支出经济|金额", "||分类|", "208|社会保障|邮电费|1.00"])
        #expect(paths(try #require(report.tables.first)) == ["科目编码", "科目名称", "支出经济分类", "金额"])
    }

    @Test func pairedTableWhoseSidesEndOnDifferentPages() throws {
        let pairedHeader = ["收 入||支 出|", "项目|预算数|项目|预算数"]
        let report = segment(["表4", "财政拨款收支总表", "单位：万元"] + pairedHeader + [
            "一、本年收入|3.00|一、本年支出|3.00",
            "（一）一般公共预算拨款|3.00|（一）一般公共服务支出|1.00",
            "二、上年结转||（二）公共安全支出|1.00",
            "", "¶" + pairedHeader[0], pairedHeader[1],
            "||（三）教育支出|1.00",
            "||二、年终结转结余|",
            "收 入 总 计|3.00|支 出 总 计|3.00",
        ])
        let table = try #require(report.tables.first)
        #expect(table.layout == .paired)
        #expect(table.sections.map(\.name) == ["收 入", "支 出"])
        #expect(table.rows(of: table.sections[0]).map { $0.cells[0] } == ["一、本年收入", "（一）一般公共预算拨款", "二、上年结转", "收 入 总 计"])
        #expect(table.rows(of: table.sections[1]).map { $0.cells[0] } == ["一、本年支出", "（一）一般公共服务支出", "（二）公共安全支出",
                                                              "（三）教育支出", "二、年终结转结余", "支 出 总 计"])
        #expect(table.rows(of: table.sections[1]).last?.cells == ["支 出 总 计", "3.00"])
        #expect(table.sections[0].columns.map { table.columns[$0].path.joined(separator: " / ") } == ["收 入 / 项目", "收 入 / 预算数"])
    }

    @Test func trailingTabsThatVaryGiveOneWidth() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|合计|基本支出|项目支出", "208|甲|1.00|1.00|||||",
                              "20801|乙|1.00|1.00", "2080101|丙|1.00||1.00|", "2080102|丁||||||||"])
        let table = try #require(report.tables.first)
        #expect(table.rows.allSatisfy { $0.cells.count == 5 })
        #expect(table.rows.map { $0.cells[4] } == ["", "", "1.00", ""])
        #expect(table.diagnostics.isEmpty)
    }

    @Test func strayBlankLineInsideATable() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|合计", "208|甲|1.00", "", "20801|乙|1.00", "", "", "20802|丙|1.00",
                              "", "第三部分 情况说明"])
        let table = try #require(report.tables.first)
        #expect(table.rows.count == 3)
        #expect(report.narrative.first?.text == "第三部分 情况说明")
    }

    @Test func emptyTableKeepsItsNote() throws {
        let report = segment(["表8", "政府性基金预算支出表", "科目编码|科目名称|本年政府性基金预算支出||", "||合计|基本支出|项目支出",
                              "", "说明：2024年没有使用政府性基金预算拨款安排的支出。", "", "表9", "国有资本经营预算支出表",
                              "科目编码|科目名称|合计", "说明：没有。"])
        #expect(report.tables.map(\.empty) == [true, true])
        #expect(report.tables.map { $0.notes.count } == [1, 1])
        #expect(report.counts["note"] == 2)
    }

    @Test func contentsListIsNotTakenForTables() throws {
        let report = segment(["表 1. 收支总表", "表 2. 收入总表", "表 3. 支出总表", "", "表1", "收支总表", "收 入||支 出|",
                              "项目|预算数|项目|预算数", "一、收入|1.00|一、支出|1.00", "表3", "支出总表", "科目编码|科目名称|合计", "208|甲|1.00"])
        #expect(report.contents.compactMap(\.tableId) == ["1", "2", "3"])
        #expect(report.tables.map(\.id) == ["1", "3"])
        #expect(report.missingTables == ["2"])
    }

    @Test func tableOfContentsBlockEndsWhereTheBodyRepeatsItsFirstEntry() throws {
        let report = segment(["某单位 2024 年单位预算", "目 录", "第一部分 概况", "- 一、主要职责", "第二部分 预算表", "- 一、收支总表",
                              "第一部分 概况", "一、主要职责", "某单位主要承担某某工作。"])
        #expect(report.counts["contents"] == 5)
        #expect(report.narrative.map(\.lines.first!) == [1, 7, 8, 9])
        #expect(report.narrative.map(\.kind) == [.heading, .heading, .heading, .paragraph])
    }

    @Test func knownTitleWithoutCaptionTakesTheContentsNumber() throws {
        let report = segment(["表 11. 项目支出表", "表 12. 项目支出绩效目标表", "", "表11", "项目支出表", "项目编码|项目名称|合计",
                              "|合计|1.00", "项目支出绩效目标表", "单位：万元", "项目名称|日常经费|项目编码|", "项目总预算|1.00|项目当年预算|1.00"])
        #expect(report.tables.map(\.id) == ["11", "12"])
        let form = try #require(report.tables.last)
        #expect(form.layout == .form)
        #expect(form.fields.map(\.label) == ["项目名称", "项目编码", "项目总预算", "项目当年预算"])
        #expect(form.fields.map(\.value) == ["日常经费", "", "1.00", "1.00"])
    }

    @Test func tableWithoutHeaderIsKeptWithADiagnostic() throws {
        let report = segment(["表3", "支出总表", "208|甲|1.00", "20801|乙|1.00"])
        let table = try #require(report.tables.first)
        #expect(table.rows.count == 2)
        #expect(table.headerRows.isEmpty)
        #expect(table.diagnostics.contains { $0.message.contains("no header") && $0.lines == [3] })
        #expect(report.unassigned.isEmpty)
    }

    @Test func rowsWiderThanTheHeaderAreKeptWithADiagnostic() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|合计", "208|甲|1.00|2.00"])
        let table = try #require(report.tables.first)
        #expect(table.rows.first?.cells == ["208", "甲", "1.00", "2.00"])
        #expect(table.columns.count == 4)
        #expect(table.columns[3].path.isEmpty)
        #expect(table.diagnostics.contains { $0.message.contains("wider than the header") && $0.lines == [4] })
    }

    @Test func unknownTitleWithCaptionIsStillATable() throws {
        let report = segment(["表 13", "某某新表", "名称|金额", "甲|1.00"])
        let table = try #require(report.tables.first)
        #expect(table.kind == nil)
        #expect(table.title?.text == "某某新表")
        #expect(table.rows.count == 1)
    }

    @Test func extractorPageMarkerLinesArePageMarks() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|合计", "208|甲|1.00", "-- PAGE_BREAK --", "20801|乙|1.00"])
        #expect(report.tables.first?.rows.count == 2)
        #expect(report.pageStarts == [1, 6])
        #expect(report.counts["pageMark"] == 1)
    }

    @Test func everyNumberInATableLandsInExactlyOneCell() throws {
        let report = segment(["表3", "支出总表", "科目编码|科目名称|合计|基本支出", "208|甲 2 号|1,209.02|1,209.02||", "20801|乙||"])
        let table = try #require(report.tables.first)
        let tokens = table.rows.flatMap(\.cells).reduce(0) { $0 + TextPatterns.numberTokenCount($1[...]) }
        #expect(tokens == 5)
        #expect(!table.diagnostics.contains { $0.message.contains("number-like") })
    }
}
