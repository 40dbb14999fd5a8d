import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `share`: a 占比 column against the amounts beside it: each row's amount over its group's total,
/// at the precision the share is printed to; a miss warns unless `shareStatus` says fail.
@Suite struct ShareRuleTests {
    /// A funds grid in the layout of 表11's 单位总体资金情况: an income group closed by 合计, then an
    /// expenditure group closed by 合计, with 当年金额, 占比 and last year's amount.
    static func report(personnel: String = "63.14%", operating: String = "5.12%", income: String = "100%") -> String {
        MiniReport.text(MiniReport.table("13", "单位总体资金情况表", header: [["项目", "当年金额", "占比", "上年金额"]], rows: [
            ["财政拨款", "1209.02", income, "1236.74"],
            ["单位资金", "", "", ""],
            ["合计", "1209.02", "100%", "1236.74"],
            ["人员类项目支出", "763.41", personnel, "776.53"],
            ["运转类项目支出", "61.85", operating, "61.85"],
            ["特定目标类项目支出", "383.76", "31.74%", "398.36"],
            ["合计", "1209.02", "100%", "1236.74"],
        ]))
    }

    static func line(_ label: String) -> Int { MiniReport.line("\(label)\t", in: report()) }

    @Test func sharesThatAgreePass() throws {
        let run = try MiniReport.run(Self.report())
        let checks = MiniReport.expectAllExact("share", in: run, table: "13")
        // One check per share printed: 财政拨款, both totals, the three expenditure lines; none for
        // the blank 单位资金, and none for 上年金额 (not a share column).
        #expect(Set(checks.map(\.id)) == ["share:13:财政拨款:占比", "share:13:合计:占比", "share:13:合计:占比#2",
                                          "share:13:人员类项目支出:占比", "share:13:运转类项目支出:占比", "share:13:特定目标类项目支出:占比"],
                "\(MiniReport.dump(run))")
        let personnel = try #require(run.check("share:13:人员类项目支出:占比"))
        #expect(personnel.expected == decimal("63.14") && personnel.actual == decimal("63.14"))
        #expect(personnel.location == "人员类项目支出 | 占比")
        // The row's line and its group's total's line (the second 合计, not the first).
        #expect(personnel.lines == [Self.line("人员类项目支出"), MiniReport.line("合计", in: Self.report()) + 4])
    }

    /// 763.41 / 1209.02 is 63.1418…%: 63.14 to two decimals, 63.1 to one, 63 to none. The amounts'
    /// rounding (±0.005 each) keeps it within 63.1413…63.1423, so 63.15 is a misprint.
    @Test(arguments: [("63.14%", Outcome.exact), ("63.1%", .exact), ("63%", .exact), ("63.15%", .beyond(.warn)),
                      ("64%", .beyond(.warn)), ("100%", .beyond(.warn))])
    func aShareAtItsPrintedPrecision(printed: String, outcome: Outcome) throws {
        let expected = ["63.14%": "63.14", "63.1%": "63.1", "63%": "63", "63.15%": "63.14", "64%": "63", "100%": "63"][printed]!
        try MiniReport.expect(outcome, check: "share:13:人员类项目支出:占比", of: Self.report(personnel: printed), table: "13",
                              names: ["表13", "人员类项目支出", "line \(Self.line("人员类项目支出"))", "占比", "763.41 / 1209.02", "63.14"],
                              actual: decimal(String(printed.dropLast())), expected: decimal(expected))
    }

    /// The sample's 表11 prints 100% on every row: each wrong share is its own check (a warning, or
    /// a failure where `shareStatus` says so), and the income share (财政拨款 is all the income)
    /// and the totals pass.
    @Test(arguments: [CheckStatus.warn, .fail])
    func everyRowPrintedAsAHundredPercentIsReportedRowByRow(status: CheckStatus) throws {
        let run = try MiniReport.run(Self.report(personnel: "100%", operating: "100%"), options: ReconcileOptions(shareStatus: status))
        let failed = run.checks("share").filter { $0.status == status }
        #expect(Set(failed.map(\.id)) == ["share:13:人员类项目支出:占比", "share:13:运转类项目支出:占比"], "\(MiniReport.dump(run))")
        #expect(run.check("share:13:财政拨款:占比")?.status == .pass)
        #expect(run.check("share:13:合计:占比#2")?.status == .pass)
    }

    /// Amounts printed whole may each be off by 0.5: 1 / 3 is anything from 0.5 / 3.5 to 1.5 / 2.5,
    /// 14%–60%, so a printed 40% is within rounding and 70% is not.
    @Test(arguments: [("33%", Outcome.exact), ("40%", .withinRounding), ("70%", .beyond(.warn))])
    func theRoundingOfTheAmountsWidensTheBand(printed: String, outcome: Outcome) throws {
        let text = MiniReport.text(MiniReport.table("13", "资金构成表", header: [["项目", "金额", "比重"]], rows: [
            ["甲", "1", printed], ["乙", "2", "67%"], ["合计", "3", "100%"],
        ]))
        try MiniReport.expect(outcome, check: "share:13:甲:比重", of: text, table: "13", names: ["甲", "1 / 3"],
                              actual: decimal(String(printed.dropLast())), expected: decimal("33"))
    }

    /// A 合计 printed above its rows is their total; with no total row, the rows' sum is.
    @Test(arguments: [true, false])
    func aTotalOnTopOrNoneAtAll(totalOnTop: Bool) throws {
        let parts = [["甲", "60.00", "60%"], ["乙", "40.00", "40%"]]
        let text = MiniReport.text(MiniReport.table("13", "资金构成表", header: [["项目", "金额", "占比"]],
                                                    rows: (totalOnTop ? [["合计", "100.00", "100%"]] : []) + parts))
        let run = try MiniReport.run(text)
        let checks = MiniReport.expectAllExact("share", in: run, table: "13")
        #expect(checks.count == (totalOnTop ? 3 : 2), "\(MiniReport.dump(run))")
        #expect(run.check("share:13:甲:占比")?.expected == decimal("60"))
    }

    /// A growth rate is a percentage but not a share: it is not checked as one.
    @Test func aGrowthRateIsNotAShare() throws {
        let text = MiniReport.text(MiniReport.table("13", "资金构成表", header: [["项目", "金额", "增长率"]], rows: [
            ["甲", "60.00", "5%"], ["合计", "100.00", "3%"],
        ]))
        let run = try MiniReport.run(text)
        #expect(run.checks("share").isEmpty, "\(MiniReport.dump(run))")
    }

    /// An amount that cannot be read (`6O.00`) is a `number` failure of its own; its share is
    /// `unverified`, naming the cell, and the other rows' shares are still judged, against the
    /// printed 合计.
    @Test func anUnreadableAmountLeavesItsShareUnverifiedAndTheOthersChecked() throws {
        let text = MiniReport.text(MiniReport.table("13", "资金构成表", header: [["项目", "金额", "占比"]], rows: [
            ["甲", "6O.00", "60%"], ["乙", "40.00", "40%"], ["合计", "100.00", "100%"],
        ]))
        let run = try MiniReport.run(text)
        #expect(Set(run.checks("share").map(\.id)) == ["share:13:甲:占比", "share:13:乙:占比", "share:13:合计:占比"], "\(MiniReport.dump(run))")
        let blocked = try #require(run.check("share:13:甲:占比"))
        #expect(blocked.status == .unverified)
        #expect(blocked.message.contains("\"6O.00\" is not a number"), "\(blocked.message)")
        // The lines of the figures the share is judged by: its row's and its total's.
        #expect(blocked.lines == [MiniReport.line("甲\t", in: text), MiniReport.line("合计\t", in: text)])
        #expect(run.checks("share").filter { $0.id != blocked.id }.allSatisfy { $0.status == .pass })
        #expect(run.checks("number").contains { $0.status == .fail })
    }

    /// A total that cannot be read leaves every share of its group unverified; a share that
    /// cannot be read is unverified too.
    @Test func anUnreadableTotalOrShareLeavesTheSharesUnverified() throws {
        let text = MiniReport.text(MiniReport.table("13", "资金构成表", header: [["项目", "金额", "占比"]], rows: [
            ["甲", "60.00", "6O%"], ["乙", "40.00", "40%"], ["合计", "1OO.00", "100%"],
        ]))
        let run = try MiniReport.run(text)
        let shares = run.checks("share")
        #expect(shares.count == 3 && shares.allSatisfy { $0.status == .unverified }, "\(MiniReport.dump(run))")
        #expect(shares.allSatisfy { $0.message.contains("line \(MiniReport.line("合计\t", in: text)): \"1OO.00\"") }, "\(MiniReport.dump(run))")
        #expect(run.check("share:13:甲:占比")?.message.contains("column 占比, line \(MiniReport.line("甲\t", in: text)): \"6O%\"") == true)
    }
}
