import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile

/// Every printed figure is covered by some identity: change any one and a check fails naming it;
/// move a total only by rounding and nothing is flagged.
@Suite struct ReconcileMutationTests {
    /// Estimate lines and free-text arithmetic only warn by default; to see which figures the rules
    /// cover at all, a miss in the estimate's sum fails here too.
    static let strict = ReconcileOptions(breakdownStatus: .fail)

    /// Cells whose numbers are not amounts: shares (`100%`), performance indicators (`1100万人`,
    /// `月均11万条`) and procurement quantities. No identity of the report holds them.
    static func isAmountCell(_ report: NormalizedReport, _ place: (table: Int, row: Int, cell: Int)) -> Bool {
        let table = report.tables[place.table]
        let cell = table.rows[place.row].cells[place.cell]
        let header = table.columns.first { $0.index == cell.column }?.path ?? []
        return MoneyUnit.isMoney(cell.unit) && !header.contains { $0.contains("数量") }
    }

    @Test func changingAnyAmountByOneFailsACheckNamingIt() {
        let report = SampleReport.normalized
        #expect(Reconciler.reconcile(report, options: Self.strict).summary.fail == 0)
        let one = decimal("1.00")
        var uncovered: [String] = []
        var uncoveredAmounts: [String] = []
        let cells = ReportCells.valueCells(of: report)
        for place in cells {
            let changed = ReportCells.changing(report, place, by: one)
            let line = report.tables[place.table].rows[place.row].line
            let result = Reconciler.reconcile(changed, options: Self.strict)
            let caught = result.checks.contains { $0.status == .fail && $0.lines.contains(line) }
            if !caught {
                uncovered.append(ReportCells.describe(report, place))
                if Self.isAmountCell(report, place) { uncoveredAmounts.append(ReportCells.describe(report, place)) }
            }
        }
        print("Mutation: \(cells.count) cells with values, \(uncovered.count) not covered (\(uncoveredAmounts.count) amounts):\n  "
              + uncovered.joined(separator: "\n  "))
        #expect(uncoveredAmounts.isEmpty, "amount cells no rule covers: \(uncoveredAmounts)")
        #expect(cells.count - uncovered.count >= 200)
    }

    @Test func withDefaultOptionsAChangedEstimateLineWarns() throws {
        let report = SampleReport.normalized
        let detail = try #require(report.tables.firstIndex { $0.id == "12.2" })
        let row = try #require(report.tables[detail].rows.firstIndex { $0.line == 414 })
        let cell = try #require(report.tables[detail].rows[row].cells.firstIndex { $0.value != nil })
        let result = Reconciler.reconcile(ReportCells.changing(report, (detail, row, cell), by: decimal("1.00")))
        #expect(result.summary.fail == 0)
        #expect(result.checks.contains { $0.rule == "breakdown" && $0.status == .warn && $0.lines.contains(414) })
    }

    /// Cells that a table prints as the total of others: total rows, parent rows and total columns.
    static func sumCells(of report: NormalizedReport) -> [(table: Int, row: Int, cell: Int)] {
        var cells: [(Int, Int, Int)] = []
        for (t, table) in report.tables.enumerated() {
            let parents = Set(table.rows.compactMap(\.parent))
            let totalColumns = Set(table.columns.filter { $0.path.last.map(TotalWords.isTotal) == true }.map(\.index))
            for (r, row) in table.rows.enumerated() {
                let label = row.item ?? row.cells.first { !$0.blank && $0.value == nil }.map(\.raw) ?? ""
                let isSum = row.isTotal || TotalWords.isTotal(label) || row.code.map(parents.contains) == true
                for (c, cell) in row.cells.enumerated() where cell.value != nil && MoneyUnit.isMoney(cell.unit) {
                    if isSum || totalColumns.contains(cell.column) { cells.append((t, r, c)) }
                }
            }
        }
        return cells
    }

    @Test(arguments: ["1", "-1"])
    func movingASumByOneUnitInItsLastDigitRaisesNoAlarm(sign: String) {
        let report = SampleReport.normalized
        let baseline = SampleReport.reconciled
        let alarms = Set(baseline.checks.filter { $0.status != .pass }.map(\.id))
        let cells = Self.sumCells(of: report)
        #expect(cells.count > 100)
        for place in cells {
            let table = report.tables[place.table]
            let column = table.rows[place.row].cells[place.cell].column
            let precision = table.rows.compactMap { row in row.cells.first { $0.column == column }?.value?.scale }.max() ?? 0
            let unit = ExactDecimal(significand: sign == "1" ? 1 : -1, scale: precision)
            let result = Reconciler.reconcile(ReportCells.changing(report, place, by: unit))
            let raised = result.checks.filter { $0.status != .pass && !alarms.contains($0.id) }
            #expect(raised.isEmpty, "\(ReportCells.describe(report, place)) moved by \(unit): \(raised.map(\.message))")
            #expect(result.checks.map(\.id) == baseline.checks.map(\.id), "ids are stable under rounding")
        }
    }

    @Test func reconcilingTheSampleIsFast() {
        let report = SampleReport.normalized
        let clock = ContinuousClock()
        let runs = 20
        let elapsed = clock.measure {
            for _ in 0..<runs { _ = Reconciler.reconcile(report) }
        }
        print("Reconcile: \(elapsed / runs) per report (\(SampleReport.reconciled.checks.count) checks)")
        // A release build takes about 3 ms on the 2-core build machine; this catches a rule gone
        // quadratic even in a debug build on a busy machine.
        #expect(elapsed / runs < .milliseconds(250))
    }
}
