import BudgetCore
import BudgetNormalize

/// Narrative targets per phase of the budget cycle, each built when first asked for: a 决算
/// narrative states a subject's budget and final figures side by side (`年初预算为…，支出决算为…`),
/// and each is looked up in the table columns of its own phase.
struct PhasedTargets {
    let context: ReconcileContext
    /// The targets in the tables' total columns, for figures stated in no phase.
    let plain: NarrativeTargets
    private var byPhase: [String: NarrativeTargets] = [:]

    init(context: ReconcileContext, plain: NarrativeTargets) {
        self.context = context
        self.plain = plain
    }

    mutating func targets(_ phase: String?) -> NarrativeTargets {
        guard let phase else { return plain }
        if let found = byPhase[phase] { return found }
        let columns = context.columns(of: phase)
        let found = NarrativeTargets(context, quantities: context.quantities(in: columns), phase: columns)
        byPhase[phase] = found
        return found
    }
}

extension NarrativeRule {
    /// The phase a claim's figure is looked up in: the one its words name; else, in a report of
    /// another phase than the budget (a 决算), the report's own, since its narrative states its
    /// final figures; else none (a 预算's figures are in its tables' total columns).
    static func phase(of claim: NarrativeClaim, context: ReconcileContext) -> String? {
        if let phase = claim.phase { return phase }
        guard let own = context.reportPhase, own != ReportKind.unitBudget.phase else { return nil }
        return own
    }

    /// `unverified`: a table prints the claim's subject, but no column of the phase it is stated in.
    static func heldInNoColumnOf(_ phase: String, _ claim: NarrativeClaim, id: String, printedIn source: ReportQuantities.Source,
                                 log: inout CheckLog) {
        let label = claim.subject.label
        let words = claim.measure.map { "\($0), " } ?? ""
        log.note(Self.id, id: id, table: source.table, location: "line \(claim.line) \(label)", status: .unverified,
                 message: "Line \(claim.line) states \(label) in the \(words)\(phase) phase (\(claim.amount.raw)); 表\(source.table) "
                    + "prints \(label) (\(source.location)) but no column of its \(phase) figures, so the figure cannot be "
                    + "checked against the tables.",
                 lines: [claim.line])
    }

    /// `完成年初预算的98.20%`: the final figure over the figure of `phase` × 100, both as the
    /// tables print them for the claim's subject, at the rate's printed precision; `unverified`
    /// when no table prints both.
    func checkCompletionRate(_ claim: NarrativeClaim, of phase: String, id: String, whole: NarrativeClaim?,
                             targets: inout PhasedTargets, log: inout CheckLog) {
        let label = claim.subject.label
        let stated = "Line \(claim.line) states a completion rate of \(claim.amount.raw) for \(label)"
            + (claim.measure.map { " (\($0))" } ?? "")
        guard let base = targets.targets(phase).level(of: claim, whole: whole),
              let final = targets.targets("final").level(of: claim, whole: whole) else {
            log.note(Self.id, id: id, table: nil, location: "line \(claim.line) \(label) rate", status: .unverified,
                     message: "\(stated); no table prints both its \(phase) and its final figure, so the rate cannot be "
                        + "recomputed from the tables.",
                     lines: [claim.line])
            return
        }
        let (top, bottom) = (Self.figure(final), Self.figure(base))
        guard !top.unreadable, !bottom.unreadable else {
            log.unverified(Self.id, id: id, table: base.table, location: "line \(claim.line) \(label) rate", figures: [top, bottom],
                           what: "\(stated), which cannot be recomputed")
            return
        }
        let lines = [claim.line] + [top.line, bottom.line].compactMap { $0 }
        let location = "line \(claim.line) \(label) rate = 表\(final.table) \(final.location) / 表\(base.table) \(base.location)"
        guard let check = PercentCheck(printed: claim.amount.value, numerator: top.value, numeratorSlack: log.tolerance.bound([top]),
                                       denominator: bottom.value, denominatorSlack: log.tolerance.bound([bottom])) else {
            log.note(Self.id, id: id, table: base.table, location: location, status: .unverified,
                     message: "\(stated); its \(phase) figure in 表\(base.table) (\(base.location)) is zero, of which no rate "
                        + "can be computed.",
                     lines: lines)
            return
        }
        let ratio = "表\(final.table) \(final.location) \(top.value.description) / 表\(base.table) \(base.location) "
            + "\(bottom.value.description) is \(check.expected.description)%"
        log.record(Self.id, id: id, table: base.table, location: location, expected: check.expected, actual: claim.amount.value,
                   difference: check.difference, tolerance: check.tolerance, agreement: check.agreement,
                   message: Self.message(check, claim: stated, ratio: ratio, fix: "correct the rate or the tables."),
                   lines: lines)
    }
}
