import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// Which total a 决算 narrative names, and what a carry-over row lists under it: in the style of
/// the Shanghai 决算 reports of `../shared/corpus/pdf/001_*` and `002_*`, whose 收入支出决算总表
/// prints 本年收入合计 (this year's income) above 总计 (with the carry-over), and whose narrative
/// names each (`收入支出总计`, `占本年支出合计的100.00%`).
@Suite struct FinalAccountsTotalsTests {
    static let report = """
        上海市普陀区某某局2024年度部门决算

        收入支出决算总表
        单位：万元
        收入\t\t支出\t
        项目\t决算数\t项目\t决算数
        一、一般公共预算财政拨款收入\t1,000.00\t一、一般公共服务支出\t1,000.00
        本年收入合计\t1,000.00\t本年支出合计\t1,000.00
        年初结转和结余\t20.00\t年末结转和结余\t20.00
        总计\t1,020.00\t总计\t1,020.00

        财政拨款收入支出决算总表
        单位：万元
        收入\t\t支出\t
        项目\t决算数\t项目\t决算数
        一、一般公共预算财政拨款\t1,000.00\t一、一般公共服务支出\t1,000.00
        本年收入合计\t1,000.00\t本年支出合计\t1,000.00
        年初财政拨款结转和结余\t20.00\t年末财政拨款结转和结余\t20.00
        一、一般公共预算财政拨款\t15.00\t\t
        二、政府性基金预算财政拨款\t5.00\t\t
        总计\t1,020.00\t总计\t1,020.00

        一般公共预算财政拨款支出决算表
        单位：万元
        科目编码\t\t\t科目名称\t年初预算数\t决算数
        类\t款\t项\t\t\t
        201\t\t\t一般公共服务支出\t1,010.00\t1,000.00
        \t06\t\t财政事务\t1,010.00\t1,000.00
        \t\t01\t行政运行\t1,010.00\t1,000.00
        合计\t\t\t\t1,010.00\t1,000.00

        财政拨款“三公”经费支出决算表
        单位：万元
        合计\t\t因公出国（境）费\t\t公务接待费\t
        预算数\t决算数\t预算数\t决算数\t预算数\t决算数
        0.95\t0.50\t0.00\t0.00\t0.95\t0.50

        上海市普陀区某某局2024年度部门决算情况说明
        一、收入支出决算总体情况说明
        上海市普陀区某某局2024年度收入支出总计1,020.00万元。
        二、一般公共预算财政拨款支出决算情况说明
        一般公共预算财政拨款支出1,000.00万元，占本年支出合计的100.00%。
        三、财政拨款“三公”经费支出决算情况说明
        “三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；公务接待费支出决算0.50万元，占100.00%。

        """

    static let run: StagesRun = try! StagesRun(text: report)

    static func checks(onLineStarting prefix: String) throws -> [CheckResult] {
        let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
        return run.checks("narrative").filter { $0.id.hasPrefix("narrative:\(line):") }
    }

    /// `收入支出总计` is the 收支总表's 总计 (1,020.00, with the carry-over), not its 本年收入合计.
    @Test func theIncomeAndExpenditureGrandTotalIsTheTotalWithCarryOver() throws {
        let checks = try Self.checks(onLineStarting: "上海市普陀区某某局2024年度收入支出总计")
        #expect(checks.map(\.status) == [.pass], "\(checks.map(\.message))")
        #expect(checks.first?.expected == ExactDecimal("1020.00"))
        #expect(checks.first?.location.contains("总计") == true)
    }

    /// `占本年支出合计的100.00%`: the share of the total it names (本年支出合计, 1,000.00), not of the
    /// report's grand total (1,020.00, which would make it 98.04%).
    @Test func aShareOfANamedTotalIsTakenOfThatTotal() throws {
        let share = try #require(try Self.checks(onLineStarting: "一般公共预算财政拨款支出1,000.00").first { $0.id.hasSuffix(":share") })
        #expect(share.status == .pass, "\(share.message)")
        #expect(share.message.contains("of 1000.00"))
    }

    /// `“三公”经费财政拨款支出决算中，…公务接待费支出决算0.50万元，占100.00%`: a “三公” part's share is
    /// of the “三公” total (0.50), not of the last total stated (1,000.00).
    @Test func aThreePublicPartsShareIsOfTheThreePublicTotal() throws {
        let shares = try Self.checks(onLineStarting: "“三公”经费财政拨款支出决算中").filter { $0.id.hasSuffix(":share") }
        #expect(shares.count == 2)
        #expect(shares.allSatisfy { $0.status == .pass && $0.message.contains("of 0.50") }, "\(shares.map(\.message))")
    }

    /// The parts a carry-over row lists under it (`年初财政拨款结转和结余` over `一、一般公共预算财政拨款`,
    /// `二、…`) are its breakdown: 总计 is 本年收入合计 plus the carry-over row, and the row the sum of
    /// its parts.
    @Test func aCarryOverRowsPartsAreItsBreakdown() {
        let paired = Self.run.checks("paired")
        #expect(!paired.isEmpty && paired.allSatisfy { $0.status == .pass }, "\(paired.filter { $0.status != .pass }.map(\.message))")
        #expect(paired.contains { $0.message.isEmpty && $0.location.contains("总计") && $0.expected == ExactDecimal("1020.00") })
        #expect(paired.contains { $0.location.contains("年初财政拨款结转和结余") && $0.expected == ExactDecimal("20.00") })
        #expect(!Self.run.reconciled.checks.contains { $0.status == .fail || $0.status == .warn },
                "\(Self.run.reconciled.checks.filter { $0.status == .fail || $0.status == .warn }.map(\.message))")
    }
}
