import BudgetCore
import BudgetNormalize

/// `share`: a column of shares (占比, 比重: `shareColumnHeaders` of `reconcile-words.json`)
/// against the amounts it describes, the nearest money column to its left (占比 beside 当年金额).
///
/// A share is its row's amount over its group's total × 100, judged at the precision it is
/// printed to (`PercentCheck`: half a unit of its last printed digit, plus what the rounding of
/// the two amounts allows). A group is a run of rows between total rows (合计, 小计): its total is
/// the total row printed after it (`收入构成 … 合计`), else the one printed before it (a 合计 on
/// top), else, with no total row at all, the sum of the group's amounts; a total row's own share
/// is 100. Each share printed is one check, located by row and line, so a person fixing the
/// column finds every wrong cell (and a right share beside a wrong one is seen to be right).
/// A share beyond rounding is reported with `options.shareStatus` (warn unless configured):
/// shares are printed in hand-filled performance forms (表11's 单位总体资金情况), where a wrong
/// share leaves the amounts right, and templates differ on what a 占比 is a share of.
package struct ShareRule: ReconcileRule {
    package static let id = "share"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        let words = ReconcileWords.standard
        for facts in context.tables where !facts.table.empty {
            for column in facts.table.columns where column.role == .amount {
                guard words.namesShares(column.path),
                      let amounts = facts.moneyColumns.last(where: { $0.index < column.index && $0.section == column.section })
                else { continue }
                let rows = facts.rows.filter { column.section == nil || $0.section == column.section }
                for group in Self.groups(rows) {
                    check(group, shares: column, amounts: amounts, in: facts, status: context.options.shareStatus, into: &log)
                }
            }
        }
    }

    /// Rows that share one total: the rows and the total row (nil: none printed).
    struct Group {
        var rows: [NormalizedRow]
        var total: NormalizedRow?
    }

    /// The groups of `rows` in order, each total row with the rows it totals.
    static func groups(_ rows: [NormalizedRow]) -> [Group] {
        var groups: [Group] = []
        var pending: [NormalizedRow] = []
        var opening: NormalizedRow?
        for row in rows {
            guard row.isTotal else {
                pending.append(row)
                continue
            }
            if !pending.isEmpty {
                groups.append(Group(rows: pending, total: row))
                pending = []
                opening = nil
            } else {
                // A total with nothing before it since the last total heads the rows after it;
                // one left over (two totals in a row) is a group of its own, with its share of 100.
                if let unused = opening { groups.append(Group(rows: [], total: unused)) }
                opening = row
            }
        }
        if !pending.isEmpty || opening != nil { groups.append(Group(rows: pending, total: opening)) }
        return groups
    }

    private func check(_ group: Group, shares: NormalizedColumn, amounts: NormalizedColumn, in facts: TableFacts,
                       status: CheckStatus, into log: inout CheckLog) {
        let tolerance = log.tolerance
        let parts = group.rows.map { facts.figure($0, column: amounts.index) }
        let total: Figure
        let totalName: String
        // What the total is made of: the total row, or, without one, every row of the group.
        let totalTerms: [Figure]
        if let row = group.total {
            total = facts.figure(row, column: amounts.index)
            totalName = "\(RowNames.name(row, in: facts)), line \(row.line)"
            totalTerms = [total]
        } else {
            total = Figure(value: Figure.sum(parts), precision: nil, line: nil)
            totalName = "the sum of its group's rows"
            totalTerms = parts
        }
        // The total's slack: its own rounding, or, for a sum, that of every part.
        let totalSlack = group.total == nil ? tolerance.bound(parts) : tolerance.bound([total])
        let path = facts.path(shares)
        let amountPath = facts.path(amounts)
        for (row, amount) in zip(group.rows, parts) + (group.total.map { [($0, total)] } ?? []) {
            guard let cell = facts.cell(row, column: shares.index), !cell.blank else { continue }
            let id = "\(Self.id):\(facts.id):\(RowNames.key(row, in: facts)):\(LabelKey.of(path))"
            let rowName = RowNames.name(row, in: facts)
            // A share, an amount or a total that is not a number (a `number` check of its own)
            // leaves the share unjudged: said so, naming the figure, never skipped.
            let terms = [facts.figure(row, column: shares.index), amount] + totalTerms
            guard let printed = cell.value, !terms.contains(where: \.unreadable) else {
                log.unverified(Self.id, id: id, table: facts.id, location: "\(rowName) | \(path)", figures: terms,
                               what: "\(facts.name) row \(rowName): its \(path) against its \(amountPath) over the group's total")
                continue
            }
            let isTotal = row.line == group.total?.line
            guard let check = PercentCheck(printed: printed, numerator: amount.value,
                                           numeratorSlack: isTotal ? totalSlack : tolerance.bound([amount]),
                                           denominator: total.value, denominatorSlack: totalSlack)
            else { continue }
            let place = "\(facts.name) row \(rowName) (line \(row.line))"
            let ratio: String
            if isTotal {
                ratio = "a total is 100% of itself"
            } else {
                // The ratio to two decimals at least, so a share printed whole shows what it rounds.
                let scale = max(printed.scale, 2)
                let exact = (amount.value.abs * 100).divided(by: total.value.abs, scale: scale) ?? check.expected
                ratio = "its \(amountPath) over the group's total (\(totalName)), \(amount.value.description) / "
                    + "\(total.value.description), is \(exact.description)%"
                    + (exact.scale == printed.scale ? "" : ", \(check.expected.description)% at the printed precision")
            }
            let message: String
            switch check.agreement {
            case .exact: message = ""
            case .withinRounding:
                message = "\(place): its \(path) is \(cell.raw); \(ratio), within the rounding of the amounts (±\(check.tolerance.description))."
            case .beyond:
                let allows = check.tolerance.isZero ? "" : " (the rounding of the amounts allows ±\(check.tolerance.description))"
                message = "\(place): its \(path) is \(cell.raw) but \(ratio)\(allows); correct the share or the amounts."
            }
            let lines = [row.line, amount.line, total.line].compactMap { $0 }
            log.record(Self.id, id: id, table: facts.id,
                       location: "\(rowName) | \(path)", expected: check.expected, actual: printed, difference: check.difference,
                       tolerance: check.tolerance, agreement: check.agreement, otherwise: status, message: message, lines: lines)
        }
    }
}
