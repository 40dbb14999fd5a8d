import BudgetCore
import BudgetNormalize

/// `narrative`: what the prose states agrees with the tables and with itself.
///
/// For each claim about the report year: its amount equals the table figure it names; its share
/// (`占 68.26%`) is its amount over the total it belongs to (the last total stated before it,
/// else the report's total); a change and a percentage agree with the previous-year figure they
/// imply (amount − change after 增加, + change after 减少): change ÷ previous = percentage; and
/// where a table prints that previous-year figure (the performance form's 2023 column), it is
/// the same. Percentages are compared at the precision they were printed; amounts at the
/// tables' precision (see `ReconcileContext.amountPrecision`).
///
/// Every claim gets a verdict of its own, under the id `narrative:<line>:<label>`: the comparison
/// with the table figure it names, a statement of none against the table it names, a count of
/// projects against the projects listed (`NarrativeVerdicts`), or `unverified` saying why it
/// cannot be checked (no table holds it, it is about another year).
package struct NarrativeRule: ReconcileRule {
    package static let id = "narrative"

    /// The id of a claim's own check; its share, change and previous-year checks add `:share`,
    /// `:change`, `:previous-year`. The export names each claim's verdict by it.
    package static func checkID(of claim: NarrativeClaim) -> String {
        "\(id):\(claim.line):\(LabelKey.of(claim.subject.label))"
    }

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        let quantities = context.quantities
        let targets = NarrativeTargets(context, quantities: quantities)
        var phased = PhasedTargets(context: context, plain: targets)
        let reportTotal = quantities.sources(.grandTotal).first ?? quantities.sources(.expenditure).first
        let reportFigure = reportTotal.map(Self.figure)
        var lastTotal: Figure?
        let claims = context.report.claims
        for claim in claims {
            let label = claim.subject.label
            let id = Self.checkID(of: claim)
            let whole = claim.partOf.flatMap { $0 >= 0 && $0 < claims.count ? claims[$0] : nil }
            guard let amount = Self.money(claim.amount, line: claim.line, context: context) else {
                if claim.amount.unit == "%", claim.share == nil, let phase = claim.phase, claim.year == nil || claim.year == context.fiscalYear {
                    checkCompletionRate(claim, of: phase, id: id, whole: whole, targets: &phased, log: &log)
                    continue
                }
                checkOtherThanMoney(claim, id: id, whole: whole, targets: targets,
                                    total: lastTotal ?? reportFigure, context: context, log: &log)
                continue
            }
            if claim.subject.category == .total { lastTotal = amount }
            guard claim.year == nil || claim.year == context.fiscalYear else {
                Self.otherYear(claim, id: id, context: context, log: &log)
                continue
            }
            let stated = "line \(claim.line) \(label)"
            let phase = Self.phase(of: claim, context: context)
            let phaseTargets = phased.targets(phase)
            if let target = phaseTargets.level(of: claim, whole: whole) {
                log.compare(Self.id, id: id, table: target.table, location: "\(stated) = 表\(target.table) \(target.location)",
                            actual: amount, expected: target.terms,
                            subject: "The narrative's \(label) (line \(claim.line))",
                            relation: "表\(target.table) \(target.location)",
                            hint: "correct the narrative or the table so they state the same figure.")
            } else if let phase, let printed = targets.level(of: claim, whole: whole) {
                Self.heldInNoColumnOf(phase, claim, id: id, printedIn: printed, log: &log)
            } else {
                Self.heldByNoTable(claim, id: id, log: &log)
            }
            if let share = claim.share, share.unit == "%",
               let total = Self.namedBase(of: share, claim: claim, targets: targets)
                   ?? whole.flatMap({ Self.money($0.amount, line: $0.line, context: context) })
                   ?? (claim.subject.category == .threePublicPart
                       ? phaseTargets.quantities.sources(.threePublic).first.map(Self.figure) : nil)
                   ?? (claim.subject.category == .total ? reportFigure : (lastTotal ?? reportFigure)) {
                checkShare(share, of: amount, in: total, claim: claim, id: "\(id):share", log: &log)
            }
            if let comparison = claim.comparison {
                checkChange(comparison, amount: amount, claim: claim, id: id, targets: targets, context: context, log: &log)
            }
        }
    }

    /// The total a share names as its base (`占本年支出合计的100.00%`: 本年支出合计, not the total
    /// stated last), where the tables print it; nil when the share names none (`占20.51%`: of the
    /// whole it is stated as a part of; a “三公” part's, of the “三公” total; else of the last total
    /// stated).
    static func namedBase(of share: ClaimValue, claim: NarrativeClaim, targets: NarrativeTargets) -> Figure? {
        guard let end = claim.sentence.range(of: share.raw)?.lowerBound,
              let start = claim.sentence[..<end].range(of: "占", options: .backwards)?.upperBound else { return nil }
        var base = claim.sentence[start..<end].trimmingCharacters(in: .whitespaces)
        if base.hasSuffix("的") { base.removeLast() }
        guard !base.isEmpty, TotalWords.isTotal(base) else { return nil }
        return targets.total(named: base).map(figure)
    }

    /// Checks `share` as `amount` over `total`, recorded under `id`.
    package func checkShare(_ share: ClaimValue, of amount: Figure, in total: Figure, claim: NarrativeClaim, id: String,
                            log: inout CheckLog) {
        let tolerance = log.tolerance
        guard !amount.unreadable, !total.unreadable else {
            log.unverified(Self.id, id: id, table: nil, location: "line \(claim.line) \(claim.subject.label) share",
                           figures: [amount, total],
                           what: "Line \(claim.line)'s share \(share.raw) of \(claim.subject.label) cannot be recomputed")
            return
        }
        guard let check = PercentCheck(printed: share.value, numerator: amount.value, numeratorSlack: tolerance.bound([amount]),
                                       denominator: total.value, denominatorSlack: tolerance.bound([total])) else { return }
        let label = claim.subject.label
        let ratio = "\(amount.value.description) / \(total.value.description) is \(check.expected.description)%"
        let message = Self.message(check, claim: "Line \(claim.line) states \(label) is \(share.raw) of \(total.value.description)",
                                   ratio: ratio, fix: "correct the share or the amounts.")
        log.record(Self.id, id: id, table: nil, location: "line \(claim.line) \(label) share",
                   expected: check.expected, actual: share.value, difference: check.difference, tolerance: check.tolerance,
                   agreement: check.agreement, message: message, lines: [claim.line] + [amount.line, total.line].compactMap { $0 })
    }

    /// A percentage check's message: what the line states, then the recomputed `ratio` and how
    /// it compares, worded alike for shares and changes; `fix` says what to correct on a miss.
    static func message(_ check: PercentCheck, claim: String, ratio: String, fix: String) -> String {
        switch check.agreement {
        case .exact: "\(claim); \(ratio), as stated."
        case .withinRounding: "\(claim); \(ratio), within the rounding of the amounts (±\(check.tolerance.description))."
        case .beyond: "\(claim) but \(ratio) (rounding allows ±\(check.tolerance.description)); \(fix)"
        }
    }

    private func checkChange(_ comparison: ClaimComparison, amount: Figure, claim: NarrativeClaim, id: String,
                             targets: NarrativeTargets, context: ReconcileContext, log: inout CheckLog) {
        let label = claim.subject.label
        let change = comparison.change.flatMap { Self.money($0, line: claim.line, context: context) }
        // The previous-year figure the change implies: amount − change after an increase, + after a decrease.
        var previous = [amount]
        var implied = "\(amount.value.description)"
        if let change {
            switch comparison.direction {
            case .increase: previous.append(change.negated); implied += " − \(change.value.description)"
            case .decrease: previous.append(change); implied += " + \(change.value.description)"
            case .unchanged: previous.append(change.negated); implied += " − \(change.value.description)"
            }
        } else if comparison.direction != .unchanged {
            return
        }
        let year = comparison.year ?? context.fiscalYear.map { $0 - 1 }
        let yearText = year.map { "\($0)" } ?? "the previous year"
        let previousValue = Figure.sum(previous)
        if let change, let percent = comparison.percent, percent.unit == "%" {
            let tolerance = log.tolerance
            if let check = PercentCheck(printed: percent.value, numerator: change.value, numeratorSlack: tolerance.bound([change]),
                                        denominator: previousValue, denominatorSlack: tolerance.bound(previous)) {
                let ratio = "\(change.value.description) / \(previousValue.description) (\(implied), the \(yearText) figure this implies)"
                    + " is \(check.expected.description)%"
                let message = Self.message(check, claim: "Line \(claim.line) states \(label) changed by \(percent.raw)",
                                           ratio: ratio, fix: "correct the change, the percentage or the amount.")
                log.record(Self.id, id: "\(id):change", table: nil, location: "line \(claim.line) \(label) change",
                           expected: check.expected, actual: percent.value, difference: check.difference,
                           tolerance: check.tolerance, agreement: check.agreement, message: message, lines: [claim.line])
            }
        }
        guard let year, let printed = targets.previous(of: claim, year: year), printed.terms.count == 1 else { return }
        log.compare(Self.id, id: "\(id):previous-year", table: printed.table,
                    location: "line \(claim.line) \(label) \(year) = 表\(printed.table) \(printed.location)",
                    actual: printed.terms[0], expected: previous,
                    subject: "表\(printed.table) \(printed.location)",
                    relation: "the \(year) figure line \(claim.line) implies for \(label) (\(implied))",
                    hint: "correct the change stated in the narrative or the \(year) figure in the table.")
    }

    /// A report-wide figure as one figure: the sum of its terms, printed as finely as the finest,
    /// unreadable when one of them is.
    package static func figure(_ source: ReportQuantities.Source) -> Figure {
        var figure = Figure(value: source.value, precision: source.terms.compactMap(\.precision).max(), line: source.terms.first?.line)
        figure.unreadableTerm = source.terms.first(where: \.unreadable)?.unreadableTerm
        return figure
    }

    /// A claimed amount in the report's unit, exactly; nil for anything that is not money. In the
    /// tables' own unit it is read at their precision (a `10万元` beside tables of two decimals is
    /// 10.00). In another unit it keeps the rounding it was printed with, the coarser side: a claim
    /// of `18,976.76万元` about a table in 元 is ±50 元, one of `17,192万元` ±5,000 元.
    package static func money(_ value: ClaimValue, line: Int, context: ReconcileContext) -> Figure? {
        guard MoneyUnit.isMoney(value.unit) else { return nil }
        guard value.unit != context.unit else {
            return Figure(value: value.value, precision: max(value.value.scale, context.amountPrecision(in: value.unit)), line: line)
        }
        let (converted, convertedPrecision) = MoneyUnit.convert(value.value, precision: value.value.scale, from: value.unit,
                                                                to: context.unit)
        return Figure(value: converted, precision: convertedPrecision, line: line)
    }
}
