import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize

extension BadInputs {
    /// Awkward numbers printed in an amount cell of a small report: each is a value, a blank
    /// placeholder, or a normalize diagnostic naming table, row, column and the text — never a
    /// silent zero.
    @Suite struct PrintedAmountCellTests {
        /// 表3 with one row, the cell under 合计 printed as `cell`.
        func run(_ cell: String) throws -> (cell: NormalizedCell, diagnostics: [NormalizeDiagnostic]) {
            let run = try StagesRun(text: "表3\n支出总表\n单位：万元\n科目编码\t科目名称\t合计\n208\t甲\t\(cell)\n")
            let table = try #require(run.normalized.tables.first { $0.id == "3" })
            let row = try #require(table.rows.first { $0.code == "208" })
            let found = try #require(row.cells.first { $0.raw == cell }, "\(row.cells)")
            return (found, run.normalized.diagnostics)
        }

        @Test(arguments: [("１,２０９.０２", "1209.02"), ("(1,209.02)", "-1209.02")])
        func readAsAValue(cell: String, value: String) throws {
            let result = try run(cell)
            #expect(result.cell.value == decimal(value))
            #expect(result.cell.value?.description == value)
            #expect(!result.cell.blank)
            #expect(result.diagnostics.filter { $0.table != nil }.isEmpty, "\(result.diagnostics)")
        }

        @Test(arguments: ["-", "—"])
        func placeholdersAreBlank(cell: String) throws {
            let result = try run(cell)
            #expect(result.cell.value == nil && result.cell.blank)
            #expect(result.diagnostics.filter { $0.table != nil }.isEmpty, "\(result.diagnostics)")
        }

        @Test(arguments: [
            ("1,2O9.02", #""O" is not part of a number"#), ("12.3.4", "more than one decimal point"), ("1e5", #""e" is not part of a number"#),
        ])
        func refusedWithADiagnostic(cell: String, reason: String) throws {
            let result = try run(cell)
            #expect(result.cell.value == nil && !result.cell.blank)
            let diagnostic = try #require(result.diagnostics.first { $0.text == cell }, "\(result.diagnostics)")
            #expect(diagnostic.table == "3" && diagnostic.row == 1 && diagnostic.column == "合计" && diagnostic.line == 5)
            #expect(diagnostic.message.hasPrefix("table 3, row 1 (208 甲), column 合计: \"\(cell)\" is not a number: "), "\(diagnostic.message)")
            #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        }
    }
}
