import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize
@testable import BudgetReconcile

/// A 决算 narrative checked against its tables (issue 15, deliverable 4): each amount it states
/// for a subject (a 功能分类 path, a total, “三公”经费 and its parts) against the table cell of its
/// phase (年初预算数 or 决算数), each completion rate against the two cells, and each difference
/// against the reason the template asks for. Hand-made in the style of the Shanghai 决算 reports
/// of `../shared/corpus/pdf/001_*` to `003_*`, TAB-separated as `text/016_*` is.
@Suite struct FinalAccountsClaimsTests {
    /// The report; `item1Final` is 行政运行's final figure as the narrative states it (the table
    /// prints 1,511.89), `item3Reason` what follows 信息化建设's statement of direction.
    static func report(item1Final: String = "1511.89", item3Reason: String = "的主要原因：系统项目进度调整") -> String {
        """
        上海市普陀区某某局2024年度部门决算

        部门决算单位构成
        本部门决算包括本部及下属 1 家单位，具体包括：
        1. 上海市普陀区某某局（本部）。
        2. 上海市普陀区某某事务中心。

        支出决算表
        单位：万元
        科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出
        类\t款\t项\t\t\t\t
        201\t\t\t一般公共服务支出\t1,657.14\t1,511.89\t145.25
        \t06\t\t财政事务\t1,657.14\t1,511.89\t145.25
        \t\t01\t行政运行\t1,511.89\t1,511.89\t
        \t\t02\t一般行政管理事务\t10.00\t\t10.00
        \t\t07\t信息化建设\t135.25\t\t135.25
        210\t\t\t卫生健康支出\t60.99\t60.99\t
        \t11\t\t行政事业单位医疗\t60.99\t60.99\t
        \t\t01\t行政单位医疗\t60.99\t60.99\t
        合计\t\t\t\t1,718.13\t1,572.88\t145.25

        一般公共预算财政拨款支出决算表
        单位：万元
        科目编码\t\t\t科目名称\t年初预算数\t决算数
        类\t款\t项\t\t\t
        201\t\t\t一般公共服务支出\t1,705.95\t1,657.14
        \t06\t\t财政事务\t1,705.95\t1,657.14
        \t\t01\t行政运行\t1,560.05\t1,511.89
        \t\t02\t一般行政管理事务\t10.00\t10.00
        \t\t07\t信息化建设\t135.90\t135.25
        合计\t\t\t\t1,705.95\t1,657.14

        财政拨款“三公”经费支出决算表
        单位：万元
        合计\t\t因公出国（境）费\t\t公务接待费\t
        预算数\t决算数\t预算数\t决算数\t预算数\t决算数
        0.95\t0.50\t0.00\t0.00\t0.95\t0.50

        上海市普陀区某某局2024年度部门决算情况说明
        一、一般公共预算财政拨款支出决算情况说明
        一般公共预算财政拨款支出年初预算为1705.95万元，支出决算为1657.14万元，完成年初预算的97.14%。决算数小于预算数的主要原因：人员变化。其中：
        1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：基本支出。年初预算为 1560.05 万元，支出决算为\(item1Final)万元。决算数小于预算数的主要原因：人员进出及退休变化。
        2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：业务指导。年初预算为 10.00 万元，支出决算为10.00万元。决算数与预算数基本持平。
        3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：系统维护。年初预算为135.90万元，支出决算为135.25万元。决算数小于预算数\(item3Reason)。
        4、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：医疗保险。年初预算为62.29万元，支出决算为60.99万元。决算数小于预算数的主要原因：缴费基数调整。
        5、城乡社区支出（类）城乡社区管理事务（款）城管执法（项）。年初预算为8.00万元，支出决算为7.50万元。决算数小于预算数的主要原因：项目调整。
        二、财政拨款“三公”经费支出决算情况说明
        “三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.50万元，完成预算的52.63%，其中：因公出国（境）费决算为0.00万元；公务接待费支出决算为0.50万元，完成预算的52.63%。决算数小于预算数的主要原因：厉行节约。

        """
    }

    static let agreeing: StagesRun = try! StagesRun(text: report())

