import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `header-sum` on one row of 表5-1: 合计 = 基本支出 (its 小计) + 项目支出, 小计 = 人员经费 + 公用经费.
@Suite struct HeaderSumRuleTests {
    static func report(personnel: String = "50.00") -> String {
        MiniReport.text(MiniReport.table("5-1", "一般公共预算支出表(分功能科目)", header: [
            ["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
            ["", "", "", "小计", "人员经费", "公用经费", ""],
        ], rows: [
            ["201", "一般公共服务支出", "100.00", "60.00", personnel, "10.00", "40.00"],
        ]))
    }

    @Test func aConsistentRowPassesBothIdentities() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("header-sum", in: run, table: "5-1")
        #expect(Set(checks.map(\.id)) == ["header-sum:5-1:201:合计", "header-sum:5-1:201:基本支出 / 小计"], "\(MiniReport.dump(run))")
        #expect(run.check("header-sum:5-1:201:合计")?.location == "201 一般公共服务支出 | 合计")
        #expect(run.check("header-sum:5-1:201:基本支出 / 小计")?.expected == decimal("60.00"))
    }

    @Test(arguments: Outcome.cents(around: "50.00", far: "49.50", beyond: .fail))
    func aSubtotalColumnAgainstItsParts(personnel: String, outcome: Outcome) throws {
        let run = try MiniReport.expect(outcome, check: "header-sum:5-1:201:基本支出 / 小计", of: Self.report(personnel: personnel),
                                        table: "5-1", names: ["表5-1", "201 一般公共服务支出", "基本支出 / 小计", "人员经费", "公用经费"],
                                        actual: decimal("60.00"), expected: decimal(personnel) + decimal("10.00"))
        #expect(run.check("header-sum:5-1:201:合计")?.status == .pass, "合计 = 小计 + 项目支出 still holds")
    }
}
