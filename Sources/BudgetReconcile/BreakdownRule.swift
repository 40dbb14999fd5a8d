import BudgetCore

/// `breakdown`: the lines of a project's cost estimate (项目支出明细测算) add up to the project's
/// budget for the year that its form states (项目当年预算, else the 项目资金来源 合计).
///
/// Estimates are written by hand and their amounts printed with varying decimals (70.7, 35,
/// 67.86); each column is read at its finest printed precision. A miss is reported with
/// `options.breakdownStatus` (warn unless configured).
package struct BreakdownRule: ReconcileRule {
    package static let id = "breakdown"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        for form in context.tables(kind: Kind.projectPerformance) {
            guard let total = statedTotal(of: form, context: context) else { continue }
            for detail in context.grids(of: form, titled: ["明细", "测算"]) {
                guard let column = detail.column(containing: "金额"), !detail.rows.isEmpty else { continue }
                let path = detail.path(column)
                let lines = detail.rows.filter { !TotalWords.isTotal(RowNames.label($0, in: detail) ?? "") }
                log.compare(Self.id, id: "\(Self.id):\(detail.id):\(LabelKey.of(path))", table: detail.id,
                            location: "\(lines.count) lines | \(path) = 表\(total.table) \(total.location)",
                            actual: total.terms[0], expected: lines.map { detail.figure($0, column: column.index) },
                            subject: "表\(total.table) \(total.location)",
                            relation: "the sum of the \(lines.count) lines of \(detail.name) \(detail.table.title), column \(path)",
                            otherwise: context.options.breakdownStatus,
                            hint: "the cost estimate does not account for the project's budget; correct the lines or the budget.")
            }
        }
    }

    private func statedTotal(of form: TableFacts, context: ReconcileContext) -> ReportQuantities.Source? {
        if let field = CrossTableRule.field(form, ["当年预算", "本年度预算"]) { return field }
        for grid in context.grids(of: form, titled: ["资金来源"]) {
            if let row = grid.rows.first(where: { TotalWords.isTotal(RowNames.label($0, in: grid) ?? "") }),
               let column = grid.column(containing: "金额") {
                return CrossTableRule.source(grid, row, column, "合计")
            }
        }
        return nil
    }
}
