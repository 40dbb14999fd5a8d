import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// The reconciler on the sample report: the identities it keeps pass, what it lacks is named.
@Suite struct ReconcileSampleTests {
    let result = SampleReport.reconciled

    func checks(_ rule: String) -> [CheckResult] { result.checks.filter { $0.rule == rule } }

    @Test func noCheckFailsOnTheUnchangedSample() {
        #expect(result.summary.fail == 0, "\(result.checks.filter { $0.status == .fail }.map(\.message))")
        #expect(result.summary == CheckSummary(counting: result.checks))
        #expect(result.summary.pass + result.summary.warn + result.summary.unverified == result.checks.count)
    }

    /// Every identity passes; the narrative's claims that no table holds are `unverified`, each
    /// saying so (`NarrativeClaimVerdictTests` names them).
    @Test(arguments: ["hierarchy", "header-sum", "paired", "cross-table", "narrative", "breakdown"])
    func identitiesOfTheTablesAllPass(rule: String) {
        let found = checks(rule)
        #expect(!found.isEmpty)
        for check in found {
            let unverifiedClaim = rule == "narrative" && check.status == .unverified && !check.message.isEmpty
            #expect(check.status == .pass || unverifiedClaim, "\(check.id): \(check.message)")
        }
    }

    /// Every rule but `completion`, which checks 决算 statements a 预算 has none of (its own test:
    /// `ShanghaiFamilyTests.finalAccountsStatementsOfCompletionAreChecked`).
    @Test func everyRuleRuns() {
        #expect(Set(result.checks.map(\.rule)) == Set(Reconciler.ruleIDs).subtracting([CompletionRule.id]))
    }

    @Test func table2IsReportedMissing() throws {
        let missing = result.checks.filter { $0.rule == "completeness" && $0.status != .pass }
        #expect(missing.count == 1)
        let check = try #require(missing.first)
        #expect(check.table == "2")
        #expect(check.status == .warn)
        #expect(check.message.contains("表2 收入总表"))
        #expect(check.lines == [59])
        #expect(checks("completeness").filter { $0.status == .pass }.contains { $0.id == "completeness:8:note" })
    }

    @Test func costBasesThatDisagreeWithTheirAmountsWarnNamingTheRow() {
        let warnings = checks("arithmetic").filter { $0.status == .warn }
        let named: [(line: Int, row: String)] = [
            (416, "短信通讯费"), (417, "事业单位人事管理系统"), (418, "合同人员经费"), (419, "电费"), (420, "其他零星支出"), (421, "应用系统国产化改造"),
        ]
        for (line, row) in named {
            let found = warnings.filter { $0.lines.contains(line) }
            #expect(!found.isEmpty, "no warning for line \(line)")
            for check in found {
                #expect(check.table == "12.2")
                #expect(check.location.contains(row) && check.message.contains(row) && check.message.contains("line \(line)"))
            }
        }
        #expect(Set(warnings.flatMap(\.lines)) == Set(named.map(\.line)))
        // 8.31万元 × 8 is 66.48, not 65.38; and 65.38 + 1.34 is not 67.86.
        let labour = warnings.filter { $0.lines == [418] }
        #expect(labour.count == 2)
        #expect(labour.contains { $0.expected == decimal("66.48") && $0.actual == decimal("65.38") })
        #expect(labour.contains { $0.expected == decimal("66.72") && $0.actual == decimal("67.86") })
    }

    /// Line 416: `社保中心发送短信70万条、失业办10万条、信访处近20万条，其他部门30万条。每条0.06元。`
    /// against a 金额 of 8: 130万条 × 0.06 元 is 7.8 万元; 近20万条 widens the band by 0.12 only.
    @Test func countsAtOneRateAreMultipliedOut() throws {
        let messages = try #require(checks("arithmetic").first { $0.lines == [416] })
        #expect(messages.id == "arithmetic:12.2:短信通讯费:basis")
        #expect(messages.status == .warn)
        #expect(messages.expected == decimal("7.8") && messages.actual == decimal("8"))
        #expect(messages.tolerance == decimal("0.125"))
        #expect(messages.message.contains("(70万条 + 10万条 + 近20万条 + 30万条) × 每条0.06元"))
        #expect(messages.message.contains("approximate count 近20万条"))
    }