    /// The line of the narrative that starts with `prefix`.
    static func line(_ prefix: String, in run: StagesRun) throws -> Int {
        let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    /// `年初预算为 1560.05 万元，支出决算为1511.89万元` of `…行政运行（项）`: the budget against the
    /// 年初预算数 cell of 2010601 in 一般公共预算财政拨款支出决算表, the final figure against its 决算数
    /// cell, each claim carrying the phase its words name.
    @Test func eachAmountIsCheckedAgainstTheCellOfItsPhase() throws {
        let run = Self.agreeing
        let line = try Self.line("1、", in: run)
        let claims = run.normalized.claims.filter { $0.line == line }
        #expect(claims.map(\.phase) == ["budget", "final"])
        #expect(claims.map(\.subject.classification) == Array(repeating: ["一般公共服务支出", "财政事务", "行政运行"], count: 2))
        let checks = run.checks("narrative").filter { $0.lines.contains(line) && $0.id.hasPrefix("narrative:\(line):") }
        #expect(checks.map(\.status) == [.pass, .pass], "\(checks.map(\.message))")
        #expect(checks.map(\.expected) == [ExactDecimal("1560.05"), ExactDecimal("1511.89")])
        #expect(checks[0].location.hasSuffix("2010601 行政运行 | 年初预算数"), "\(checks[0].location)")
        #expect(checks[1].location.hasSuffix("2010601 行政运行 | 决算数"), "\(checks[1].location)")
    }

    /// The statement of the total and of “三公”经费 and its parts: totals and parts in the columns
    /// of their phase, and each completion rate recomputed from the two cells.
    @Test func totalsThreePublicPartsAndRatesAreCheckedInTheirPhase() throws {
        let run = Self.agreeing
        let total = try Self.line("一般公共预算财政拨款支出年初预算为", in: run)
        let totalChecks = run.checks("narrative").filter { $0.id.hasPrefix("narrative:\(total):") }
        #expect(totalChecks.map(\.status) == [.pass, .pass, .pass], "\(totalChecks.map(\.message))")
        #expect(totalChecks[0].location.hasSuffix("合计 | 年初预算数"))
        #expect(totalChecks[1].location.hasSuffix("合计 | 决算数"))
        // 1,657.14 / 1,705.95 is 97.14%.
        #expect(totalChecks[2].expected == ExactDecimal("97.14") && totalChecks[2].message.contains("as stated"))

        let three = try Self.line("“三公”经费财政拨款支出年初预算为", in: run)
        let threeChecks = run.checks("narrative").filter { $0.id.hasPrefix("narrative:\(three):") }
        #expect(threeChecks.allSatisfy { $0.status == .pass }, "\(threeChecks.map(\.message))")
        #expect(threeChecks.map(\.location).contains { $0.hasSuffix("合计 / 预算数") })
        #expect(threeChecks.map(\.location).contains { $0.hasSuffix("因公出国（境）费 / 决算数") })
        #expect(threeChecks.map(\.location).contains { $0.hasSuffix("公务接待费 / 决算数") })
        // Two rates (the total's, 公务接待费's), each final over budget.
        #expect(threeChecks.filter { $0.location.contains(" rate = ") }.count == 2)
        #expect(!run.reconciled.checks.contains { $0.status == .fail || $0.status == .warn },
                "\(run.reconciled.checks.filter { $0.status == .fail || $0.status == .warn }.map(\.message))")
    }

    /// 1511.98 for the table's 1,511.89: the final figure fails against the 决算数 cell, while the
    /// budget of the same line still passes.
    @Test func aFinalFigureThatDisagreesWithItsCellFails() throws {
        let run = try StagesRun(text: Self.report(item1Final: "1511.98"))
        let line = try Self.line("1、", in: run)
        let checks = run.checks("narrative").filter { $0.id.hasPrefix("narrative:\(line):") }
        #expect(checks.map(\.status) == [.pass, .fail])
        let wrong = checks[1]
        #expect(wrong.expected == ExactDecimal("1511.89") && wrong.actual == ExactDecimal("1511.98"))
        #expect(wrong.location.hasSuffix("| 决算数") && wrong.message.contains("1511.98"))
        #expect(wrong.lines.contains(line))
    }

    /// `决算数小于预算数。` with no reason, where the report's other statements give theirs: a
    /// warning naming the line; with the reason, a pass that quotes it.
    @Test func aDifferenceWithoutItsReasonWarns() throws {
        let given = Self.agreeing
        let line = try Self.line("3、", in: given)
        let reason = try #require(given.check("completion:\(line):reason"))
        #expect(reason.status == .pass)
        #expect(reason.message.contains("系统项目进度调整"))
        #expect(given.normalized.completions?.first { $0.line == line }?.reason == "系统项目进度调整")
        // 10.00 against 10.00 differs by nothing: no reason is asked for.
        let equal = try Self.line("2、", in: given)
        #expect(given.check("completion:\(equal):reason") == nil)

        let missing = try StagesRun(text: Self.report(item3Reason: ""))
        let warning = try #require(missing.check("completion:\(line):reason"))
        #expect(warning.status == .warn)
        #expect(warning.lines == [line])
        #expect(warning.message.contains("Line \(line)") && warning.message.contains("no reason"))
        #expect(missing.checks("completion").filter { $0.status == .warn }.count == 1)
    }

