import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// Reports of another template than the sample's (issue 15): Shanghai's 预算 and 决算, read from
/// small hand-made reports in their style, one rule each.
@Suite struct ShanghaiFamilyTests {
    /// A Shanghai 部门预算 in the style of an extractor that drops empty cells: tables promised
    /// by number in a 目录 whose heading is two cells, no `表N` captions, header labels on lines
    /// without tabs, codes in split columns, amounts in 元 and the narrative in 万元.
    static func budget(narrativeTotal: String = "1,003.50") -> String {
        """
        上海市普陀区2025年区级部门预算
        预算主管部门：上海市普陀区某某街道办事处

        -- PAGE_BREAK --

        目\t录
        一、部门机构设置\t…………………………
        二、部门预算表\t…………………………
        1. 2025年部门财务收支预算总表\t……………………
        2. 2025年部门支出预算总表\t……………………

        -- PAGE_BREAK --

        上海市普陀区某某街道办事处（部门）机构设置
        本部门预算包括本部及下属 1 家预算单位，具体包括：
        1. 上海市普陀区某某街道办事处（本部）。
        2. 上海市普陀区某某街道社区服务中心。

        -- PAGE_BREAK --

        2025年部门预算编制说明
        2025年，上海市普陀区某某街道办事处支出预算\(narrativeTotal)万元。

        -- PAGE_BREAK --

        2025年部门财务收支预算总表
        编制部门：上海市普陀区某某街道办事处\t单位：元
        本年收入\t本年支出
        项目\t预算数\t项目\t预算数
        一、财政拨款收入\t10,035,049\t一、一般公共服务支出\t10,035,049
        二、事业收入\t二、公共安全支出
        三、教育支出\t0
        收入总计\t10,035,049\t支出总计\t10,035,049

        -- PAGE_BREAK --

        2025年部门支出预算总表
        编制部门：上海市普陀区某某街道办事处\t单位：元
        项目\t支出预算
        功能分类科目编码
        功能分类科目名称\t合计\t基本支出\t项目支出
        类\t款\t项
        201\t一般公共服务支出\t10,035,049\t8,000,000\t2,035,049
        201\t05\t统计信息事务\t10,035,049\t8,000,000\t2,035,049

        -- PAGE_BREAK --

        项目\t支出预算
        功能分类科目编码
        功能分类科目名称\t合计\t基本支出\t项目支出
        类\t款\t项
        201\t05\t07\t专项普查活动\t10,035,049\t8,000,000\t2,035,049
        合计\t10,035,049\t8,000,000\t2,035,049

        """
    }

    @Test func tablesWithoutCaptionsTakeTheirNumberInTheContentsAndTheirKind() throws {
        let run = try StagesRun(text: Self.budget())
        #expect(run.segmented.tables.map(\.id) == ["1", "2"])
        #expect(run.segmented.tables.map(\.kind) == ["income-expenditure-summary", "expenditure-summary"])
        #expect(run.segmented.missingTables.isEmpty)
        #expect(run.segmented.unassigned.isEmpty, "\(run.segmented.unassigned)")
    }

