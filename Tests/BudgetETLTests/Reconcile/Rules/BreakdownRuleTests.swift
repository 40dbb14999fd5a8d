import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `breakdown` on a project's performance form: the lines of its 项目支出明细测算 against 项目当年预算.
@Suite struct BreakdownRuleTests {
    /// 表12 for one project whose year budget is printed as `budget`; its two estimate lines sum to 30.00.
    static func report(budget: String = "30.00") -> String {
        MiniReport.text(MiniReport.table("12", "项目支出绩效目标表", header: [], rows: [
            ["项目名称", "会展服务经费", "项目编码", ""],
            ["项目总预算", budget, "项目当年预算", budget],
            ["项目支出明细测算", "", "", "", "", ""],
            ["项目活动", "活动内容", "支出经济分类", "金额", "测算依据及说明", "备注"],
            ["场地租赁", "展馆场地租赁", "租赁费", "18.00", "", ""],
            ["展会布置", "展位搭建与布置", "委托业务费", "12.00", "", ""],
        ]))
    }

    @Test func anEstimateThatAddsUpPasses() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("breakdown", in: run, table: "12.1")
        #expect(checks.map(\.id) == ["breakdown:12.1:金额"], "\(MiniReport.dump(run))")
        let check = try #require(checks.first)
        #expect(check.location.hasPrefix("2 lines | 金额 = 表12"))
        #expect(check.actual == decimal("30.00") && check.expected == decimal("30.00"))
        #expect(check.tolerance == decimal("0.015"), "three figures at 2 decimals")
    }

    @Test(arguments: Outcome.cents(around: "30.00", far: "35.00", beyond: .warn))
    func theLinesAgainstTheYearBudget(budget: String, outcome: Outcome) throws {
        try MiniReport.expect(outcome, check: "breakdown:12.1:金额", of: Self.report(budget: budget), table: "12.1",
                              names: ["表12", "项目当年预算", "2 lines", "表12.1"], actual: decimal(budget), expected: decimal("30.00"))
    }

    @Test func aMissFailsWhenConfiguredTo() throws {
        try MiniReport.expect(.beyond(.fail), check: "breakdown:12.1:金额", of: Self.report(budget: "35.00"),
                              options: ReconcileOptions(breakdownStatus: .fail), table: "12.1", names: ["表12"])
    }
}
