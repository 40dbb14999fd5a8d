import BudgetCore

/// Collects the checks of one reconciliation and turns each comparison into a `CheckResult`:
/// the tolerance applied, the status decided, and a message that says what disagrees with what.
package struct CheckLog {
    package let tolerance: Tolerance
    private(set) var checks: [CheckResult] = []

    /// The checks recorded, handed over (the log keeps none, so the caller's copy is unique).
    package mutating func take() -> [CheckResult] {
        defer { checks = [] }
        return checks
    }

    package init(tolerance: Tolerance) {
        self.tolerance = tolerance
        checks.reserveCapacity(512)
    }

    /// Checks `actual` (a printed figure) against the sum of `expected`. Nothing is recorded when
    /// nothing involved was printed (an all-blank identity says nothing). When a figure could not
    /// be read, the check is recorded `unverified`, naming that figure. The texts are built only
    /// for a check that needs a sentence: one that holds only within rounding, does not hold, or
    /// cannot be judged.
    ///
    /// - Parameters:
    ///   - subject: what `actual` is, as a person finds it (`表5-1 row 20801 …, column 合计`).
    ///   - relation: what `expected` is (`the sum of its rows 2080150 + 2080199`).
    ///   - otherwise: the status of a miss beyond rounding.
    ///   - hint: what to do about a miss, when the rule knows better than "correct the misprint".
    package mutating func compare(_ rule: String, id: @autoclosure () -> String, table: String?, location: @autoclosure () -> String,
                          actual: Figure, expected: [Figure], subject: @autoclosure () -> String,
                          relation: @autoclosure () -> String,
                          otherwise: CheckStatus = .fail, hint: @autoclosure () -> String? = nil) {
        guard actual.isStated || expected.contains(where: \.isStated) else { return }
        guard !actual.unreadable, !expected.contains(where: \.unreadable) else {
            unverified(rule, id: id(), table: table, location: location(), figures: [actual] + expected,
                       what: "\(subject()) cannot be compared with \(relation())")
            return
        }
        let sum = Figure.sum(expected)
        let difference = actual.value - sum
        let bound = tolerance.bound(expected, plus: actual)
        let agreement = tolerance.judge(difference: difference, bound: bound)
        var printedCount = actual.isPrinted ? 1 : 0
        var lines: [Int] = []
        lines.reserveCapacity(expected.count + 1)
        if let line = actual.line { lines.append(line) }
        for figure in expected {
            if figure.isPrinted { printedCount += 1 }
            if let line = figure.line { lines.append(line) }
        }
        let message: String
        switch agreement {
        case .exact:
            // A check that holds exactly needs no sentence: its figures and location say it all,
            // and most checks of a sound report are such (hundreds per report, in three files).
            message = ""
        case .withinRounding:
            message = "\(subject()) is \(actual.value.description) and \(relation()) is \(sum.description): they differ by \(difference.description), "
                + "within the rounding of \(printedCount) printed figures (±\(bound.description))."
        case .beyond:
            message = "\(subject()) is \(actual.value.description) but \(relation()) is \(sum.description): they differ by \(difference.description), "
                + "more than the rounding of \(printedCount) printed figures explains (±\(bound.description)); "
                + (hint() ?? "correct whichever figure is misprinted.")
        }
        record(rule, id: id(), table: table, location: location(), expected: sum, actual: actual.value,
               difference: difference, tolerance: bound, agreement: agreement, otherwise: otherwise,
               message: message, lines: lines)
    }

    /// Records a judged comparison whose message the rule wrote.
    package mutating func record(_ rule: String, id: String, table: String?, location: String,
                         expected: ExactDecimal?, actual: ExactDecimal?, difference: ExactDecimal?,
                         tolerance bound: ExactDecimal?, agreement: Tolerance.Agreement,
                         otherwise: CheckStatus = .fail, message: String, lines: [Int]) {
        checks.append(CheckResult(
            id: id, rule: rule, status: agreement == .beyond ? otherwise : .pass, table: table,
            location: location, expected: expected, actual: actual, difference: difference,
            tolerance: bound, message: message, lines: Self.uniqueSorted(lines)))
    }

    /// Records an identity that cannot be judged because some of `figures` are not numbers:
    /// `unverified`, its message naming each such figure (`what` says which identity it is).
    package mutating func unverified(_ rule: String, id: String, table: String?, location: String, figures: [Figure],
                                     what: String) {
        var lines: [Int] = []
        for figure in figures { if let line = figure.line { lines.append(line) } }
        note(rule, id: id, table: table, location: location, status: .unverified,
             message: "\(what): \(Figure.unreadableClause(figures)); "
                + "the identity is unverified until the figure is corrected.",
             lines: lines)
    }

    /// Records a check that compares no figures (a table present or missing).
    package mutating func note(_ rule: String, id: String, table: String?, location: String, status: CheckStatus,
                       message: String, lines: [Int]) {
        checks.append(CheckResult(
            id: id, rule: rule, status: status, table: table, location: location, expected: nil, actual: nil,
            difference: nil, tolerance: nil, message: message, lines: Self.uniqueSorted(lines)))
    }

    private static func uniqueSorted(_ lines: [Int]) -> [Int] {
        guard lines.count > 1 else { return lines }
        var unique = lines.sorted()
        var write = 1
        for read in 1..<unique.count where unique[read] != unique[write - 1] {
            unique[write] = unique[read]
            write += 1
        }
        unique.removeLast(unique.count - write)
        return unique
    }
}
