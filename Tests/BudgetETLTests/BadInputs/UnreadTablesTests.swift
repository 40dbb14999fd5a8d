import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetNormalize

extension BadInputs {
    /// Tables the pipeline finds but cannot read (an extractor that prints one cell per line, as
    /// `pdftotext` without `-layout` often does) never make a report that says nothing failed: the
    /// numbers left in lines that look like table rows are counted, and a report with tables but
    /// no number read fails.
    @Suite struct UnreadTablesTests {
        /// The sample with every cell on a line of its own: its captions are still found, but no
        /// line is a row of cells.
        @Test func tablesPrintedACellALineFailAndTheirNumbersAreCounted() throws {
            let text = BadInputRun.sample.replacingOccurrences(of: "\t", with: "\n")
            let lines = text.components(separatedBy: "\n")
            let run = try BadInputRun(text: text)
            #expect(run.facts.isEmpty)
            let structure = run.checks.filter { $0[2] == "structure" && $0[3] == "fail" }
            #expect(structure.count == 1, "\(structure)")
            #expect(structure.first?[10].contains("tables were found, but not one number was read from them") == true)

            let unread = try #require(run.checks.first { $0[2] == "unread" })
            #expect(unread[3] == "warn")
            // The first amount printed in a table (表1's first row) is where the loss starts.
            let firstAmount = try #require(lines.firstIndex { $0.contains(".") && Double($0.replacingOccurrences(of: ",", with: "")) != nil })
            #expect(unread[11] == String(firstAmount + 1))
            let count = try #require(Int(unread[10].prefix { $0.isNumber }))
            #expect(count > 200, "\(unread[10])")
        }

        @Test func onlyAmountsStandingAsWordsInLinesWithoutSentencePunctuationCount() {
            #expect(UnreadNumbersCheck.amountWords(in: "合计                   91,016,775.35 91,016,775.35") == 2)
            #expect(UnreadNumbersCheck.amountWords(in: "208   05   01   行政单位离退休      1,554,220.00 1,554,220.00") == 2)
            #expect(UnreadNumbersCheck.amountWords(in: "一、一般公共服务支出\u{3000}3.50\t-12.00\t（4.00）") == 3)
            // Codes, years and counts are bare integers: not amounts.
            #expect(UnreadNumbersCheck.amountWords(in: "208 05 01 2025 3") == 0)
            // A sentence, however many figures it prints.
            #expect(UnreadNumbersCheck.amountWords(in: "支出合计 12.50 万元，比上年增加 1.00 万元。") == 0)
            // …wherever its mark is: after figures that would otherwise count, or alone.
            #expect(UnreadNumbersCheck.amountWords(in: "合计 91.00 92.00；") == 0)
            #expect(UnreadNumbersCheck.amountWords(in: "。") == 0)
            // A sentence whose full stop wrapped onto the next line: its figures carry their units.
            #expect(UnreadNumbersCheck.amountWords(in: "  国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）") == 0)
            #expect(UnreadNumbersCheck.amountWords(in: "合计 0.39   万元") == 0)
            // Not numbers: a version, a date, a figure glued to its unit.
            #expect(UnreadNumbersCheck.amountWords(in: "1.2.3 2025.01.01 12.50万元") == 0)
        }
    }
}
