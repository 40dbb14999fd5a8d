import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// A real Shanghai 部门预算 (`Tests/Fixtures/shanghai-dept-budget`, issue 15's report 016) read end
/// to end: every table found with its kind, every amount a fact, every identity checked.
@Suite struct ShanghaiReportTests {
    static let data: Data = try! Data(contentsOf: Fixtures.input("shanghai-dept-budget"))
    static let run: StagesRun = try! StagesRun(data: data)

    @Test func allNineTablesAreFoundWithTheirKinds() {
        let tables = Self.run.segmented.tables
        #expect(tables.map(\.id) == (1...9).map(String.init))
        #expect(tables.map(\.kind) == [
            "income-expenditure-summary", "income-summary", "expenditure-summary", "fiscal-appropriation-summary",
            "general-budget-expenditure-by-function", "government-fund-expenditure", "state-capital-expenditure",
            "general-budget-basic-expenditure", "three-public-expenditure",
        ])
        #expect(tables.map(\.amountUnit) == Array(repeating: "元", count: 8) + ["万元"])
        #expect(Self.run.segmented.unassigned.isEmpty)
        #expect(Self.run.segmented.missingTables.isEmpty)
        #expect(Self.run.segmented.diagnostics.isEmpty, "\(Self.run.segmented.diagnostics)")
    }

    /// Counted from the text itself, independently of segment: every cell of a tabbed line that
    /// is a number, except the code parts a coded row begins with (`201 | 05 | 07`).
    @Test func everyAmountCellIsAFact() {
        var printed = 0
        for line in Self.run.text.split(separator: "\n", omittingEmptySubsequences: false) where line.contains("\t") {
            var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = cells.first, first.count == 3, first.allSatisfy(\.isASCII), Int(first) != nil {
                cells.removeFirst()
                while let next = cells.first, next.count == 2, Int(next) != nil { cells.removeFirst() }
            }
            printed += cells.filter { cell in
                !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "," || $0 == "." } && cell.contains(where: \.isNumber)
            }.count
        }
        let facts = Self.run.normalized.tables.flatMap(\.rows).flatMap(\.cells).filter { $0.value != nil }
        #expect(printed == 875)
        #expect(facts.count == printed)
        #expect(!Self.run.normalized.diagnostics.contains { $0.kind == .unread || $0.kind == .structure })
    }

    /// No check fails. Before issue 15, 59 did: every narrative figure in 万元 (`18,976.76万元`)
    /// against the tables in 元 (`189,767,551`) at ±1 元, `政府性基金拨款支出预算0.00万元` against
    /// the report's total, and 机关运行经费 taken for 公务用车运行费. None of those was an error of
    /// the document itself.
    @Test func everyIdentityIsCheckedAndHolds() {
        let checks = Self.run.reconciled.checks
        #expect(!checks.contains { $0.status == .fail || $0.status == .warn }, "\(checks.filter { $0.status == .fail })")
        #expect(checks.filter { $0.rule == "hierarchy" && $0.status == .pass }.count > 300)
        #expect(checks.filter { $0.rule == "header-sum" && $0.status == .pass }.count > 200)
        #expect(checks.contains { $0.rule == "cross-table" && $0.status == .pass })
        #expect(checks.contains { $0.rule == "paired" && $0.status == .pass })
        // The narrative's 万元 figures agree with the 元 tables within their own rounding.
        let total = checks.first { $0.id == "narrative:83:财政拨款收入" }
        #expect(total?.status == .pass)
        #expect(total?.difference == ExactDecimal("49.00"))
        #expect(total?.tolerance == ExactDecimal("50.5"))
    }

    @Test func theUnitIsThePublishingOfficeNotTheDistrict() {
        let metadata = Self.run.normalized.metadata
        #expect(metadata.unitName == "上海市普陀区人民政府万里街道办事处")
        #expect(metadata.units?.count == 6)
        #expect(metadata.units?.first == "上海市普陀区人民政府万里街道办事处（本部）")
        #expect(metadata.fiscalYear == 2025)
        #expect(metadata.kind == .departmentBudget)
    }

    /// The same report's PDF through `pdftotext -layout` (columns aligned by spaces, form feeds
    /// between pages; corpus report 006, `layout.txt` beside the fixture) gives the same facts as
    /// the tabbed text, cell for cell: same tables, rows, columns and values; and no check fails.
    @Test func theSameReportFromPdftotextLayoutGivesTheSameFacts() throws {
        let layout = try StagesRun(data: Data(contentsOf: Fixtures.input("shanghai-dept-budget").deletingLastPathComponent()
            .appendingPathComponent("layout.txt")))
        func facts(_ run: StagesRun) -> [String] {
            run.normalized.tables.flatMap { table in
                table.rows.flatMap { row in
                    row.cells.compactMap { cell in
                        cell.value.map { value in
                            let path = table.columns.first { $0.index == cell.column }?.path.joined(separator: "/") ?? ""
                            return [table.id, table.kind ?? "", row.section ?? "", row.code ?? "", row.item ?? "", path,
                                    value.description].joined(separator: "|")
                        }
                    }
                }
            }.sorted()
        }
        let tabbed = facts(Self.run)
        #expect(tabbed.count == 875)
        #expect(facts(layout) == tabbed)
        #expect(layout.segmented.tables.map(\.kind) == Self.run.segmented.tables.map(\.kind))
        #expect(!layout.reconciled.checks.contains { $0.status == .fail || $0.status == .warn },
                "\(layout.reconciled.checks.filter { $0.status == .fail || $0.status == .warn })")
    }
}
