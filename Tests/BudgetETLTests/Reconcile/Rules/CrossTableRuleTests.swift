import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `cross-table` on 表1, 表3 and 表5-1 listing the same money: report-wide totals, each code in
/// each column both tables have, and 表1's categories against the 类 rows.
@Suite struct CrossTableRuleTests {
    /// The report, with 表5-1's 项 2011350 合计 printed as `operating`.
    static func report(operating: String = "60.00") -> String {
        MiniReport.text(
            MiniReport.table("1", "收支总表", header: [
                ["收 入", "", "支 出", ""],
                ["项 目", "预算数", "项 目", "预算数"],
            ], rows: [
                ["一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "100.00"],
                ["本年收入合计", "100.00", "本年支出合计", "100.00"],
                ["收 入 总 计", "100.00", "支 出 总 计", "100.00"],
            ]),
            MiniReport.table("3", "支出总表", header: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]], rows: [
                ["", "合计", "100.00", "60.00", "40.00"],
                ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
                ["20113", "商贸事务", "100.00", "60.00", "40.00"],
                ["2011350", "事业运行", "60.00", "60.00", ""],
                ["2011399", "其他商贸事务支出", "40.00", "", "40.00"],
            ]),
            MiniReport.table("5-1", "一般公共预算支出表(分功能科目)", header: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]], rows: [
                ["", "合计", "100.00", "60.00", "40.00"],
                ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
                ["20113", "商贸事务", "100.00", "60.00", "40.00"],
                ["2011350", "事业运行", operating, "60.00", ""],
                ["2011399", "其他商贸事务支出", "40.00", "", "40.00"],
            ]))
    }

    @Test func theSameFiguresInTwoTablesPass() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("cross-table", in: run)
        #expect(!checks.isEmpty)
        let ids = Set(checks.map(\.id))
        for id in ["cross-table:3:2011350:合计:5-1", "cross-table:3:201:基本支出:5-1", "cross-table:1:category:一般公共服务支出:3"] {
            #expect(ids.contains(id), "\(id) among:\n\(MiniReport.dump(run))")
        }
        #expect(checks.contains { $0.id.hasPrefix("cross-table:1:expenditure:3") }, "表1 本年支出合计 = 表3 合计:\n\(MiniReport.dump(run))")
        let code = try #require(run.check("cross-table:3:2011350:合计:5-1"))
        #expect(code.table == "3")
        #expect(code.location == "2011350 事业运行 | 合计 = 表5-1 2011350 事业运行 | 合计")
    }

    @Test(arguments: Outcome.cents(around: "60.00", far: "66.00", beyond: .fail))
    func aCodeAgainstTheSameCodeInAnotherTable(operating: String, outcome: Outcome) throws {
        // 表3's figure is the reference; two figures at 2 decimals.
        try MiniReport.expect(outcome, check: "cross-table:3:2011350:合计:5-1", of: Self.report(operating: operating), table: "3",
                              names: ["表3", "表5-1", "2011350 事业运行", "合计"], actual: decimal("60.00"), expected: decimal(operating),
                              tolerance: decimal("0.010"))
    }
}
