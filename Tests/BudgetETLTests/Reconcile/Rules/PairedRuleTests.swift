import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `paired` on a 收支总表: each side's 合计 = its items, 总计 = 合计 + carry-overs, 收入总计 = 支出总计.
@Suite struct PairedRuleTests {
    static func report(second: String = "40.00") -> String {
        MiniReport.text(MiniReport.table("1", "收支总表", header: [
            ["收 入", "", "支 出", ""],
            ["项 目", "预算数", "项 目", "预算数"],
        ], rows: [
            ["一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "60.00"],
            ["二、事业收入", "", "二、社会保障和就业支出", second],
            ["本年收入合计", "100.00", "本年支出合计", "100.00"],
            ["上年结转结余", "", "年终结转结余", ""],
            ["收 入 总 计", "100.00", "支 出 总 计", "100.00"],
        ]))
    }

    @Test func aBalancedTablePassesOnBothSides() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("paired", in: run, table: "1")
        #expect(Set(checks.map(\.id)) == [
            "paired:1:收入:本年收入合计", "paired:1:收入:收入总计", "paired:1:支出:本年支出合计", "paired:1:支出:支出总计",
            "paired:1:支出总计=收入总计",
        ], "\(MiniReport.dump(run))")
        #expect(run.check("paired:1:支出:本年支出合计")?.location == "支出 本年支出合计")
    }

    @Test(arguments: Outcome.cents(around: "40.00", far: "41.00", beyond: .fail))
    func aSideTotalAgainstItsItems(second: String, outcome: Outcome) throws {
        let run = try MiniReport.expect(outcome, check: "paired:1:支出:本年支出合计", of: Self.report(second: second), table: "1",
                                        names: ["表1", "支出", "本年支出合计", "一般公共服务支出 + 社会保障和就业支出"],
                                        actual: decimal("100.00"), expected: decimal("60.00") + decimal(second))
        #expect(run.check("paired:1:支出总计=收入总计")?.status == .pass)
    }
}
