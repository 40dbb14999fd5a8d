import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `narrative` on a 第三部分 that restates 表3: amounts against the table, shares against their
/// total, and a change against the previous-year figure it implies.
@Suite struct NarrativeRuleTests {
    static func report(basic: String = "60.00", share: String = "60%", change: String = "11.11%") -> String {
        MiniReport.text(
            MiniReport.table("3", "支出总表", header: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]], rows: [
                ["", "合计", "100.00", "60.00", "40.00"],
                ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
            ]),
            MiniReport.narrative(
                "2025 年支出预算 100.00 万元，比 2024 年预算增加 10.00 万元，增长 \(change)。",
                "基本支出 \(basic) 万元，占 \(share)；项目支出 40.00 万元，占 40%。"))
    }

    static var totalLine: Int { MiniReport.line("2025 年支出预算", in: report()) }
    static var basicLine: Int { MiniReport.line("基本支出 60.00", in: report()) }

    @Test func claimsThatAgreeWithTheTablePass() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("narrative", in: run)
        let total = Self.totalLine, basic = Self.basicLine
        let ids = Set(checks.map(\.id))
        for id in ["narrative:\(total):支出预算", "narrative:\(total):支出预算:change", "narrative:\(basic):基本支出",
                   "narrative:\(basic):基本支出:share", "narrative:\(basic):项目支出", "narrative:\(basic):项目支出:share"] {
            #expect(ids.contains(id), "\(id) among:\n\(MiniReport.dump(run))")
        }
        let amount = try #require(run.check("narrative:\(basic):基本支出"))
        #expect(amount.table == "3")
        #expect(amount.location.hasPrefix("line \(basic) 基本支出 = 表3"))
        #expect(amount.lines.contains(basic))
    }

    @Test(arguments: Outcome.cents(around: "60.00", far: "65.00", beyond: .fail))
    func anAmountAgainstItsTableFigure(basic: String, outcome: Outcome) throws {
        try MiniReport.expect(outcome, check: "narrative:\(Self.basicLine):基本支出", of: Self.report(basic: basic), table: "3",
                              names: ["基本支出", "line \(Self.basicLine)", "表3", "基本支出"], actual: decimal(basic), expected: decimal("60.00"))
    }

    @Test(arguments: [
        ("60%", Outcome.exact), ("60.00%", .exact), ("60.01%", .withinRounding), ("60.1%", .beyond(.fail)), ("62%", .beyond(.fail)),
    ])
    func aShareAgainstItsTotal(share: String, outcome: Outcome) throws {
        try MiniReport.expect(outcome, check: "narrative:\(Self.basicLine):基本支出:share", of: Self.report(share: share), table: nil,
                              names: ["Line \(Self.basicLine)", "基本支出", share, "60.00 / 100.00"], actual: decimal(String(share.dropLast())))
    }

    /// 100.00 after an increase of 10.00 implies 90.00 for 2024; 10.00 / 90.00 is 11.11 %.
    @Test(arguments: [
        ("11.11%", Outcome.exact), ("11.12%", .withinRounding), ("11.10%", .withinRounding), ("11.2%", .beyond(.fail)),
        ("12%", .beyond(.fail)),
    ])
    func aChangeAgainstThePreviousYearItImplies(change: String, outcome: Outcome) throws {
        try MiniReport.expect(outcome, check: "narrative:\(Self.totalLine):支出预算:change", of: Self.report(change: change), table: nil,
                              names: ["Line \(Self.totalLine)", "支出预算", change, "2024"], actual: decimal(String(change.dropLast())))
    }
}
