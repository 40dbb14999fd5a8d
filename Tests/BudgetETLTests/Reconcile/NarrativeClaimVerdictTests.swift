import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile

/// Every figure the sample's narrative states gets a verdict of its own in checks.csv: checked
/// against the tables, or `unverified` saying why it cannot be.
@Suite struct NarrativeClaimVerdictTests {
    static func verdictID(_ claim: NarrativeClaim) -> String {
        "narrative:\(claim.line):\(LabelKey.of(claim.subject.label))"
    }

    @Test func everyClaimOfTheSampleHasAVerdict() {
        let claims = SampleReport.normalized.claims
        let checks = Dictionary(SampleReport.reconciled.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // 48 amounts, shares and counts ending their clause, 4 statements of none (没有使用…), and 1
        // count of projects (1 个二级项目).
        #expect(claims.count == 53)
        #expect(claims.filter(\.statesNone).count == 4)
        var missing: [String] = []
        for claim in claims {
            guard let check = checks[Self.verdictID(claim)] else {
                missing.append("line \(claim.line) \(claim.subject.label) \(claim.amount.raw)")
                continue
            }
            #expect(check.lines.contains(claim.line), "\(check.id)")
            #expect(check.status == .pass || check.status == .unverified, "\(check.id): \(check.message)")
        }
        #expect(missing.isEmpty, "claims without a verdict: \(missing)")
    }

    /// What no table of the sample holds: the assets (as of 2023), the procurement budget, the
    /// unit's departments, and two statements of none whose subject has no table.
    @Test func whatNoTableHoldsIsUnverifiedWithTheReason() {
        let unverified = SampleReport.reconciled.checks.filter { $0.status == .unverified }
        #expect(unverified.allSatisfy { $0.rule == "narrative" && !$0.message.isEmpty && $0.table == nil })
        let labels = unverified.map { String($0.location.split(separator: " ", maxSplits: 2)[2]) }
        #expect(labels == ["武汉市人力资源和社会保障信息中心内设机构", "机关运行经费拨款安排的支出", "政府采购预算支出合计", "服务类",
                           "政府购买服务预算拨款安排的支出", "国有资产", "一般公务用车", "单价100万元(含)以上设备"], "\(labels)")
        let assets = unverified.first { $0.location == "line 558 国有资产" }
        #expect(assets?.message.contains("国有资产 for 2023 (1729.25 万元)") == true, "\(assets?.message ?? "")")
        let none = unverified.first { $0.location.hasSuffix("机关运行经费拨款安排的支出") }
        #expect(none?.message.hasPrefix("No table of the report holds 机关运行经费拨款安排的支出") == true)
    }

    @Test func theSamplesStatementsOfNonePassAgainstTheirEmptyTables() throws {
        for (line, label, table) in [(530, "政府性基金预算拨款安排的支出", "8"), (534, "国有资本经营预算拨款安排的支出", "9")] {
            let check = try #require(SampleReport.run.check("narrative:\(line):\(label)"))
            #expect(check.status == .pass && check.table == table, "\(check.id): \(check.message)")
        }
        let count = try #require(SampleReport.run.check("narrative:562:二级项目支出绩效目标"))
        #expect(count.status == .pass && count.table == "10" && count.actual == decimal("1"), "\(count.message)")
    }

    /// 项目支出's 一般公共预算本年拨款 misprinted (388.76 for 383.76): a claim that went unchecked is
    /// now a failure naming 表10's column.
    @Test func aMisprintedSourceOfTheProjectsFundsFails() throws {
        var lines = SampleReport.text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("其中：一般公共预算本年拨款 383.76 万元") })
        lines[index] = lines[index].replacingOccurrences(of: "本年拨款 383.76", with: "本年拨款 388.76")
        let run = try StagesRun(text: lines.joined(separator: "\n"))
        let failed = run.reconciled.checks.filter { $0.status == .fail }
        #expect(failed.map(\.id) == ["narrative:\(index + 1):一般公共预算本年拨款"], "\(failed.map(\.message))")
        #expect(failed.first?.table == "10")
        #expect(failed.first?.message.contains("表10 合计 | 本年拨款 / 一般公共预算 is 383.76") == true, "\(failed.first?.message ?? "")")
    }
}
