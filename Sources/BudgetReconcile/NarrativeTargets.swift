import BudgetCore
import BudgetNormalize

/// Where the tables print the figure a narrative claim names: by the claim's category and the
/// words of its label, never by table number.
package struct NarrativeTargets {
    package let context: ReconcileContext
    package let quantities: ReportQuantities
    package let funds: FundsGrid?
    /// The phase whose columns are looked in (`ColumnPhase`); nil for the tables' total columns.
    package let phase: ColumnPhase?

    /// The sides of the paired tables (收支总表 first), with each row's label key.
    private let pairedSides: [(facts: TableFacts, side: PairedRule.Side, keys: [String])]

    package init(_ context: ReconcileContext, quantities: ReportQuantities, phase: ColumnPhase? = nil) {
        self.context = context
        self.quantities = quantities
        self.phase = phase
        funds = context.funds
        var sides: [(TableFacts, PairedRule.Side, [String])] = []
        for kind in [Kind.incomeExpenditure, Kind.fiscalAppropriation] {
            for facts in context.tables(kind: kind) {
                for side in facts.sides { sides.append((facts, side, side.rows.map { LabelKey.of($0.item ?? "") })) }
            }
        }
        pairedSides = sides
    }

    /// The table figure a claim states, or nil when the claim names nothing the tables print.
    /// `whole` is the claim it is stated as a part of (`NarrativeClaim.partOf`), if any.
    package func level(of claim: NarrativeClaim, whole: NarrativeClaim? = nil) -> ReportQuantities.Source? {
        let label = LabelKey.of(claim.subject.label)
        switch claim.subject.category {
        case .total:
            return first(totalQuantities(label))
        case .income:
            if label.includes("收入") { return pairedRow(side: "收入", named: label, ignoring: ["财政", "本年"]) }
            // `项目支出 383.76 万元，其中：一般公共预算本年拨款 383.76 万元`: a source of the
            // projects' funds, a column of the project table.
            guard let whole, whole.subject.category == .project, LabelKey.of(whole.subject.label).includes("项目支出") else { return nil }
            return projectFunding(named: label)
        case .expenditure:
            return pairedRow(side: "支出", named: label, ignoring: []) ?? functionClass(named: label)
        case .basic:
            return first(label.includes("一般公共预算") ? [.basic] : [.allFundsBasic, .basic])
        case .project:
            guard !label.includes("项目支出") else {
                return first(label.includes("一般公共预算") ? [.projects] : [.allFundsProjects, .projects])
            }
            return project(named: label)
        case .personnel:
            return first([.personnel])
        case .publicFunds:
            return first([.publicFunds])
        case .economic:
            return economic(named: label)
        case .threePublic:
            return first([.threePublic])
        case .threePublicPart:
            return ThreePublicPart(label: label).flatMap(threePublicPart)
        case .classification:
            return claim.subject.classification.flatMap(classification)
        case .procurement, .assets, .other:
            return nil
        }
    }

    /// The table figure of the year a comparison names, where a table prints it (the overall
    /// performance form's 近两年收支金额).
    package func previous(of claim: NarrativeClaim, year: Int) -> ReportQuantities.Source? {
        guard let funds, let column = funds.column(year: year) else { return nil }
        let label = LabelKey.of(claim.subject.label)
        let line: FundsGrid.Line?
        switch claim.subject.category {
        case .total:
            line = label.includes("收入") && !label.includes("收支") ? funds.total(.income) : funds.total(.expenditure)
        case .personnel:
            line = funds.expenditure(["人员"])
        case .publicFunds:
            line = funds.expenditure(["运转", "公用"])
        case .project where label.includes("项目支出"):
            line = funds.expenditure(["特定目标"])
        default:
            line = nil
        }
        guard let line else { return nil }
        return CrossTableRule.source(funds.facts, line.row, column, line.label)
    }

    /// The total a label names (`本年支出合计`, `收入支出总计`), where the tables print it: the
    /// base a share names (`占本年支出合计的100.00%`).
    package func total(named label: String) -> ReportQuantities.Source? {
        first(totalQuantities(LabelKey.of(label)))
    }

    private func totalQuantities(_ label: String) -> [ReportQuantities.Quantity] {
        // `政府性基金拨款支出预算 0.00 万元`: the total of that fund's table, not the report's.
        if label.includes("政府性基金") { return [.governmentFund] }
        if label.includes("国有资本经营") { return [.stateCapital] }
        // `一般公共预算财政拨款支出` (a 决算's): the general budget's expenditure, not all appropriations.
        if label.includes("一般公共预算"), label.includes("支出") { return [.generalBudget] }
        if label.includes("财政拨款") { return [.fiscalTotal, .generalBudget] }
        if label.includes("一般公共预算") { return [.generalBudget] }
        // `收入支出总计` (a 决算's 收支总表 总计) is `收支`'s grand total, not 本年收入合计.
        let both = label.includes("收支") || (label.includes("收入") && label.includes("支出"))
        if !both {
            if label.includes("收入") { return [.income, .grandTotal] }
            if label.includes("支出") { return [.expenditure, .grandTotal] }
        }
        return [.grandTotal, .expenditure]
    }

    private func first(_ candidates: [ReportQuantities.Quantity]) -> ReportQuantities.Source? {
        for quantity in candidates {
            if let source = quantities.sources(quantity).first { return source }
        }
        return nil
    }

    /// A row of a paired table's side whose label is `label`, once the `ignoring` words are
    /// taken out of both (`一般公共预算财政拨款收入` is 表1's `一般公共预算拨款收入`).
    private func pairedRow(side: String, named label: String, ignoring words: [String]) -> ReportQuantities.Source? {
        let wanted = Self.removing(words, from: label)
        for (facts, found, keys) in pairedSides where found.name.includes(side) {
            guard facts.holds(found.column, phase) else { continue }
            for (row, key) in zip(found.rows, keys) where !row.isTotal {
                if LabelKey.same(words.isEmpty ? key : Self.removing(words, from: key), wanted) {
                    return ReportQuantities.Source(table: facts.id, location: "\(found.name) \(row.item ?? "")",
                                                   terms: [facts.figure(row, column: found.column)])
                }
            }
        }
        return nil
    }

    private static func removing(_ words: [String], from label: String) -> String {
        guard !words.isEmpty else { return label }
        var result = label
        for word in words { result = LabelKey.removing(word, from: result) }
        return result
    }

    private var functionTables: [TableFacts] { context.functionTables }

    private func functionClass(named label: String) -> ReportQuantities.Source? {
        for facts in functionTables {
            let keys = facts.itemKeys
            if let index = facts.rows.indices.first(where: { index in
                let row = facts.rows[index]
                return row.level == 1 && row.codeScheme == .function && LabelKey.matches(keys[index], label)
            }) {
                return total(facts, facts.rows[index])
            }
        }
        return nil
    }

    /// The 项 (or 款, 类) row at the end of a 类/款/项 path of names.
    private func classification(_ names: [String]) -> ReportQuantities.Source? {
        let keys = names.map(LabelKey.of)
        for facts in functionTables {
            var parent: String?
            var found: Int?
            let rows = facts.rows
            let items = facts.itemKeys
            for (depth, key) in keys.enumerated() {
                // Fields read in place: a row bound to a name is a copy, a retain of each string.
                found = rows.indices.first { index in
                    rows[index].codeScheme == .function && rows[index].level == depth + 1 && rows[index].parent == parent
                        && LabelKey.matches(items[index], key)
                }
                guard let found else { break }
                parent = rows[found].code
            }
            if let found { return total(facts, rows[found]) }
        }
        return nil
    }

    private func economic(named label: String) -> ReportQuantities.Source? {
        let tables = context.tables(kind: Kind.basic) + context.tables(scheme: .economic)
        for facts in tables {
            let keys = facts.itemKeys
            if let index = facts.rows.indices.first(where: { facts.rows[$0].codeScheme == .economic && LabelKey.matches(keys[$0], label) }) {
                return total(facts, facts.rows[index])
            }
        }
        return nil
    }

    private func project(named label: String) -> ReportQuantities.Source? {
        for facts in context.tables(kind: Kind.projects) {
            if let row = facts.rows.first(where: { RowNames.names($0, in: facts).contains(label) }) {
                return total(facts, row)
            }
        }
        return nil
    }

    /// The total row of the project table's money column whose header words the label holds
    /// (`一般公共预算本年拨款` is `本年拨款 / 一般公共预算`), not the total column.
    private func projectFunding(named label: String) -> ReportQuantities.Source? {
        for facts in context.tables(kind: Kind.projects) {
            let total = facts.totalColumn(phase)?.index
            if let column = facts.moneyColumns.first(where: { column in
                column.index != total && facts.holds(column.index, phase)
                    && ColumnPhase.withoutPhaseLabels(column.path).allSatisfy { label.includes(LabelKey.of($0)) }
            }) {
                return ReportQuantities.total(facts, column: column)
            }
        }
        return nil
    }

    private func threePublicPart(_ part: ThreePublicPart) -> ReportQuantities.Source? {
        guard let facts = context.table(kind: Kind.threePublic), let row = facts.rows.first,
              let column = facts.moneyColumns.first(where: { facts.threePublicPart($0, phase) == part })
        else { return nil }
        return CrossTableRule.source(facts, row, column, RowNames.name(row, in: facts))
    }

    private func total(_ facts: TableFacts, _ row: NormalizedRow) -> ReportQuantities.Source? {
        guard let column = facts.totalColumn(phase) else { return nil }
        return CrossTableRule.source(facts, row, column, RowNames.name(row, in: facts))
    }
}