    /// A report that gives no reason anywhere has no template asking for them: no check.
    @Test func aReportThatNeverGivesReasonsIsNotAskedForThem() throws {
        let text = Self.report(item3Reason: "").replacingOccurrences(of: #"的主要原因：[^。]*"#, with: "", options: .regularExpression)
        let run = try StagesRun(text: text)
        #expect(run.normalized.completions?.allSatisfy { $0.reason == nil } == true)
        #expect(!run.checks("completion").contains { $0.id.hasSuffix(":reason") })
    }

    /// `城管执法（项）` is in no table: both its figures are `unverified`, saying so. `行政单位医疗（项）`
    /// is printed only in 支出决算表, whose columns name no phase (in a 决算, final figures): its
    /// final figure passes there, its budget is `unverified` naming that table.
    @Test func aSubjectNoTableHoldsInThatPhaseIsUnverifiedWithTheReason() throws {
        let run = Self.agreeing
        let absent = try Self.line("5、", in: run)
        let unknown = run.checks("narrative").filter { $0.id.hasPrefix("narrative:\(absent):") }
        #expect(unknown.count == 2)
        #expect(unknown.allSatisfy { $0.status == .unverified && $0.message.contains("No table of the report holds") })

        let elsewhere = try Self.line("4、", in: run)
        let checks = run.checks("narrative").filter { $0.id.hasPrefix("narrative:\(elsewhere):") }
        #expect(checks.map(\.status) == [.unverified, .pass], "\(checks.map(\.message))")
        #expect(checks[0].message.contains("no column of its budget figures"))
        #expect(checks[0].table == "x1")
        #expect(checks[1].location.hasSuffix("2101101 行政单位医疗 | 合计"))
    }

    /// The template of report 003 states the adjusted budget (`全年预算为…`, `完成全年预算数的…`): it
    /// is compared with the 调整预算数 column, and the rate with 决算数 over it.
    @Test func anAdjustedBudgetIsComparedWithTheAdjustedColumn() throws {
        let text = """
            上海市某某部2024年度部门决算

            一般公共预算财政拨款支出决算表
            单位：万元
            科目编码\t\t\t科目名称\t年初预算数\t调整预算数\t决算数
            类\t款\t项\t\t\t\t
            201\t\t\t一般公共服务支出\t0.00\t52.00\t51.32
            \t36\t\t社会工作事务\t0.00\t52.00\t51.32
            \t\t01\t行政运行\t0.00\t52.00\t51.32
            合计\t\t\t\t0.00\t52.00\t51.32

            1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：人员支出。全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。决算数小于全年预算数的主要原因：人员变动。

            """
        let run = try StagesRun(text: text)
        let line = try Self.line("1、", in: run)
        #expect(run.normalized.claims.map(\.phase) == ["adjusted", "final", "adjusted"])
        let checks = run.checks("narrative")
        #expect(checks.map(\.status) == [.pass, .pass, .pass], "\(checks.map(\.message))")
        #expect(checks[0].location.hasSuffix("| 调整预算数") && checks[1].location.hasSuffix("| 决算数"))
        // 51.32 / 52.00 is 98.69%.
        #expect(checks[2].expected == ExactDecimal("98.69"))
        let completion = try #require(run.normalized.completions?.first)
        #expect(completion.line == line && completion.budget.value == ExactDecimal("52.00") && completion.stated == "less")
        #expect(run.checks("completion").allSatisfy { $0.status == .pass })
    }

    /// facts.csv carries each fact's phase (empty where the header names none), report.xml each
    /// column's phase and the department's units.
    @Test func theExportsCarryPhasesAndUnits() throws {
        let run = Self.agreeing
        #expect(run.normalized.metadata.units == ["上海市普陀区某某局（本部）", "上海市普陀区某某事务中心"])
        let facts = CSVTestReader.rows(FactsCSV.write(reportID: "r", metadata: run.normalized.metadata, tables: run.normalized.tables,
                                                      byteOrderMark: false).data)
        let general = facts.filter { $0["table_kind"] == "general-budget-expenditure-by-function" && $0["code"] == "2010601" }
        #expect(general.map { $0["column"]! } == ["年初预算数", "决算数"])
        #expect(general.map { $0["phase"]! } == ["budget", "final"])
        #expect(facts.filter { $0["table_kind"] == "expenditure-summary" }.allSatisfy { $0["phase"] == "" })
        let three = facts.filter { $0["table_kind"] == "three-public-expenditure" }
        #expect(three.map { $0["phase"]! } == ["budget", "final", "budget", "final", "budget", "final"])
    }
}