    /// 表11.1 prints 100% on every 占比 line: the three expenditure lines (63.14%, 5.12%, 31.74%
    /// of 1,209.02) warn, each naming its row and line; 财政拨款 (all the income) and the totals pass.
    @Test func sharesPrintedAsAHundredPercentWarnLineByLine() {
        let shares = checks("share")
        #expect(shares.count == 6)
        let warned = shares.filter { $0.status == .warn }
        #expect(warned.map(\.lines) == [[349, 352], [350, 352], [351, 352]])
        #expect(warned.map(\.expected) == ["63", "5", "32"].map(decimal))
        #expect(warned.allSatisfy { $0.actual == decimal("100") && $0.table == "11.1" && $0.location.hasSuffix("| 占比") })
        #expect(warned.map { $0.message.contains("63.14%") || $0.message.contains("5.12%") || $0.message.contains("31.74%") }
            == [true, true, true])
        #expect(shares.filter { $0.status == .pass }.map(\.lines) == [[345, 348], [348], [352]])
    }

    @Test func costBasesThatAgreePassAndRoundingIsNoted() throws {
        let arithmetic = checks("arithmetic")
        let lease = try #require(arithmetic.first { $0.lines == [409] })
        #expect(lease.status == .pass)
        #expect(lease.difference == decimal("0.000008"))
        #expect(lease.message.contains("within the rounding"))
        let electricity = try #require(arithmetic.first { $0.lines == [419] && $0.id.hasSuffix("expression1") })
        #expect(electricity.status == .pass, "1.1万元*12个月=13.2万元 is right")
        let total = try #require(arithmetic.first { $0.lines == [417] && $0.id.hasSuffix("total1") })
        #expect(total.status == .pass, "4.5 + 3 + 10.5 + 10.5 + 19.5 + 1.5 = 49.5")
        #expect(!arithmetic.contains { $0.lines == [415] }, "1300万市民 counts people: no amount")
    }

    @Test func breakdownSumsTheEstimateToTheProjectBudget() throws {
        let check = try #require(checks("breakdown").first)
        #expect(check.table == "12.2")
        #expect(check.expected == decimal("383.76"))
        #expect(check.actual == decimal("383.76"))
        #expect(check.tolerance == decimal("0.070"), "14 figures at 2 decimals: 0.005 × 14")
    }

    @Test func hierarchyCoversEveryCodedTreeAndTheFormGrids() {
        let ids = Set(checks("hierarchy").map(\.id))
        for id in ["hierarchy:5-1:20801:合计", "hierarchy:5-1:合计:基本支出 / 人员经费", "hierarchy:6:302:本年一般公共预算基本支出 / 合计",
                   "hierarchy:5-2:503:合计", "hierarchy:10:420100225030030000105:合计", "hierarchy:11.1:合计:近两年收支金额 / 2022年",
                   "hierarchy:12.1:合计:金额"] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    @Test func headerSumsComeFromTheHeaderStructure() {
        let ids = Set(checks("header-sum").map(\.id))
        for id in ["header-sum:5-1:20801:合计", "header-sum:5-1:20801:基本支出 / 小计", "header-sum:3:合计:合计",
                   "header-sum:6:30101:本年一般公共预算基本支出 / 合计", "header-sum:7:row1:“三公”经费合计",
                   "header-sum:7:row1:公务用车购置及运行费 / 小计", "header-sum:10:503:合计"] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    @Test func crossTableCoversTheIdentitiesTheIssueNames() {
        let found = checks("cross-table")
        func has(_ text: String) -> Bool { found.contains { $0.id.contains(text) } }
        #expect(has("general-budget:5-2"))
        #expect(has("expenditure:3"))
        #expect(has("expenditure:11.1"))
        #expect(has("2080150:基本支出:5-1"), "表3 and 表5-1 by code and column path")
        #expect(has("category:社会保障和就业支出:3"))
        #expect(has("three-public:30217") && has("three-public:30231"))
        #expect(has("personnel:6:301+303"), "表6 人员经费 = 301 + 303")
        #expect(has("public-funds:6:302"), "表6 公用经费 = 302")
        #expect(has("all-funds-projects:10") && has("projects:10"), "the project table against the 项目支出 columns")
        #expect(has("personnel:11.1") && has("public-funds:11.1") && has("all-funds-projects:11.1"))
        #expect(has("project:日常系统运行经费:current:11.2") && has("project:日常系统运行经费:total:12"))
        #expect(has("procurement:密码应用安全性评估:12.3"))
    }

    @Test func narrativeComparesAmountsSharesChangesAndThePreviousYear() throws {
        let found = checks("narrative")
        let total = try #require(found.first { $0.id == "narrative:460:收支总预算:previous-year" })
        #expect(total.actual == decimal("1236.74"))
        #expect(total.table == "11.1")
        let percent = try #require(found.first { $0.id == "narrative:460:收支总预算:change" })
        #expect(percent.actual == decimal("2.24") && percent.difference?.isZero == true)
        let share = try #require(found.first { $0.id == "narrative:468:基本支出:share" })
        #expect(share.expected == decimal("68.26"))
        #expect(found.contains { $0.id == "narrative:524:公务用车运行维护费" })
        #expect(found.contains { $0.id.hasPrefix("narrative:486:") && $0.table == "5-1" }, "a 类/款/项 path finds its row")
    }

    @Test func checkIdsAreUniqueAndStable() {
        let ids = result.checks.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Reconciler.reconcile(SampleReport.normalized) == result)
        for check in result.checks {
            #expect(check.id.hasPrefix(check.rule + ":"))
            #expect(!check.location.isEmpty)
            // Only a check that holds exactly goes without a sentence.
            let exact = check.status == .pass && check.difference.map { $0.isZero } == true
            #expect(exact || !check.message.isEmpty, "\(check.id)")
        }
    }

    /// What the stage writes (`04-reconcile/checks.csv`) reads back as the checks it made.
    @Test func reconcileFileReadsBack() throws {
        let data = ChecksCSV.write(reportID: "sample", checks: result.checks)
        #expect(try ChecksCSV.read(data) == result.checks)
    }
}