    /// `201 | 05 | 07` under `类 | 款 | 项` is one code, 2010507, with its level and parent; the
    /// header lines printed again on the next page are not rows.
    @Test func codesInSplitColumnsAreJoinedWithTheirHierarchy() throws {
        let run = try StagesRun(text: Self.budget())
        let table = try #require(run.normalized.tables.first { $0.id == "2" })
        #expect(table.rows.map(\.code) == ["201", "20105", "2010507", nil])
        #expect(table.rows.map(\.level) == [1, 2, 3, 0])
        #expect(table.rows.map(\.parent) == [nil, "201", "20105", nil])
        #expect(table.rows.map(\.codeScheme) == [.function, .function, .function, nil])
        #expect(table.rows.map(\.item) == ["一般公共服务支出", "统计信息事务", "专项普查活动", "合计"])
        #expect(table.columns.map { $0.path.joined(separator: "/") }
            == ["项目/功能分类科目编码", "项目/功能分类科目名称", "支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"])
        let segmented = try #require(run.segmented.tables.first { $0.id == "2" })
        #expect(segmented.joinedCodes?.map(\.parts) == [["201"], ["201", "05"], ["201", "05", "07"]])
        #expect(segmented.repeatedHeaderRows.count == 4)
        // Every amount is a fact in 元, and every identity of the table holds.
        #expect(table.rows.flatMap(\.cells).compactMap(\.value).count == 12)
        #expect(table.rows.flatMap(\.cells).allSatisfy { $0.unit == "元" })
        #expect(run.checks("hierarchy").allSatisfy { $0.status == .pass })
        #expect(!run.checks("hierarchy").isEmpty)
    }

    /// Codes printed with their empty cells kept, each row printing only its own part: the coarser
    /// parts come from the row above.
    @Test func aCodePrintedOnlyOnItsOwnLevelTakesTheCoarserPartsFromAbove() {
        let rows = [["201", "", "", "一般公共服务支出", "3"], ["", "05", "", "统计信息事务", "3"], ["", "", "07", "专项普查活动", "3"],
                    ["", "06", "", "财政事务", "0"], ["301", "", "", "工资福利支出", "1"]]
            .enumerated().map { SegmentedTable.Row(line: $0.offset + 1, cells: $0.element) }
        let joined = SplitCodes(parts: ["类", "款", "项"]).join(rows, slots: 3)
        #expect(joined.rows.map { $0.cells[0] } == ["201", "20105", "2010507", "20106", "301"])
        #expect(joined.rows.map { Array($0.cells.dropFirst()) }.allSatisfy { $0.count == 2 })
        #expect(joined.joined.map(\.parts) == [["201"], ["05"], ["07"], ["06"], ["301"]])
    }

    /// A paired row whose empty cells were dropped: each label takes its side's columns; a row
    /// with one label goes to the side whose word it holds (`教育支出` on the 支出 side).
    @Test func pairedRowsThatLostTheirEmptyCellsGoBackToTheirSides() throws {
        let run = try StagesRun(text: Self.budget())
        let table = try #require(run.segmented.tables.first { $0.id == "1" })
        #expect(table.layout == .paired)
        #expect(table.rows.map(\.cells) == [
            ["一、财政拨款收入", "10,035,049", "一、一般公共服务支出", "10,035,049"],
            ["二、事业收入", "", "二、公共安全支出", ""],
            ["", "", "三、教育支出", "0"],
            ["收入总计", "10,035,049", "支出总计", "10,035,049"],
        ])
        #expect(run.checks("paired").allSatisfy { $0.status == .pass })
    }

    /// Tables in 元, the narrative in 万元: 1,003.50 万元 is 10,035,000 元, 49 元 from the table's
    /// 10,035,049, which the rounding of two decimals of 万元 (±50 元) explains; 1,003.60 万元 is
    /// 951 元 off, which it does not.
    @Test func aClaimInWanYuanIsComparedWithATableInYuanAtTheCoarserRounding() throws {
        let agreeing = try StagesRun(text: Self.budget())
        let claim = try #require(agreeing.checks("narrative").first { $0.location.contains("支出预算") })
        #expect(claim.status == .pass, "\(claim.message)")
        #expect(claim.difference == ExactDecimal("-49"))
        #expect(claim.expected == ExactDecimal("10035049"))

        let misprinted = try StagesRun(text: Self.budget(narrativeTotal: "1,003.60"))
        let wrong = try #require(misprinted.checks("narrative").first { $0.location.contains("支出预算") })
        #expect(wrong.status == .fail, "\(wrong.message)")
        #expect(!wrong.message.contains("万元"), "no message assumes 万元: \(wrong.message)")
    }

    /// A narrative that rounds to whole 万元 (`1,004万元`, 上海市财政局's style) keeps that rounding
    /// (±5,000 元) against a table in 元, not the tables' two decimals: 10,035,049 元 is 1,004万元
    /// as printed; 1,005万元 is not.
    @Test func aClaimRoundedToWholeWanYuanKeepsItsOwnRounding() throws {
        let rounded = try StagesRun(text: Self.budget(narrativeTotal: "1,004"))
        let claim = try #require(rounded.checks("narrative").first { $0.location.contains("支出预算") })
        #expect(claim.status == .pass, "\(claim.message)")
        #expect(claim.tolerance == ExactDecimal("5000.5"))

        let misprinted = try StagesRun(text: Self.budget(narrativeTotal: "1,005"))
        let wrong = try #require(misprinted.checks("narrative").first { $0.location.contains("支出预算") })
        #expect(wrong.status == .fail, "\(wrong.message)")
    }

    /// `“一般公共服务支出-统计信息事务-专项普查活动”科目…万元`: a classification path whose levels are
    /// joined by dashes is the item of that path, not its 类.
    @Test func aPathJoinedByDashesNamesItsItem() throws {
        let text = Self.budget().replacingOccurrences(
            of: "支出预算1,003.50万元。", with: "支出预算1,003.50万元。\n1. “一般公共服务支出-统计信息事务-专项普查活动”科目1,003.50万元，主要用于普查。")
        let run = try StagesRun(text: text)
        let claim = try #require(run.checks("narrative").first { $0.location.contains("专项普查活动") })
        #expect(claim.location.contains("2010507"), "\(claim.location)")
        #expect(claim.status == .pass, "\(claim.message)")
    }

    @Test func theUnitIsThePublisherAndItsUnitsAreMetadata() throws {
        let run = try StagesRun(text: Self.budget())
        #expect(run.normalized.metadata.unitName == "上海市普陀区某某街道办事处")
        #expect(run.normalized.metadata.units == ["上海市普陀区某某街道办事处（本部）", "上海市普陀区某某街道社区服务中心"])
        #expect(run.normalized.metadata.kind == .departmentBudget)
        #expect(run.normalized.metadata.amountUnit == "元")
    }

    /// A 决算 table read cell by cell (tabs with empty cells kept), codes in split columns, its
    /// amount columns naming the phase of their figures.
    @Test func aFinalAccountsTableCarriesThePhaseOfEachColumn() throws {
        let text = """
            上海市某某局2024年部门决算

            一般公共预算财政拨款支出决算表
            单位：万元
            科目编码\t\t\t科目名称\t年初预算数\t调整预算数\t决算数
            类\t款\t项\t\t\t\t
            201\t\t\t一般公共服务支出\t100.00\t110.00\t108.50
            \t05\t\t统计信息事务\t100.00\t110.00\t108.50
            \t\t07\t专项普查活动\t100.00\t110.00\t108.50
            合计\t\t\t\t100.00\t110.00\t108.50

            """
        let run = try StagesRun(text: text)
        #expect(run.normalized.metadata.kind == .departmentFinalAccounts)
        let table = try #require(run.normalized.tables.first)
        #expect(table.kind == "general-budget-expenditure-by-function")
        #expect(table.columns.map(\.phase) == [nil, nil, "budget", "adjusted", "final"])
        #expect(table.rows.map(\.code) == ["201", "20105", "2010507", nil])
        #expect(table.rows.map(\.level) == [1, 2, 3, 0])
        let total = try #require(table.rows.last)
        #expect(total.item == "合计" && total.isTotal)
        #expect(total.cells.compactMap(\.value) == ["100.00", "110.00", "108.50"].compactMap(ExactDecimal.init))
        #expect(run.segmented.unassigned.isEmpty)
        #expect(!run.reconciled.checks.contains { $0.status == .fail }, "\(run.reconciled.checks.filter { $0.status == .fail })")
    }

    /// A 决算 narrative's execution statements: the completion rate is the final figure over the
    /// budget, and `决算数小于预算数` must be what the two amounts say (also when it opens the next
    /// paragraph).
    @Test func finalAccountsStatementsOfCompletionAreChecked() throws {
        let text = """
            上海市某某局2024年度部门决算

            一般公共预算财政拨款支出决算表
            单位：万元
            科目编码\t科目名称\t年初预算数\t决算数
            201\t一般公共服务支出\t2993.92\t2940.05
            合计\t\t2993.92\t2940.05

            一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：项目调整。
            行政运行（项）年初预算为 10.00 万元，支出决算为10.00万元。
            决算数与预算数基本持平。
            机关服务（项）年初预算为 85.55 万元，支出决算为84.65万元，完成年初预算的99.95%。决算数大于预算数的主要原因：人员变化。

            """
        let run = try StagesRun(text: text)
        let completions = try #require(run.normalized.completions)
        #expect(completions.map(\.stated) == ["less", "equal", "more"])
        #expect(completions.map(\.budget.value) == ["2993.92", "10.00", "85.55"].compactMap(ExactDecimal.init))
        // The reasons given for the two differences are checks of their own (`:reason`, see
        // FinalAccountsClaimsTests); here, the rates and directions.
        let checks = run.checks("completion").filter { !$0.id.hasSuffix(":reason") }
        #expect(checks.map(\.status) == [.pass, .pass, .pass, .fail, .fail], "\(checks.map(\.message))")
        #expect(checks.map(\.id) == ["completion:9:rate", "completion:9:direction", "completion:10:direction",
                                     "completion:12:rate", "completion:12:direction"])
        // 84.65 / 85.55 is 98.95%, not 99.95%; and 84.65 is not larger than 85.55.
        #expect(checks[3].expected == ExactDecimal("98.95"))
        #expect(checks[4].message.contains("larger than the budget"))
    }

    /// Page numbers and a running header printed between the pages of a table are skipped: the
    /// table runs on, and neither becomes a row, a claim or a paragraph.
    @Test func pageFurnitureIsNeverData() throws {
        var text = "某某单位2025年单位预算\n\n2025年部门支出预算总表\n单位：万元\n项目\t合计\t基本支出\t项目支出\n"
        text += "一般公共服务支出\t3.00\t2.00\t1.00\n第 1 页\n"
        for page in 2...4 {
            text += "\u{0C}某某单位 2025 年预算公开\n"
            text += "其他支出\(page)\t3.00\t2.00\t1.00\n"
            text += "- \(page) -\n"
        }
        let run = try StagesRun(text: text)
        let lines = Segmenter.split(run.text, on: 0x0A)
        let furniture = lines.indices.filter { TextPatterns.contains(lines[$0], "页") || lines[$0].hasPrefix("- ") || lines[$0].contains("预算公开") }
        #expect(furniture.count == 7)
        #expect(run.segmented.counts["furniture"] == 7)
        let table = try #require(run.segmented.tables.first)
        #expect(table.rows.count == 4)
        #expect(run.segmented.narrative.map(\.text) == ["某某单位2025年单位预算"])
        #expect(run.normalized.claims.isEmpty)
    }

    @Test func pageNumbersFollowThePatternsOfTheData() {
        let segmenter = Segmenter(kinds: .standard, options: SegmentOptions())
        for line in ["第3页", "第 12 页", "第3页共12页", "-3-", "3/12"] {
            #expect(segmenter.isPageNumber(TextKey.of(line)), "\(line)")
        }
        for line in ["第三部分", "3.50", "合计", "第3章"] {
            #expect(!segmenter.isPageNumber(TextKey.of(line)), "\(line)")
        }
    }
}
