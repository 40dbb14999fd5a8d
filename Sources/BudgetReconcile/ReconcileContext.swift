import BudgetCore
import BudgetNormalize

/// What every rule reads: the report, its tables prepared as `TableFacts`, and the options; and
/// what several rules derive from them, worked out once.
package final class ReconcileContext {
    package let report: NormalizedReport
    package let options: ReconcileOptions
    package let tables: [TableFacts]
    /// The unit every figure is compared in: the report's amount unit, 万元 when it states none.
    package let unit: String

    package init(_ report: NormalizedReport, options: ReconcileOptions) {
        self.report = report
        self.options = options
        let unit = report.metadata.amountUnit.flatMap { MoneyUnit.isMoney($0) ? $0 : nil } ?? "万元"
        self.unit = unit
        tables = report.tables.map { TableFacts($0, unit: unit) }
        var precisions: [String: Int] = [:]
        for facts in tables {
            let tableUnit = facts.table.amountUnit.flatMap { MoneyUnit.isMoney($0) ? $0 : nil } ?? unit
            for column in facts.moneyColumns {
                precisions[tableUnit] = max(precisions[tableUnit] ?? 0, facts.precision(of: column.index))
            }
        }
        amountPrecisions = precisions
        amountPrecision = precisions[unit] ?? 0
    }

    /// Decimals the tables in the report's unit print amounts to (the finest of their money
    /// columns). Prose restates table figures and, like a column, drops trailing zeros (`1024 万元`
    /// for `1,024.00`), so its amounts are read at this precision.
    package let amountPrecision: Int

    /// By money unit, the decimals the tables printed in that unit print amounts to: prose in 万元
    /// beside tables in 元 restates the 万元 tables (the 三公 table), not the 元 ones.
    private let amountPrecisions: [String: Int]

    /// Decimals an amount the prose prints in `unit` is read at: the finest of the tables printed
    /// in that unit, none when no table is.
    package func amountPrecision(in unit: String) -> Int { amountPrecisions[unit] ?? 0 }

    package var fiscalYear: Int? { report.metadata.fiscalYear }

    package lazy var quantities = ReportQuantities(self)

    /// The phase of columns whose header names none: the report's own (`ReportKind.phase`).
    package var reportPhase: String? { report.metadata.kind?.phase }

    /// The columns of `phase` (`ColumnPhase`), the report's own phase standing for columns that
    /// name none.
    package func columns(of phase: String) -> ColumnPhase { ColumnPhase(phase, unphased: reportPhase) }

    private var phasedQuantities: [ColumnPhase: ReportQuantities] = [:]

    /// The report-wide figures as the columns of `phase` print them, worked out once per phase.
    package func quantities(in phase: ColumnPhase) -> ReportQuantities {
        if let found = phasedQuantities[phase] { return found }
        let found = ReportQuantities(self, phase: phase)
        phasedQuantities[phase] = found
        return found
    }

    package lazy var funds = FundsGrid(self)

    /// Tables of a kind from `table-kinds.json`, in report order.
    package func tables(kind: String) -> [TableFacts] {
        tables.filter { $0.table.kind == kind }
    }

    package func table(kind: String) -> TableFacts? {
        tables.first { $0.table.kind == kind }
    }

    package func table(id: String) -> TableFacts? {
        tables.first { $0.id == id }
    }

    /// A form's grids whose title contains one of `words` (`资金`, `明细`).
    package func grids(of form: TableFacts, titled words: [String]) -> [TableFacts] {
        tables.filter { facts in
            facts.table.parentId == form.id && words.contains { facts.table.title.includes($0) }
        }
    }

    /// Tables whose coded rows use `scheme`, with at least one row.
    package func tables(scheme: CodeScheme) -> [TableFacts] {
        tables.filter { !$0.table.empty && $0.hasScheme(scheme) }
    }

    /// Function tables, the general budget's first (the narrative describes its use).
    package lazy var functionTables: [TableFacts] = {
        let found = tables(scheme: .function)
        return found.filter { $0.table.kind == Kind.generalByFunction } + found.filter { $0.table.kind != Kind.generalByFunction }
    }()
}

/// Table kinds of `table-kinds.json` the rules look for, by name.
package enum Kind {
    package static let incomeExpenditure = "income-expenditure-summary"
    package static let income = "income-summary"
    package static let expenditure = "expenditure-summary"
    package static let fiscalAppropriation = "fiscal-appropriation-summary"
    package static let generalByFunction = "general-budget-expenditure-by-function"
    package static let generalByUnit = "general-budget-expenditure-by-unit"
    package static let basic = "general-budget-basic-expenditure"
    package static let threePublic = "three-public-expenditure"
    package static let governmentFund = "government-fund-expenditure"
    package static let stateCapital = "state-capital-expenditure"
    package static let projects = "project-expenditure"
    package static let overallPerformance = "overall-performance-targets"
    package static let projectPerformance = "project-performance-targets"
}
