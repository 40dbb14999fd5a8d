import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

extension BadInputs {
    /// A table whose shape is broken, or a figure that is not a number, is a failed check in
    /// checks.csv naming the table, the row and the line — never a run that says nothing failed.
    @Suite struct DamagedTableTests {
        /// The sample's lines, and the index of the first line of 表3 that starts with `prefix`.
        static func table3Line(_ lines: [String], startingWith prefix: String) -> Int {
            let caption = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "表3" }!
            return lines[caption...].firstIndex { $0.hasPrefix(prefix) }!
        }

        static func failed(_ run: BadInputRun, rule: String) -> [[String]] {
            run.checks.filter { $0[2] == rule && $0[3] == "fail" }
        }

        @Test func aRowWiderThanItsHeaderFailsNamingTheLineAndTheCells() throws {
            var lines = BadInputRun.sample.components(separatedBy: "\n")
            let row = Self.table3Line(lines, startingWith: "208\t")
            lines[row] += "\t9.99\t8.88"
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            let failed = Self.failed(run, rule: "structure")
            #expect(failed.count == 1, "\(failed)")
            #expect(failed.first?[11] == String(row + 1))
            #expect(failed.first?[10].contains("has 2 cells beyond the 8 columns its header names (9.99, 8.88)") == true, "\(failed)")
        }

        @Test func aTableWithoutAHeaderFailsNamingWhereItsRowsStart() throws {
            var lines = BadInputRun.sample.components(separatedBy: "\n")
            let header = Self.table3Line(lines, startingWith: "科目编码")
            lines.remove(at: header)
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            let failed = Self.failed(run, rule: "structure")
            #expect(failed.map { $0[1] } == ["structure:3"], "\(failed)")
            #expect(failed.first?[10].hasPrefix("table 3 has rows but no header row") == true)
        }

        /// `1,2O9.02` (a letter O) in 表3's 合计 row: a `number` check fails naming table, row,
        /// column, line and the printed text.
        @Test func aFigureThatIsNotANumberFailsNamingTheCell() throws {
            var lines = BadInputRun.sample.components(separatedBy: "\n")
            let total = Self.table3Line(lines, startingWith: "\t合计\t")
            lines[total] = lines[total].replacingOccurrences(of: "1,209.02", with: "1,2O9.02")
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            let failed = Self.failed(run, rule: "number")
            #expect(failed.count == 1, "\(failed)")
            #expect(failed.first?[1] == "number:3:1:合计")
            #expect(failed.first?[11] == String(total + 1))
            #expect(failed.first?[10].contains("\"1,2O9.02\" is not a number") == true, "\(failed)")
        }

        /// Every identity that needs that cell is reported `unverified`, naming the cell (table,
        /// row, column, line, printed text) — never silently left out — and every other check is
        /// made as on the sample (表3's codes are still compared: which tables cover the same money
        /// is then judged by its top-level rows).
        @Test func everyIdentityAFigureThatIsNotANumberBlocksIsUnverifiedNamingIt() throws {
            var lines = BadInputRun.sample.components(separatedBy: "\n")
            let total = Self.table3Line(lines, startingWith: "\t合计\t")
            lines[total] = lines[total].replacingOccurrences(of: "1,209.02", with: "1,2O9.02")
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            let blocked = run.checks.filter { $0[3] == "unverified" && $0[2] != "narrative" }
            #expect(blocked.map { $0[1] } == ["hierarchy:3:合计:合计", "header-sum:3:合计:合计", "cross-table:1:expenditure:3:合计|合计"],
                    "\(blocked)")
            for check in blocked {
                #expect(check[10].contains("表3 row 合计, column 合计, line \(total + 1): \"1,2O9.02\" is not a number"), "\(check[10])")
                #expect(check[11].split(separator: " ").contains(Substring(String(total + 1))), "\(check)")
                #expect(check[6].isEmpty && check[7].isEmpty, "an unverified check states no figures: \(check)")
            }
            let ids = { (checks: [[String]]) in Set(checks.map { $0[1] }) }
            #expect(ids(run.checks) == ids(BadInputRun.sampleChecks).union(["number:3:1:合计"]))
            let changed = run.checks.filter { check in
                !BadInputRun.sampleChecks.contains { $0[1] == check[1] && $0[3] == check[3] }
            }
            #expect(changed.map { $0[1] }.sorted() == (blocked.map { $0[1] } + ["number:3:1:合计"]).sorted())
            let sampleUnverified = BadInputRun.sampleChecks.filter { $0[3] == "unverified" }.count
            #expect(run.summary.unverifiedChecks == sampleUnverified + 3)
        }

        /// The sample cut off after the third body row of 表3, as a truncated download would be.
        @Test func aFileCutOffInsideATableFailsNamingItsLastLine() throws {
            let lines = BadInputRun.sample.components(separatedBy: "\n")
            let last = Self.table3Line(lines, startingWith: "20801\t")
            let run = try BadInputRun(text: lines[...last].joined(separator: "\n"))
            let cut = Self.failed(run, rule: "structure")
            #expect(cut.count == 1, "\(cut)")
            #expect(cut.first?[11] == String(last + 1))
            #expect(cut.first?[10].hasPrefix("the text ends inside table 3, at line \(last + 1), before tables the contents promise") == true)
        }

        /// 表7 captioned `表6` by mistake: the caption printed twice over different tables is named.
        @Test func aCaptionPrintedTwiceOverDifferentTablesIsNamed() throws {
            var lines = BadInputRun.sample.components(separatedBy: "\n")
            let table6 = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "表6" }!
            let table7 = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "表7" }!
            lines[table7] = "表6"
            let run = try BadInputRun(text: lines.joined(separator: "\n"))
            let caption = run.checks.filter { $0[1].contains(":caption:") }
            #expect(caption.map { $0[1] } == ["completeness:6:caption:\(table7 + 1)"], "\(caption)")
            #expect(caption.first?[11] == "\(table6 + 1) \(table7 + 1)")
            #expect(caption.first?[3] == "warn")
        }

        @Test func theSampleHasNoSuchCheck() {
            let rules = Set(BadInputRun.sampleChecks.map { $0[2] })
            #expect(rules.isDisjoint(with: ["number", "structure", "column", "metadata"]), "\(rules)")
            #expect(!BadInputRun.sampleChecks.contains { $0[1].contains(":caption:") })
        }
    }
}
