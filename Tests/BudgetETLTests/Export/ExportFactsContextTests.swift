import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize

/// What `facts.csv` carries for an analyst beyond the cell: the report's year, unit and kind, the
/// table's kind, the row's group, code scheme, level, parent and total flag; each cell's unit the
/// unit of its own column; column names as printed.
@Suite struct ExportFactsContextTests {
    static let rows = CSVTestReader.rows(ExportFixtures.file(FactsCSV.fileName))

    static func facts(of run: StagesRun) -> [[String: String]] {
        CSVTestReader.rows(FactsCSV.write(reportID: "r", metadata: run.normalized.metadata, tables: run.normalized.tables,
                                          byteOrderMark: false).data)
    }

    /// The acceptance test of the columns: in 表3 (支出总表), the 基本支出 figures of the rows that
    /// are not totals and are at level 3 (项) add up to the 合计 row's, where a naive sum over all
    /// rows counts 类, 款, 项 and 合计 together.
    @Test func summingOneLevelOfTable3GivesItsTotal() throws {
        let basic = Self.rows.filter { $0["table_id"] == "3" && $0["column"] == "基本支出" }
        let total = try #require(basic.first { $0["is_total"] == "true" })
        #expect(total["item"] == "合计" && total["level"] == "0" && total["code_scheme"] == "none")
        let items = basic.filter { $0["is_total"] == "false" && $0["level"] == "3" }
        #expect(items.count == 9)
        #expect(items.allSatisfy { $0["code"]?.count == 7 && $0["code_scheme"] == "function" })
        let sum = items.reduce(ExactDecimal.zero) { $0 + ExactDecimal($1["value"]!)! }
        #expect(sum == ExactDecimal(total["value"]!))
        #expect(sum == ExactDecimal("825.26"))
        let naive = basic.reduce(ExactDecimal.zero) { $0 + ExactDecimal($1["value"]!)! }
        #expect(naive > sum + sum + sum, "all levels together count each amount several times")
    }

    /// Line 213: `2080505	机关事业单位基本养老保险缴费支	54.00	…` in 表5-1.
    @Test func everyFactCarriesItsReportAndRow() throws {
        let fact = try #require(Self.rows.first { $0["table_id"] == "5-1" && $0["source_line"] == "213" && $0["column"] == "合计" })
        #expect(fact["fiscal_year"] == "2024")
        #expect(fact["unit_name"] == "武汉市人力资源和社会保障信息中心")
        #expect(fact["report_kind"] == "单位预算")
        #expect(fact["table_kind"] == "general-budget-expenditure-by-function")
        #expect(fact["code_scheme"] == "function" && fact["level"] == "3" && fact["parent_code"] == "20805")
        #expect(fact["is_total"] == "false" && fact["group"] == "")
        #expect(Self.rows.allSatisfy { $0["fiscal_year"] == "2024" && $0["report_kind"] == "单位预算" })
        let economic = try #require(Self.rows.first { $0["table_id"] == "6" && $0["code"] == "30217" })
        #expect(economic["code_scheme"] == "economic" && economic["level"] == "2" && economic["parent_code"] == "302")
    }

    /// 表11's funds grid prints `收入构成` and `支出构成` once each, left of the labels, and a 合计
    /// closing each: the two 合计 rows are told apart by their group.
    @Test func formGridRowsCarryTheGroupTheyArePrintedIn() throws {
        let grid = Self.rows.filter { $0["table_id"] == "11.1" && $0["column"] == "当年金额" }
        #expect(grid.map { $0["item"]! } == ["财政拨款", "合计", "人员类项目支出", "运转类项目支出", "特定目标类项目支出", "合计"])
        #expect(grid.map { $0["group"]! } == ["收入构成", "收入构成", "支出构成", "支出构成", "支出构成", "支出构成"])
        #expect(grid.map { $0["is_total"]! } == ["false", "true", "false", "false", "false", "true"])
        #expect(grid.allSatisfy { $0["table_kind"] == "overall-performance-targets" }, "a grid has its form's kind")
    }

    /// The project form's grids (项目资金来源, 项目支出明细测算, 项目采购) carry the project's name.
    @Test func projectFormGridsCarryTheProject() {
        let grids = Self.rows.filter { $0["table_id"]?.hasPrefix("12.") == true }
        #expect(grids.count == 25)
        #expect(grids.allSatisfy { $0["group"] == "日常系统运行经费" && $0["table_kind"] == "project-performance-targets" })
    }

