import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `hierarchy` on a one-column coded table: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项.
@Suite struct HierarchyRuleTests {
    /// 表3 with 款 20113 printed as `subtotal`; its 项 sum to 100.00.
    static func report(subtotal: String = "100.00") -> String {
        MiniReport.text(MiniReport.table("3", "支出总表", header: [["科目编码", "科目名称", "合计"]], rows: [
            ["", "合计", "100.00"],
            ["201", "一般公共服务支出", "100.00"],
            ["20113", "商贸事务", subtotal],
            ["2011350", "事业运行", "60.00"],
            ["2011399", "其他商贸事务支出", "40.00"],
        ]))
    }

    @Test func aConsistentTreePassesAtEveryLevel() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("hierarchy", in: run, table: "3")
        #expect(Set(checks.map(\.id)) == ["hierarchy:3:合计:合计", "hierarchy:3:201:合计", "hierarchy:3:20113:合计"], "\(MiniReport.dump(run))")
        let item = try #require(run.check("hierarchy:3:20113:合计"))
        #expect(item.location == "20113 商贸事务 | 合计")
        let text = Self.report()
        #expect(item.lines == [MiniReport.line("20113", in: text), MiniReport.line("2011350", in: text), MiniReport.line("2011399", in: text)])
    }

    @Test(arguments: Outcome.cents(around: "100.00", far: "100.50", beyond: .fail))
    func aParentAgainstItsChildren(subtotal: String, outcome: Outcome) throws {
        // Three figures at 2 decimals: 0.005 × 3.
        try MiniReport.expect(outcome, check: "hierarchy:3:20113:合计", of: Self.report(subtotal: subtotal), table: "3",
                              names: ["表3", "20113 商贸事务", "合计", "2011350 + 2011399"], actual: decimal(subtotal),
                              expected: decimal("100.00"), tolerance: decimal("0.015"))
    }
}
