import BudgetCore
import BudgetNormalize

/// Cross-table checks of one project's figures.
extension CrossTableRule {
    /// A project's figures wherever it is named: its 项目支出表 row, the overall form's 项目支出情况
    /// line, and its own performance form (项目当年预算, 项目总预算, the 项目资金来源 合计). This year's
    /// budget is one figure in all of them, and the total budget one figure in the two forms.
    package func checkProjects(_ context: ReconcileContext, into log: inout CheckLog) {
        var current: [String: [ReportQuantities.Source]] = [:]
        var overall: [String: [ReportQuantities.Source]] = [:]
        var names: [String] = []
        func add(_ name: String, _ source: ReportQuantities.Source?, total: Bool = false) {
            guard let source else { return }
            let key = LabelKey.of(name)
            guard !key.isEmpty else { return }
            if current[key] == nil && overall[key] == nil { names.append(key) }
            if total { overall[key, default: []].append(source) } else { current[key, default: []].append(source) }
        }
        for table in context.tables(kind: Kind.projects) {
            guard let column = table.totalColumn else { continue }
            let coded = Set(table.rows.compactMap(\.parent))
            for row in table.rows where row.codeScheme == .project && !coded.contains(row.code ?? "") {
                let source = ReportQuantities.Source(table: table.id,
                                                     location: "\(Self.projectName(row, in: table)) | \(table.path(column))",
                                                     terms: [table.figure(row, column: column.index)])
                var seen: [String] = []
                for name in RowNames.names(row, in: table) where !seen.contains(name) {
                    seen.append(name)
                    add(name, source)
                }
            }
        }
        if let form = context.table(kind: Kind.overallPerformance) {
            for grid in context.grids(of: form, titled: ["项目"]) {
                guard let nameColumn = grid.table.columns.first(where: { $0.path.contains { $0.includes("项目名称") } }) else { continue }
                let thisYear = grid.moneyColumns.first { $0.path.contains { $0.includes("本年") || $0.includes("当年") } }
                let whole = grid.moneyColumns.first { $0.path.contains { $0.includes("总预算") } }
                for row in grid.rows {
                    let printed = row.itemColumn == nameColumn.index
                        ? row.printedItem : grid.cell(row, column: nameColumn.index).flatMap { $0.blank ? nil : $0.raw }
                    guard let printed, !printed.isEmpty else { continue }
                    let name = LabelCleaner.clean(printed)
                    add(name, thisYear.map { Self.source(grid, row, $0, name) })
                    add(name, whole.map { Self.source(grid, row, $0, name) }, total: true)
                }
            }
        }
        for form in context.tables(kind: Kind.projectPerformance) {
            guard let name = form.table.fields.first(where: { $0.label == "项目名称" })?.value, !name.isEmpty else { continue }
            add(name, Self.field(form, ["当年预算", "本年度预算"]))
            add(name, Self.field(form, ["总预算"]), total: true)
            for grid in context.grids(of: form, titled: ["资金来源"]) {
                if let row = grid.rows.first(where: { TotalWords.isTotal(RowNames.label($0, in: grid) ?? "") }),
                   let column = grid.column(containing: "金额") {
                    add(name, Self.source(grid, row, column, "合计"))
                }
            }
        }
        for name in names {
            for (sources, what) in [(current[name] ?? [], "this year's budget"), (overall[name] ?? [], "total budget")] {
                guard let reference = sources.first else { continue }
                for source in sources.dropFirst() {
                    compare(id: "project:\(name):\(what == "total budget" ? "total" : "current"):\(source.table)",
                            reference: reference, other: source, what: "\(what) of project \(name)", into: &log)
                }
            }
        }
    }

    /// A project form's procurement lines (项目采购) are lines of its cost estimate (项目支出明细测算):
    /// a line of the same name has the same amount.
    package func checkProcurement(_ context: ReconcileContext, into log: inout CheckLog) {
        for form in context.tables(kind: Kind.projectPerformance) {
            guard let detail = context.grids(of: form, titled: ["明细"]).first,
                  let detailColumn = detail.column(containing: "金额") else { continue }
            var lines: [String: NormalizedRow] = [:]
            for row in detail.rows {
                if let label = RowNames.label(row, in: detail) {
                    let key = LabelKey.of(label)
                    if lines[key] == nil { lines[key] = row }
                }
            }
            for purchases in context.grids(of: form, titled: ["采购"]) {
                guard let column = purchases.column(containing: "金额") else { continue }
                for row in purchases.rows {
                    guard let label = RowNames.label(row, in: purchases), let line = lines[LabelKey.of(label)] else { continue }
                    let reference = Self.source(detail, line, detailColumn, label)
                    let other = Self.source(purchases, row, column, label)
                    compare(id: "procurement:\(LabelKey.of(label)):\(purchases.id)", reference: reference, other: other,
                            what: "procurement of \(label)", into: &log)
                }
            }
        }
    }

    package static func source(_ facts: TableFacts, _ row: NormalizedRow, _ column: NormalizedColumn, _ name: String) -> ReportQuantities.Source {
        ReportQuantities.Source(table: facts.id, location: "\(name) | \(facts.path(column))",
                                terms: [facts.figure(row, column: column.index)])
    }

    /// The first form field whose label contains one of `words` and holds an amount.
    package static func field(_ form: TableFacts, _ words: [String]) -> ReportQuantities.Source? {
        for word in words {
            if let field = form.table.fields.first(where: { $0.label.includes(word) && $0.amount != nil }),
               let amount = field.amount {
                var figure = Figure(printed: amount, line: field.line)
                if let unit = field.unit ?? form.table.amountUnit, unit != form.unit, MoneyUnit.isMoney(unit) {
                    let (value, precision) = MoneyUnit.convert(amount, precision: amount.scale, from: unit, to: form.unit)
                    figure = Figure(value: value, precision: precision, line: field.line)
                }
                return ReportQuantities.Source(table: form.id, location: field.label, terms: [figure])
            }
        }
        return nil
    }

    /// A project row's name: its label column's text (项目名称), else its item.
    package static func projectName(_ row: NormalizedRow, in facts: TableFacts) -> String {
        RowNames.label(row, in: facts) ?? row.item ?? row.code ?? "row \(row.number)"
    }
}
