import BudgetCore
import BudgetNormalize

/// Figures of the whole report that several tables print, each read from every table that
/// prints it, by table kind and header or label words (never by table number), so that any
/// report of the family is read alike.
package struct ReportQuantities {
    /// A report-wide figure. The raw value names it in check ids (`cross-table:<raw value>:…`);
    /// a one-word case is its own name.
    package enum Quantity: String, CaseIterable {
        /// 收入总计 of the 收支总表.
        case grandTotal = "grand-total"
        /// This year's income of all funds (本年收入合计).
        case income
        /// This year's expenditure of all funds (本年支出合计, 支出总表's 合计).
        case expenditure
        /// 财政拨款收支总表's 总计.
        case fiscalTotal = "fiscal-total"
        /// This year's fiscal appropriation income (本年收入; the form's 财政拨款).
        case fiscalIncome = "fiscal-income"
        /// General public budget expenditure (一般公共预算支出表's 合计).
        case generalBudget = "general-budget"
        /// 基本支出 of the general public budget.
        case basic
        /// 基本支出 of all funds (支出总表).
        case allFundsBasic = "all-funds-basic"
        /// 人员经费: the column, and economic 类 301 + 303.
        case personnel
        /// 公用经费: the column, and the other economic 类 (302 …).
        case publicFunds = "public-funds"
        /// 项目支出 of the general public budget.
        case projects
        /// 项目支出 of all funds (支出总表, 项目支出表's 合计, the form's 特定目标类).
        case allFundsProjects = "all-funds-projects"
        /// The “三公” total.
        case threePublic = "three-public"
        /// 政府性基金预算支出表's 合计.
        case governmentFund = "government-fund"
        /// 国有资本经营预算支出表's 合计.
        case stateCapital = "state-capital"
    }

    /// One place a quantity is printed: a cell, or the sum of several (301 + 303).
    package struct Source {
        package var table: String
        /// Row and column, as in `CheckResult.location`.
        package var location: String
        package var terms: [Figure]
        package var value: ExactDecimal { Figure.sum(terms) }
        package var isPrinted: Bool { terms.contains(where: \.isPrinted) }
    }

    private(set) var sources: [Quantity: [Source]] = [:]

    /// The sources of `quantity`, the most authoritative first.
    package func sources(_ quantity: Quantity) -> [Source] { sources[quantity] ?? [] }

    /// The quantities as the report prints them in its total columns; with `phase`, as it prints
    /// them in the columns of that phase (`ColumnPhase`): a 决算 table's 年初预算数 beside its 决算数.
    package init(_ context: ReconcileContext, phase: ColumnPhase? = nil) {
        let summary = context.table(kind: Kind.incomeExpenditure)
        let fiscal = context.table(kind: Kind.fiscalAppropriation)
        let byFunction = context.table(kind: Kind.generalByFunction)
        let byUnit = context.table(kind: Kind.generalByUnit)
        let basic = context.table(kind: Kind.basic)
        let allFunds = context.table(kind: Kind.expenditure)
        let projects = context.table(kind: Kind.projects)
        // The performance form's funds grid prints years, not phases.
        let funds = phase == nil ? context.funds : nil

        if let summary {
            add(.grandTotal, Self.pairedRow(summary, side: "收入", phase) { $0.isTotal && TotalWords.isGrandTotal($0.item ?? "") })
            add(.income, Self.pairedRow(summary, side: "收入", phase) { $0.isTotal && !TotalWords.isGrandTotal($0.item ?? "") })
            add(.expenditure, Self.pairedRow(summary, side: "支出", phase) { $0.isTotal && !TotalWords.isGrandTotal($0.item ?? "") })
        }
        add(.income, context.table(kind: Kind.income).flatMap { Self.total($0, column: nil, phase) })
        add(.expenditure, allFunds.flatMap { Self.total($0, column: nil, phase) })
        if let fiscal {
            add(.fiscalTotal, Self.pairedRow(fiscal, side: "收入", phase) { $0.isTotal && TotalWords.isGrandTotal($0.item ?? "") })
            add(.fiscalIncome, Self.pairedRow(fiscal, side: "收入", phase) {
                !$0.isTotal && ($0.level ?? 1) <= 1 && ($0.item ?? "").includes("本年")
            })
        }
        for table in [byFunction, byUnit].compactMap({ $0 }) {
            add(.generalBudget, Self.total(table, column: nil, phase))
        }
        if let fiscal {
            add(.generalBudget, Self.pairedRow(fiscal, side: "收入", phase) { !$0.isTotal && ($0.item ?? "").includes("一般公共预算") })
        }
        if let summary {
            add(.generalBudget, Self.pairedRow(summary, side: "收入", phase) { !$0.isTotal && ($0.item ?? "").includes("一般公共预算") })
        }
        for table in [byFunction, byUnit].compactMap({ $0 }) {
            add(.basic, Self.total(table, column: "基本支出", phase))
            add(.personnel, Self.total(table, column: "人员经费", phase))
            add(.publicFunds, Self.total(table, column: "公用经费", phase))
            add(.projects, Self.total(table, column: "项目支出", phase))
        }
        if let basic {
            add(.basic, Self.total(basic, column: nil, phase))
            add(.personnel, Self.total(basic, column: "人员经费", phase))
            add(.publicFunds, Self.total(basic, column: "公用经费", phase))
            add(.personnel, Self.economicClasses(basic, personnel: true, phase))
            add(.publicFunds, Self.economicClasses(basic, personnel: false, phase))
        }
        if let allFunds {
            add(.allFundsBasic, Self.total(allFunds, column: "基本支出", phase))
            add(.allFundsProjects, Self.total(allFunds, column: "项目支出", phase))
        }
        if let projects {
            add(.allFundsProjects, Self.total(projects, column: nil, phase))
            if let column = projects.moneyColumns.first(where: { column in
                column.path.contains { $0.includes("本年") } && column.path.contains { $0.includes("一般公共预算") }
                    && projects.holds(column.index, phase)
            }) {
                add(.projects, Self.total(projects, column: column))
            }
        }
        if let funds {
            add(.income, Self.funds(funds, funds.total(.income)))
            add(.expenditure, Self.funds(funds, funds.total(.expenditure)))
            add(.fiscalIncome, Self.funds(funds, funds.income("财政拨款")))
            let lines = EconomicClasses.standard.fundsLines
            add(.personnel, Self.funds(funds, funds.expenditure(lines.personnel)))
            add(.publicFunds, Self.funds(funds, funds.expenditure(lines.publicFunds)))
            add(.allFundsProjects, Self.funds(funds, funds.expenditure(lines.projects)))
        }
        add(.governmentFund, context.table(kind: Kind.governmentFund).flatMap { Self.total($0, column: nil, phase) })
        add(.stateCapital, context.table(kind: Kind.stateCapital).flatMap { Self.total($0, column: nil, phase) })
        if let three = context.table(kind: Kind.threePublic), let row = three.rows.first,
           let column = three.moneyColumns.first(where: { three.threePublicPart($0, phase) == .total }) {
            add(.threePublic, Source(table: three.id, location: "\(RowNames.name(row, in: three)) | \(three.path(column))",
                                     terms: [three.figure(row, column: column.index)]))
        }
    }

    private mutating func add(_ quantity: Quantity, _ source: Source?) {
        guard let source else { return }
        sources[quantity, default: []].append(source)
    }

    /// The table's total row in `column` (a header name), or in its total column when nil; with
    /// `phase`, in the columns of that phase.
    package static func total(_ facts: TableFacts, column name: String?, _ phase: ColumnPhase? = nil) -> Source? {
        guard let column = name.map({ facts.column(named: $0, phase) }) ?? facts.totalColumn(phase) else { return nil }
        return total(facts, column: column)
    }

    package static func total(_ facts: TableFacts, column: NormalizedColumn) -> Source? {
        guard let row = facts.totalRow else { return nil }
        return Source(table: facts.id, location: "\(RowNames.name(row, in: facts)) | \(facts.path(column))",
                      terms: [facts.figure(row, column: column.index)])
    }

    /// The first row of a paired table's side that `matches`, in that side's amount column.
    package static func pairedRow(_ facts: TableFacts, side: String, _ phase: ColumnPhase? = nil,
                                  _ matches: (NormalizedRow) -> Bool) -> Source? {
        guard let sideRows = facts.sides.first(where: { $0.name.includes(side) }), facts.holds(sideRows.column, phase),
              let row = sideRows.rows.first(where: matches) else { return nil }
        return Source(table: facts.id, location: "\(sideRows.name) \(row.item ?? "row \(row.number)")",
                      terms: [facts.figure(row, column: sideRows.column)])
    }

    /// Economic 类 301 工资福利支出 + 303 对个人和家庭的补助 (personnel, `EconomicClasses`), or every
    /// other 类 (public funds: 302 商品和服务支出, and 310 资本性支出 where basic expenditure has it),
    /// in the total column.
    package static func economicClasses(_ facts: TableFacts, personnel: Bool, _ phase: ColumnPhase? = nil) -> Source? {
        guard let column = facts.totalColumn(phase) else { return nil }
        let classes = facts.rows.filter { row in
            guard row.codeScheme == .economic, row.level == 1, let code = row.code else { return false }
            return EconomicClasses.standard.isPersonnel(code) == personnel
        }
        guard !classes.isEmpty else { return nil }
        return Source(table: facts.id,
                      location: classes.compactMap(\.code).joined(separator: " + ") + " | \(facts.path(column))",
                      terms: classes.map { facts.figure($0, column: column.index) })
    }

    package static func funds(_ grid: FundsGrid, _ line: FundsGrid.Line?) -> Source? {
        guard let line, let column = grid.current else { return nil }
        return Source(table: grid.facts.id, location: "\(line.label) | \(grid.facts.path(column))",
                      terms: [grid.facts.figure(line.row, column: column.index)])
    }
}
