import BudgetNormalize

/// Which of a table's columns hold the figures of one phase of the budget cycle (年初预算数,
/// 调整预算数, 决算数 …; `NormalizedColumn.phase`): those whose header names that phase, and those
/// whose header names none when the report's own phase is that one (a 决算's plain 合计 column
/// holds its final figures). A narrative figure stated in a phase (`年初预算为…`) is looked up
/// in these columns only.
package struct ColumnPhase: Hashable, Sendable {
    package let phase: String
    /// The phase of columns whose header names none: the report's (`ReportKind.phase`).
    package let unphased: String?

    package init(_ phase: String, unphased: String?) {
        self.phase = phase
        self.unphased = unphased
    }

    package func holds(_ column: NormalizedColumn) -> Bool {
        column.phase.map { $0 == phase } ?? (unphased == phase)
    }

    /// The header path without the labels that name a phase: `合计 / 预算数` is `合计`, `年初预算数`
    /// is nothing (the column is a total of its own phase).
    package static func withoutPhaseLabels(_ path: [String]) -> [String] {
        path.filter { TableWords.standard.phaseHeaders.phase(of: [$0]) == nil }
    }
}

extension TableFacts {
    /// The total column of the figures of `phase`: the shallowest money column of that phase
    /// headed 合计 or 总计 once the labels naming the phase are set aside, or one headed by the
    /// phase alone (`年初预算数` in a table without a 合计 column). Nil `phase` is `totalColumn`.
    package func totalColumn(_ phase: ColumnPhase?) -> NormalizedColumn? {
        guard let phase else { return totalColumn }
        var best: (column: NormalizedColumn, depth: Int)?
        for column in moneyColumns where phase.holds(column) {
            let rest = ColumnPhase.withoutPhaseLabels(column.path)
            guard rest.last.map(TotalWords.isTotal) ?? true else { continue }
            if best == nil || rest.count < best!.depth { best = (column, rest.count) }
        }
        return best?.column
    }

    /// The money column of `phase` named `name` (see `column(named:)`), the labels naming the
    /// phase set aside. Nil `phase` is `column(named:)`.
    package func column(named name: String, _ phase: ColumnPhase?) -> NormalizedColumn? {
        guard let phase else { return column(named: name) }
        let wanted = LabelKey.of(name)
        return moneyColumns.first { column in
            guard phase.holds(column) else { return false }
            let rest = ColumnPhase.withoutPhaseLabels(column.path)
            return rest.last.map(LabelKey.of).map { LabelKey.same($0, wanted) } == true || LabelKey.same(Self.key(rest), wanted)
        }
    }

    /// The “三公” part a money column holds, read from its header without the labels naming a
    /// phase when a phase is asked for (`因公出国（境）费 / 决算数`).
    package func threePublicPart(_ column: NormalizedColumn, _ phase: ColumnPhase?) -> ThreePublicPart? {
        guard let phase else { return ThreePublicPart(header: column.path) }
        guard phase.holds(column) else { return nil }
        let path = ColumnPhase.withoutPhaseLabels(column.path)
        // In the “三公” table, a 合计 of its own (`合计 / 预算数`) is the “三公” total.
        if path.allSatisfy(TotalWords.isTotal) { return .total }
        return ThreePublicPart(header: path)
    }

    /// Whether the column at `index` holds figures of `phase` (always, for nil).
    package func holds(_ index: Int, _ phase: ColumnPhase?) -> Bool {
        guard let phase else { return true }
        return table.columns.first { $0.index == index }.map(phase.holds) ?? false
    }
}
