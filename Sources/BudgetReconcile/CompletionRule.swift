import BudgetCore
import BudgetNormalize

/// `completion`: a 决算 narrative's execution statement agrees with itself
/// (`年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数…`): the
/// completion rate is the final figure over the budget × 100, at the precision printed and within
/// the rounding of the two amounts; and the text's `决算数小于预算数` (or 大于, 持平) is what the two
/// amounts say. `基本持平` allows more than rounding, so a miss there is a warning.
package struct CompletionRule: ReconcileRule {
    package static let id = "completion"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        let completions = context.report.completions ?? []
        // The report's template gives reasons when one of its statements does.
        let reasonsGiven = completions.filter { $0.reason != nil }.count
        for claim in completions {
            guard MoneyUnit.isMoney(claim.budget.unit), MoneyUnit.isMoney(claim.final.unit) else { continue }
            let (final, finalPrecision) = MoneyUnit.convert(claim.final.value, precision: claim.final.value.scale,
                                                            from: claim.final.unit, to: claim.budget.unit)
            let budget = claim.budget.value
            let slack = (ExactDecimal.halfUnit(ofScale: finalPrecision), ExactDecimal.halfUnit(ofScale: budget.scale))
            let base = "\(Self.id):\(claim.line)"
            let stated = "line \(claim.line): 预算 \(claim.budget.raw), 决算 \(claim.final.raw)"
            if let rate = claim.rate,
               let check = PercentCheck(printed: rate.value, numerator: final, numeratorSlack: slack.0 * log.tolerance.multiplier,
                                        denominator: budget, denominatorSlack: slack.1 * log.tolerance.multiplier) {
                let ratio = "\(claim.final.raw) / \(claim.budget.raw) is \(check.expected.description)%"
                let message: String
                switch check.agreement {
                case .exact: message = ""
                case .withinRounding: message = "Line \(claim.line) states a completion of \(rate.raw); \(ratio), within the rounding "
                    + "of the amounts (±\(check.tolerance.description))."
                case .beyond: message = "Line \(claim.line) states a completion of \(rate.raw) but \(ratio) (rounding allows "
                    + "±\(check.tolerance.description)); correct the rate or the amounts."
                }
                log.record(Self.id, id: "\(base):rate", table: nil, location: "\(stated), 完成 \(rate.raw)",
                           expected: check.expected, actual: rate.value, difference: check.difference, tolerance: check.tolerance,
                           agreement: check.agreement, message: message, lines: [claim.line])
            }
            let difference = final - budget
            let bound = (slack.0 + slack.1) * log.tolerance.multiplier
            defer {
                if difference.abs > bound {
                    checkReason(claim, reasonsGiven: reasonsGiven, base: base, stated: stated, log: &log)
                }
            }
            guard let direction = claim.stated else { continue }
            let holds: Bool
            switch direction {
            case "less": holds = difference < .zero
            case "more": holds = difference > .zero
            default: holds = difference.abs <= bound
            }
            let relation = direction == "less" ? "smaller than" : direction == "more" ? "larger than" : "the same as"
            log.record(Self.id, id: "\(base):direction", table: nil, location: "\(stated)", expected: budget, actual: final,
                       difference: difference, tolerance: direction == "equal" ? bound : nil,
                       agreement: holds ? .exact : .beyond,
                       otherwise: direction == "equal" ? .warn : .fail,
                       message: holds ? "" : "Line \(claim.line) says the final figure is \(relation) the budget, but "
                           + "\(claim.final.raw) against \(claim.budget.raw) differs by \(difference.description); "
                           + "correct the statement or the amounts.",
                       lines: [claim.line])
        }
    }

    /// `决算数小于预算数的主要原因：…`: a statement whose final figure differs from the budget beyond
    /// rounding gives the reason (pass, quoting it); one that gives none, in a report whose other
    /// statements give theirs (its template asks for one), is a warning naming the line. A report
    /// that gives no reason anywhere has no template asking for them: no check.
    private func checkReason(_ claim: CompletionClaim, reasonsGiven: Int, base: String, stated: String, log: inout CheckLog) {
        let id = "\(base):reason"
        if let reason = claim.reason {
            log.note(Self.id, id: id, table: nil, location: stated, status: .pass,
                     message: "Line \(claim.line) gives the reason the final figure (\(claim.final.raw)) differs from the budget "
                        + "(\(claim.budget.raw)): \(reason)",
                     lines: [claim.line])
        } else if reasonsGiven > 0 {
            log.note(Self.id, id: id, table: nil, location: stated, status: .warn,
                     message: "Line \(claim.line): the final figure (\(claim.final.raw)) differs from the budget (\(claim.budget.raw)), "
                        + "but no reason is given (主要原因：…), as \(reasonsGiven) other statement"
                        + "\(reasonsGiven == 1 ? "" : "s") of the report give theirs; state the reason.",
                     lines: [claim.line])
        }
    }
}
