import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// Small hand-built reports in the sample's layout, each just big enough to exercise one rule:
/// a title line, optionally a 目录 promising tables, tables (caption `表N`, title, `单位：万元`,
/// header rows and body rows, cells separated by TABs) and a 第三部分 narrative.
enum MiniReport {
    static let unitName = "临江市规则测试中心"

    /// The report's text: the title line (unit, 2025, 单位预算), then `parts`, a blank line between each.
    static func text(_ parts: String...) -> String {
        (["", "\(unitName) 2025 年单位预算"] + parts).joined(separator: "\n\n") + "\n"
    }

    /// A 目录 and the 第二部分 list of tables it promises: `(id, title)`.
    static func contents(_ tables: [(id: String, title: String)]) -> String {
        let list = tables.map { "表 \($0.id). \($0.title)" }.joined(separator: "\n")
        return """
            目 录

            第一部分 \(unitName)概况

            第二部分 \(unitName) 2025 年单位预算表

            第三部分 \(unitName) 2025 年单位预算情况说明

            第二部分 \(unitName)

            2025 年单位预算表

            \(list)
            """
    }

    /// A table: caption, title, unit lines, then header and body rows (cells joined by TABs) and notes.
    static func table(_ id: String, _ title: String, header: [[String]], rows: [[String]], notes: [String] = []) -> String {
        var parts = ["表\(id)", title, "单位：\(unitName)", "单位：万元", (header + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n")]
        parts += notes
        return parts.joined(separator: "\n\n")
    }

    /// The 第三部分 情况说明: its heading, then each paragraph under a numbered section heading.
    static func narrative(_ paragraphs: String...) -> String {
        let numbers = ["一", "二", "三", "四", "五", "六"]
        var parts = ["第三部分 \(unitName) 2025 年单位预算情况说明"]
        for (index, paragraph) in paragraphs.enumerated() {
            parts.append("\(numbers[index])、预算安排情况")
            parts.append(paragraph)
        }
        return parts.joined(separator: "\n\n")
    }

    /// The number of the first line of `text` that starts with `prefix`.
    static func line(_ prefix: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            Issue.record("no line starts with \(prefix)")
            return 0
        }
        return index + 1
    }

    /// Runs the stages; a report that fails to extract is a failed test, not a crash.
    static func run(_ text: String, options: ReconcileOptions = ReconcileOptions()) throws -> StagesRun {
        try StagesRun(text: text, reconcile: options)
    }

    /// Every check's id, status and message, for a failure message.
    static func dump(_ run: StagesRun) -> String {
        run.reconciled.checks.map { "\($0.id) [\($0.status.rawValue)] \($0.message)" }.joined(separator: "\n")
    }
}

/// How a check should come out: equal, off by no more than rounding (and saying so), or off
/// by more, with the status the rule reports such a miss with.
enum Outcome: Sendable, CustomTestStringConvertible {
    case exact
    case withinRounding
    case beyond(CheckStatus)

    var testDescription: String {
        switch self {
        case .exact: "exact"
        case .withinRounding: "within rounding"
        case .beyond(let status): "beyond rounding (\(status.rawValue))"
        }
    }

    /// Expects `check` to exist, to be about `table`, and to have come out as `self`; a miss must
    /// carry expected, actual and difference, and a message naming every one of `names`.
    func verify(_ check: CheckResult?, table: String?, names: [String], in run: StagesRun,
                sourceLocation: SourceLocation = #_sourceLocation) {
        guard let check else {
            Issue.record("check not found among:\n\(MiniReport.dump(run))", sourceLocation: sourceLocation)
            return
        }
        #expect(check.table == table, "\(check.id)", sourceLocation: sourceLocation)
        #expect(!check.location.isEmpty, sourceLocation: sourceLocation)
        switch self {
        case .exact:
            #expect(check.status == .pass, "\(check.message)", sourceLocation: sourceLocation)
            #expect(check.difference?.isZero ?? true, "\(check.message)", sourceLocation: sourceLocation)
            #expect(!check.message.contains("rounding"), "\(check.message)", sourceLocation: sourceLocation)
        case .withinRounding:
            #expect(check.status == .pass, "\(check.message)", sourceLocation: sourceLocation)
            #expect(check.difference.map { !$0.isZero } == true, "\(check.message)", sourceLocation: sourceLocation)
            if let difference = check.difference, let tolerance = check.tolerance {
                #expect(difference.abs <= tolerance, sourceLocation: sourceLocation)
            }
            #expect(check.message.contains("within") && check.message.contains("rounding"), "\(check.message)",
                    sourceLocation: sourceLocation)
        case .beyond(let status):
            #expect(check.status == status, "\(check.message)", sourceLocation: sourceLocation)
            guard let expected = check.expected, let actual = check.actual, let difference = check.difference else {
                Issue.record("\(check.id) lacks expected, actual or difference", sourceLocation: sourceLocation)
                return
            }
            #expect(difference == actual - expected, "\(check.id)", sourceLocation: sourceLocation)
            if let tolerance = check.tolerance {
                #expect(difference.abs > tolerance, "\(check.id)", sourceLocation: sourceLocation)
            }
            for name in names {
                #expect(check.message.contains(name), "\(check.message) does not name \(name)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// The two shapes every rule's tests share, written once so each test states only its report,
/// its check and what it expects.
extension MiniReport {
    /// Runs `text` and expects the check `id` to have come out as `outcome` (see `Outcome.verify`),
    /// with the figures given (nil: not compared); returns the run for the test's own expectations.
    @discardableResult
    static func expect(_ outcome: Outcome, check id: String, of text: String, options: ReconcileOptions = ReconcileOptions(),
                       table: String?, names: [String], actual: ExactDecimal? = nil, expected: ExactDecimal? = nil,
                       tolerance: ExactDecimal? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> StagesRun {
        let run = try run(text, options: options)
        let check = run.check(id)
        outcome.verify(check, table: table, names: names, in: run, sourceLocation: sourceLocation)
        if let actual { #expect(check?.actual == actual, "actual", sourceLocation: sourceLocation) }
        if let expected { #expect(check?.expected == expected, "expected", sourceLocation: sourceLocation) }
        if let tolerance { #expect(check?.tolerance == tolerance, "tolerance", sourceLocation: sourceLocation) }
        return run
    }

    /// Expects every check of `rule` in `run` to have come out exact, about `table` (nil: each
    /// check's own), and the run to have neither a failure nor a warning; returns the checks.
    @discardableResult
    static func expectAllExact(_ rule: String, in run: StagesRun, table: String? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) -> [CheckResult] {
        let checks = run.checks(rule)
        for check in checks {
            Outcome.exact.verify(check, table: table ?? check.table, names: [], in: run, sourceLocation: sourceLocation)
        }
        #expect(run.reconciled.summary.fail == 0 && run.reconciled.summary.warn == 0, "\(dump(run))", sourceLocation: sourceLocation)
        return checks
    }
}

extension Outcome {
    /// The cases every rule is tried on for a figure printed to the cent whose right value is
    /// `exact`: itself (exact), a cent either side (within rounding), two cents over and `far`
    /// (beyond, reported as `status`): where rounding ends, found from both sides.
    static func cents(around exact: String, far: String, beyond status: CheckStatus) -> [(String, Outcome)] {
        let value = decimal(exact), cent = decimal("0.01")
        return [
            (exact, .exact), ((value + cent).description, .withinRounding), ((value - cent).description, .withinRounding),
            ((value + cent + cent).description, .beyond(status)), (far, .beyond(status)),
        ]
    }
}