    /// `group` is the project's name, then the row's group, joined by ` / `, either left out
    /// when absent (an empty one kept, as printed).
    @Test func groupJoinsProjectAndRowGroup() {
        let values: [String?] = [nil, "", "日常系统运行经费", "收入构成"]
        for project in values {
            for group in values {
                let expected = [project, group].compactMap { $0 }.joined(separator: " / ")
                #expect(FactsCSV.group(project: project, group) == expected, "\(String(describing: project)), \(String(describing: group))")
            }
        }
    }

    /// Header cells merged over several columns (`项目资金来源`, `来源项目`, `总体资金情况`) name each
    /// column they cover as printed: no made-up `#2` reaches a column name.
    @Test func mergedHeadersLeaveNoPlaceholderInColumnNames() {
        #expect(!Self.rows.contains { $0["column"]!.contains("#") })
        let tables = CSVTestReader.records(ExportFixtures.file(TablesCSV.fileName))
        #expect(!tables.contains { $0[1] == "header" && $0.contains { $0.contains("#") } })
        let sources = tables.first { $0[0] == "12.1" && $0[1] == "header" }
        #expect(sources.map { Array($0[2..<7]) } == ["项目资金来源", "项目资金来源", "来源项目", "来源项目", "金额"])
    }

    /// Two amount columns under one merged header with nothing below it: each fact's column still
    /// names one column (the primary key holds), the second by its printed position.
    @Test func amountColumnsUnderOneMergedHeaderStayApart() throws {
        let run = try StagesRun(text: """
            表3
            支出总表
            单位：万元
            科目编码\t科目名称\t金额\t
            208\t社会保障和就业支出\t1.00\t2.00

            """)
        let facts = Self.facts(of: run)
        #expect(facts.map { $0["column"]! } == ["金额", "金额（第4列）"])
        #expect(facts.map { $0["value"]! } == ["1.00", "2.00"])
    }

    /// A report with three projects' forms (项目支出绩效目标表 printed once per project): each
    /// form's 项目采购 grid counts items. A count has no unit (not the table's 万元) unless its
    /// header prints one (`数量（个）`) or its row does (计量单位 `台(套)`, `人`).
    static let projects = """
        临江市商务局会展服务中心 2025 年单位预算

        目 录

        表 12. 项目支出绩效目标表

        项目支出绩效目标表

        单位：万元

        项目名称\t展会服务保障\t项目编码\t
        项目总预算\t584.00\t项目当年预算\t584.00
        项目采购\t\t\t
        品名\t数量\t金额\t
        展位搭建服务\t1\t254\t
        安保服务\t2\t194\t

        项目支出绩效目标表

        单位：万元

        项目名称\t信息系统运维\t项目编码\t
        项目总预算\t75.00\t项目当年预算\t75.00
        项目采购\t\t\t\t
        品名\t计量单位\t数量\t金额
        服务器\t台(套)\t2\t30
        运维人员\t人\t3\t45

        项目支出绩效目标表

        单位：万元

        项目名称\t网络设备购置\t项目编码\t
        项目总预算\t12.00\t项目当年预算\t12.00
        项目采购\t\t\t
        品名\t数量（个）\t金额\t
        交换机\t4\t12\t

        """

    @Test func countsHaveTheirOwnUnitOrNone() throws {
        let facts = Self.facts(of: try StagesRun(text: Self.projects))
        func unit(_ item: String, _ column: String) -> String? {
            facts.first { $0["item"] == item && $0["column"] == column }?["unit"]
        }
        #expect(unit("展位搭建服务", "数量") == "", "a count is not 万元")
        #expect(unit("展位搭建服务", "金额") == "万元")
        #expect(unit("服务器", "数量") == "台(套)")
        #expect(unit("运维人员", "数量") == "人")
        #expect(unit("运维人员", "金额") == "万元")
        #expect(unit("交换机", "数量（个）") == "个")
        #expect(unit("交换机", "金额") == "万元")
    }

    /// The forms share a title and take ids of their own; their grids' facts say whose project
    /// they are, where the table id alone would say only which form it was.
    @Test func eachProjectsFormGridsCarryItsName() throws {
        let facts = Self.facts(of: try StagesRun(text: Self.projects))
        let byItem = Dictionary(facts.map { ($0["item"]!, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byItem["展位搭建服务"]?["group"] == "展会服务保障")
        #expect(byItem["服务器"]?["group"] == "信息系统运维")
        #expect(byItem["交换机"]?["group"] == "网络设备购置")
        // The contents promise 表12; the second and third forms printed under that title are 12_2
        // and 12_3, and each form's grids number on from its id (docs/contract.md).
        #expect(["展位搭建服务", "服务器", "交换机"].map { byItem[$0]?["table_id"] } == ["12.1", "12_2.1", "12_3.1"])
    }
}
