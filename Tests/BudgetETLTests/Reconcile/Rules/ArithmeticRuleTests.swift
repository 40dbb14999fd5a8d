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
        let checks = MiniReport.expectAllExact("arithmetic", in: run, table: "12.1")
        #expect(Set(checks.map(\.id)) == ["arithmetic:12.1:电费:expression1", "arithmetic:12.1:电费:basis"], "\(MiniReport.dump(run))")
        #expect(checks.allSatisfy { $0.lines == [Self.line] })
        #expect(run.check("arithmetic:12.1:电费:expression1")?.location == "电费 | 测算依据及说明")
        #expect(run.check("arithmetic:12.1:电费:basis")?.location == "电费 | 金额")
    }

    /// Expects the check `kind` of the 电费 line (`arithmetic:12.1:电费:<kind>`) of a report whose
    /// 测算依据 is `basis` to come out as `outcome`, its message naming the table, the line and `names`.
    static func expect(_ outcome: Outcome, _ kind: String, basis: String, amount: String = "13.20", options: ReconcileOptions = ReconcileOptions(),
                       names: [String], actual: ExactDecimal? = nil, expected: ExactDecimal? = nil, tolerance: ExactDecimal? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        try MiniReport.expect(outcome, check: "arithmetic:12.1:电费:\(kind)", of: report(basis: basis, amount: amount), options: options,
                              table: "12.1", names: ["表12.1", "电费", "line \(line)"] + names, actual: actual, expected: expected,
                              tolerance: tolerance, sourceLocation: sourceLocation)
    }

    /// 1.1 may be anything from 1.05 to 1.15, so 1.1 × 12 is 13.2 ± 0.6 (and the result ± 0.05).
    @Test(arguments: [("13.2", Outcome.exact), ("13.5", .withinRounding), ("12.9", .withinRounding), ("13.9", .beyond(.warn)), ("14.2", .beyond(.warn))])
    func writtenArithmeticAgainstItsResult(result: String, outcome: Outcome) throws {
        try Self.expect(outcome, "expression1", basis: "按照1.1万元*12个月=\(result)万元", names: ["1.1万元*12个月"],
                        actual: decimal(result), expected: decimal("13.2"), tolerance: decimal("0.65"))
    }

    /// 4.5 and 3.0 may each be off by 0.05, the total 7.5 by 0.05 too: ±0.15.
    @Test(arguments: [("7.5", Outcome.exact), ("7.6", .withinRounding), ("7.7", .beyond(.warn))])
    func listedAmountsAgainstTheirStatedTotal(total: String, outcome: Outcome) throws {
        try Self.expect(outcome, "total1", basis: "场地费4.5万；布置费3.0万。总计\(total)万元。", amount: total, names: ["4.5万 + 3.0万"],
                        actual: decimal(total), expected: decimal("7.5"), tolerance: decimal("0.15"))
    }

    @Test(arguments: [("13.20", Outcome.exact), ("13.24", .withinRounding), ("13.30", .beyond(.warn))])
    func theCostTheTextGivesAgainstTheLineAmount(amount: String, outcome: Outcome) throws {
        try Self.expect(outcome, "basis", basis: "机房电费13.2万元", amount: amount, names: ["金额", "13.2万元"], actual: decimal(amount), expected: decimal("13.2"))
    }

    @Test func aMissFailsWhenConfiguredTo() throws {
        try MiniReport.expect(.beyond(.fail), check: "arithmetic:12.1:电费:expression1", of: Self.report(basis: "按照1.1万元*12个月=14.2万元"),
                              options: ReconcileOptions(arithmeticStatus: .fail), table: "12.1", names: ["电费"])
    }

    @Test func textWithoutAmountsStatesNothingToCheck() throws {
        let run = try MiniReport.run(Self.report(basis: "根据类似服务项目公开招标成交价格估算。"))
        #expect(run.checks("arithmetic").isEmpty, "\(MiniReport.dump(run))")
    }

    // MARK: Counts at a rate

    static let messages = "社保中心发送短信70万条、失业办10万条、信访处20万条，其他部门30万条。每条0.06元。"

    /// (70 + 10 + 20 + 30)万条 at 0.06 元 each is 7.8 万元. The price is to the 分, so exact; the
    /// counts are exact; only the line's 金额 (printed to the cent) may be off by 0.005.
    @Test(arguments: [("7.80", Outcome.exact), ("7.81", .beyond(.warn)), ("8.00", .beyond(.warn))])
    func countsListedAtOneRate(amount: String, outcome: Outcome) throws {
        try Self.expect(outcome, "basis", basis: Self.messages, amount: amount,
                        names: ["金额", "70万条 + 10万条 + 20万条 + 30万条", "每条0.06元", "7.8"],
                        actual: decimal(amount), expected: decimal("7.8"), tolerance: decimal("0.005"))
    }

    /// `近20万条` may be up to 10% off (`bandPercent`): ±2万条 at 0.06 元 widens the band by 0.12 万元,
    /// and the check says so; beyond it, the miss is a warning even where misses are failures.
    @Test(arguments: [("7.80", Outcome.exact), ("7.90", .withinRounding), ("8.00", .beyond(.warn))])
    func anApproximateCountWidensTheBand(amount: String, outcome: Outcome) throws {
        let basis = Self.messages.replacingOccurrences(of: "信访处20万条", with: "信访处近20万条")
        try Self.expect(outcome, "basis", basis: basis, amount: amount, options: ReconcileOptions(arithmeticStatus: .fail),
                        names: ["近20万条", "approximate", "10%", "0.12"],
                        actual: decimal(amount), expected: decimal("7.8"), tolerance: decimal("0.125"))
        if case .withinRounding = outcome {
            let run = try MiniReport.run(Self.report(basis: basis, amount: amount))
            let message = try #require(run.check("arithmetic:12.1:电费:basis")?.message)
            #expect(message.contains("approximate count 近20万条") && message.contains("0.12"), "\(message)")
        }
    }

    /// Without the approximate word, the same 7.90 is a miss.
    @Test func anExactCountDoesNotWiden() throws {
        try Self.expect(.beyond(.warn), "basis", basis: Self.messages, amount: "7.90", names: ["20万条"],
                        actual: decimal("7.90"), expected: decimal("7.8"), tolerance: decimal("0.005"))
    }

    /// `6万条` after a price per 万条 is six lots of 万条; `11月` after a multiplication sign is
    /// eleven months, not November.
    @Test(arguments: [("按照5.13万元*6万条=30.78万元", "30.78"), ("按照1.1万元*11月=12.1万元", "12.10")])
    func tenThousandsAndMonthsAreCountsInArithmetic(basis: String, amount: String) throws {
        let run = try MiniReport.run(Self.report(basis: basis, amount: amount))
        MiniReport.expectAllExact("arithmetic", in: run, table: "12.1")
        #expect(run.check("arithmetic:12.1:电费:expression1")?.expected == decimal(amount), "\(MiniReport.dump(run))")
    }
}
