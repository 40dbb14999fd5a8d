import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `arithmetic` on the free text of a cost-estimate line: written-out arithmetic against its
/// result, listed amounts against their stated total, and what the text gives against the line's 金额.
@Suite struct ArithmeticRuleTests {
    /// 表12 with one estimate line of 13.20 whose 测算依据 is `basis`.
    static func report(basis: String = "按照1.1万元*12个月=13.2万元", amount: String = "13.20") -> String {
        MiniReport.text(MiniReport.table("12", "项目支出绩效目标表", header: [], rows: [
            ["项目名称", "机房运行经费", "项目编码", ""],
            ["项目总预算", amount, "项目当年预算", amount],
            ["项目支出明细测算", "", "", "", "", ""],
            ["项目活动", "活动内容", "支出经济分类", "金额", "测算依据及说明", "备注"],
            ["电费", "机房电费", "电费", amount, basis, ""],
        ]))
    }

    static var line: Int { MiniReport.line("电费\t", in: report()) }

    @Test func arithmeticThatAgreesPasses() throws {
        let run = try MiniReport.run(Self.report())
        let checks = run.checks("arithmetic")
        #expect(Set(checks.map(\.id)) == ["arithmetic:12.1:电费:expression1", "arithmetic:12.1:电费:basis"], "\(MiniReport.dump(run))")
        for check in checks {
            Outcome.exact.verify(check, table: "12.1", names: [], in: run)
            #expect(check.lines == [Self.line])
        }
        #expect(run.check("arithmetic:12.1:电费:expression1")?.location == "电费 | 测算依据及说明")
        #expect(run.check("arithmetic:12.1:电费:basis")?.location == "电费 | 金额")
        #expect(run.reconciled.summary.fail == 0 && run.reconciled.summary.warn == 0, "\(MiniReport.dump(run))")
    }

    /// 1.1 may be anything from 1.05 to 1.15, so 1.1 × 12 is 13.2 ± 0.6 (and the result ± 0.05).
    @Test(arguments: [
        ("13.2", Outcome.exact), ("13.5", .withinRounding), ("12.9", .withinRounding), ("13.9", .beyond(.warn)),
        ("14.2", .beyond(.warn)),
    ])
    func writtenArithmeticAgainstItsResult(result: String, outcome: Outcome) throws {
        let run = try MiniReport.run(Self.report(basis: "按照1.1万元*12个月=\(result)万元"))
        let check = run.check("arithmetic:12.1:电费:expression1")
        outcome.verify(check, table: "12.1", names: ["表12.1", "电费", "line \(Self.line)", "1.1万元*12个月"], in: run)
        #expect(check?.expected == decimal("13.2"))
        #expect(check?.actual == decimal(result))
        #expect(check?.tolerance == decimal("0.65"))
    }

    /// 4.5 and 3.0 may each be off by 0.05, the total 7.5 by 0.05 too: ±0.15.
    @Test(arguments: [
        ("7.5", Outcome.exact), ("7.6", .withinRounding), ("7.7", .beyond(.warn)),
    ])
    func listedAmountsAgainstTheirStatedTotal(total: String, outcome: Outcome) throws {
        let run = try MiniReport.run(Self.report(basis: "场地费4.5万；布置费3.0万。总计\(total)万元。", amount: total))
        let check = run.check("arithmetic:12.1:电费:total1")
        outcome.verify(check, table: "12.1", names: ["表12.1", "电费", "line \(Self.line)", "4.5万 + 3.0万"], in: run)
        #expect(check?.expected == decimal("7.5"))
        #expect(check?.actual == decimal(total))
        #expect(check?.tolerance == decimal("0.15"))
    }

    @Test(arguments: [
        ("13.20", Outcome.exact), ("13.24", .withinRounding), ("13.30", .beyond(.warn)),
    ])
    func theCostTheTextGivesAgainstTheLineAmount(amount: String, outcome: Outcome) throws {
        let run = try MiniReport.run(Self.report(basis: "机房电费13.2万元", amount: amount))
        let check = run.check("arithmetic:12.1:电费:basis")
        outcome.verify(check, table: "12.1", names: ["表12.1", "电费", "line \(Self.line)", "金额", "13.2万元"], in: run)
        #expect(check?.actual == decimal(amount))
        #expect(check?.expected == decimal("13.2"))
    }

    @Test func aMissFailsWhenConfiguredTo() throws {
        let run = try MiniReport.run(Self.report(basis: "按照1.1万元*12个月=14.2万元"), options: ReconcileOptions(arithmeticStatus: .fail))
        Outcome.beyond(.fail).verify(run.check("arithmetic:12.1:电费:expression1"), table: "12.1", names: ["电费"], in: run)
    }

    @Test func textWithoutAmountsStatesNothingToCheck() throws {
        let run = try MiniReport.run(Self.report(basis: "根据类似服务项目公开招标成交价格估算。"))
        #expect(run.checks("arithmetic").isEmpty, "\(MiniReport.dump(run))")
    }
}
