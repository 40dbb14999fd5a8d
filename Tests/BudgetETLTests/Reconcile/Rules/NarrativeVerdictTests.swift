import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `narrative` verdicts for claims that are not an amount a table row prints: a statement that
/// there is none (`没有使用…安排的支出`) against the table it names, a count of projects against
/// the projects the project table lists, a source of the projects' funds against its column of
/// the project table, and `unverified` with the reason for what no table holds.
@Suite struct NarrativeVerdictTests {
    static let expenditure = MiniReport.table("3", "支出总表", header: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]], rows: [
        ["", "合计", "100.00", "60.00", "40.00"],
        ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
    ])

    /// 表8 政府性基金预算支出表 with `rows` (none: only its header and the note saying it is empty).
    static func fundTable(_ rows: [[String]]) -> String {
        MiniReport.table("8", "政府性基金预算支出表", header: [
            ["科目编码", "科目名称", "本年政府性基金预算支出", "", ""],
            ["", "", "合计", "基本支出", "项目支出"],
        ], rows: rows, notes: rows.isEmpty ? ["说明：2025年没有使用政府性基金预算拨款安排的支出。"] : [])
    }

    static func noneReport(fundRows: [[String]] = []) -> String {
        MiniReport.text(expenditure, fundTable(fundRows),
                        MiniReport.narrative("2025 年没有使用政府性基金预算拨款安排的支出。", "2025 年没有使用机关运行经费拨款安排的支出。"))
    }

    static var fundLine: Int { MiniReport.line("2025 年没有使用政府性基金", in: noneReport()) }
    static var runningCostsLine: Int { MiniReport.line("2025 年没有使用机关运行经费", in: noneReport()) }

    @Test func aStatementOfNoneIsAClaimOfZeroAboutWhatFollows() throws {
        let run = try MiniReport.run(Self.noneReport())
        let claims = run.normalized.claims.filter(\.statesNone)
        #expect(claims.map(\.subject.label) == ["政府性基金预算拨款安排的支出", "机关运行经费拨款安排的支出"])
        #expect(claims.map(\.line) == [Self.fundLine, Self.runningCostsLine])
        #expect(claims.allSatisfy { $0.amount.value.isZero && $0.amount.raw == "没有使用" && $0.year == 2025 })
    }

    @Test func aStatementOfNoneAgainstTheEmptyTableItNamesPasses() throws {
        let run = try MiniReport.run(Self.noneReport())
        let check = try #require(run.check("narrative:\(Self.fundLine):政府性基金预算拨款安排的支出"), "\(MiniReport.dump(run))")
        #expect(check.status == .pass)
        #expect(check.table == "8")
        #expect(check.message.contains("表8 政府性基金预算支出表 prints no rows"), "\(check.message)")
    }

    @Test func aStatementOfNoneAgainstATableWithAmountsFails() throws {
        let report = Self.noneReport(fundRows: [["", "合计", "5.00", "5.00", ""], ["201", "一般公共服务支出", "5.00", "5.00", ""]])
        let line = MiniReport.line("2025 年没有使用政府性基金", in: report)
        try MiniReport.expect(.beyond(.fail), check: "narrative:\(line):政府性基金预算拨款安排的支出", of: report, table: "8",
                              names: ["政府性基金预算拨款安排的支出", "line \(line)", "表8"], actual: .zero, expected: decimal("5.00"))
    }

    @Test func aStatementOfNoneNamingNoTableIsUnverifiedWithTheReason() throws {
        let run = try MiniReport.run(Self.noneReport())
        let check = try #require(run.check("narrative:\(Self.runningCostsLine):机关运行经费拨款安排的支出"), "\(MiniReport.dump(run))")
        #expect(check.status == .unverified)
        #expect(check.message.contains("No table of the report holds 机关运行经费拨款安排的支出"), "\(check.message)")
        #expect(check.lines == [Self.runningCostsLine])
        #expect(run.reconciled.summary.unverified == 1 && run.reconciled.summary.fail == 0, "\(MiniReport.dump(run))")
    }

    /// 表10 项目支出表 in the sample's layout: a unit, a project category (一级项目) and the
    /// second-level projects under it, each 20.00 of the general budget.
    static func projectReport(count: String = "2", funding: String = "40.00") -> String {
        MiniReport.text(
            expenditure,
            MiniReport.table("10", "项目支出表", header: [
                ["项目编码", "项目名称", "项目单位", "合计", "本年拨款", ""],
                ["", "", "", "", "一般公共预算", "政府性基金预算"],
            ], rows: [
                ["", "合计", "", "40.00", "40.00", ""],
                ["503", "临江市规则测试中心", "", "40.00", "40.00", ""],
                ["420100225030030000105", "社会保障工作", "", "40.00", "40.00", ""],
                ["42010022503T000000142", "日常系统运行经费", "临江市规则测试中心", "20.00", "20.00", ""],
                ["42010022503T000000143", "系统安全保障经费", "临江市规则测试中心", "20.00", "20.00", ""],
            ]),
            MiniReport.narrative(
                "2025 年项目支出 40.00 万元，其中：一般公共预算本年拨款 \(funding) 万元。",
                "2025 年，预算支出 100.00 万元全面实施预算绩效目标管理。设置了整体支出绩效目标、\(count) 个二级项目支出绩效目标。"))
    }

    @Test(arguments: [("2", Outcome.exact), ("3", .beyond(.fail)), ("1", .beyond(.fail))])
    func aCountOfProjectsAgainstTheProjectsTheTableLists(count: String, outcome: Outcome) throws {
        let report = Self.projectReport(count: count)
        let line = MiniReport.line("2025 年，预算支出", in: report)
        let run = try MiniReport.expect(outcome, check: "narrative:\(line):二级项目支出绩效目标", of: report, table: "10",
                                        names: ["Line \(line)", "\(count) 个", "表10 lists 2 projects", "日常系统运行经费"],
                                        actual: decimal(count), expected: decimal("2"))
        let claim = try #require(run.normalized.claims.first { $0.line == line && $0.amount.unit == "个" })
        #expect(claim.subject.category == .project)
    }

    @Test(arguments: Outcome.cents(around: "40.00", far: "41.00", beyond: .fail))
    func aSourceOfTheProjectsFundsAgainstItsColumnOfTheProjectTable(funding: String, outcome: Outcome) throws {
        let report = Self.projectReport(funding: funding)
        let line = MiniReport.line("2025 年项目支出", in: report)
        let run = try MiniReport.expect(outcome, check: "narrative:\(line):一般公共预算本年拨款", of: report, table: "10",
                                        names: ["一般公共预算本年拨款", "表10", "本年拨款 / 一般公共预算"],
                                        actual: decimal(funding), expected: decimal("40.00"))
        let claims = run.normalized.claims.filter { $0.line == line }
        #expect(claims.map(\.subject.label) == ["项目支出", "一般公共预算本年拨款"])
        #expect(claims.last?.partOf == run.normalized.claims.firstIndex { $0.line == line })
    }
}
