import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `completeness`: every table the contents promise is in the body; an empty table says why.
/// It compares no figures, so rounding does not apply.
@Suite struct CompletenessRuleTests {
    static let table3 = MiniReport.table("3", "支出总表", header: [["科目编码", "科目名称", "合计"]], rows: [
        ["", "合计", "100.00"],
        ["201", "一般公共服务支出", "100.00"],
    ])

    static func table8(note: Bool) -> String {
        MiniReport.table("8", "政府性基金预算支出表", header: [
            ["科目编码", "科目名称", "本年政府性基金预算支出", "", ""],
            ["", "", "合计", "基本支出", "项目支出"],
        ], rows: [], notes: note ? ["说明：2025年没有使用政府性基金预算拨款安排的支出。"] : [])
    }

    static let promised: [(id: String, title: String)] = [("1", "收支总表"), ("3", "支出总表"), ("8", "政府性基金预算支出表")]

    static func report(promising tables: [(id: String, title: String)] = promised, note: Bool = true) -> String {
        MiniReport.text(MiniReport.contents(tables), table3, table8(note: note))
    }

    @Test func promisedTablesThatArePresentPass() throws {
        let text = Self.report(promising: [("3", "支出总表"), ("8", "政府性基金预算支出表")])
        let run = try MiniReport.run(text)
        #expect(Set(run.checks("completeness").map(\.id)) == ["completeness:3", "completeness:8", "completeness:8:note"], "\(MiniReport.dump(run))")
        let check = try #require(run.check("completeness:3"))
        #expect(check.status == .pass && check.table == "3")
        #expect(check.location == "表3 支出总表")
        #expect(check.lines == [MiniReport.line("表 3.", in: text)])
        #expect(run.reconciled.summary.fail == 0 && run.reconciled.summary.warn == 0, "\(MiniReport.dump(run))")
    }

    @Test(arguments: [(CheckStatus.warn, ReconcileOptions()), (.fail, ReconcileOptions(completenessStatus: .fail))])
    func aPromisedTableMissingFromTheBodyIsNamed(status: CheckStatus, options: ReconcileOptions) throws {
        let text = Self.report()
        let run = try MiniReport.run(text, options: options)
        let check = try #require(run.check("completeness:1"), "\(MiniReport.dump(run))")
        #expect(check.status == status)
        #expect(check.table == "1")
        #expect(check.location == "表1 收支总表")
        #expect(check.message.contains("表1 收支总表") && check.message.contains("line \(MiniReport.line("表 1.", in: text))"))
        #expect(check.lines == [MiniReport.line("表 1.", in: text)])
        #expect(run.reconciled.checks.filter { $0.status != .pass }.map(\.id) == ["completeness:1"], "\(MiniReport.dump(run))")
    }

    @Test(arguments: [true, false])
    func anEmptyTableSaysWhy(note: Bool) throws {
        let text = Self.report(note: note)
        let run = try MiniReport.run(text)
        let check = try #require(run.check("completeness:8:note"), "\(MiniReport.dump(run))")
        #expect(check.table == "8")
        #expect(check.location == "表8 政府性基金预算支出表")
        #expect(check.status == (note ? .pass : .warn))
        #expect(check.lines.first == MiniReport.line("表8", in: text))
        if note {
            #expect(check.message.contains("没有使用政府性基金预算拨款安排的支出"))
        } else {
            #expect(check.message.contains("表8") && check.message.contains("no note"))
        }
    }
}
