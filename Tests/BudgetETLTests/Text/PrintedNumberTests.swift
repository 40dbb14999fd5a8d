import Testing
@testable import BudgetCore

/// The one reader of printed numbers and their money units.
@Suite struct PrintedNumberTests {
    @Test(arguments: [
        ("1,209.02", "1209.02", false), ("１,２０９.０２", "1209.02", false), ("１，２０９．０２", "1209.02", false),
        ("1209.02", "1209.02", false), (" 1 209 ", "1209", false), ("-3.5", "-3.5", false), ("（12.00）", "-12.00", false),
        ("12.3%", "12.3", true), ("68.26％", "68.26", true), ("+0", "0", false),
    ])
    func readsAWholeNumber(text: String, value: String, percent: Bool) {
        #expect(PrintedNumber.read(text) == .number(ExactDecimal(value)!, isPercent: percent))
    }

    @Test func refusesWhatIsNotOneNumber() {
        #expect(PrintedNumber.read("") == .empty && PrintedNumber.read("  ") == .empty)
        for text in ["-", "1,20.5", "1.2.3", "12万元", "1 2.3 4.5", "12%%", "(3", "1,234.5,6"] {
            guard case .refused = PrintedNumber.read(text) else {
                Issue.record("\(text) was read as a number")
                continue
            }
        }
        guard case .refused(_, let digitsSeen) = PrintedNumber.read("-") else { return }
        #expect(!digitsSeen, "a lone dash may be a placeholder: the cell reader decides")
    }

    @Test func findsANumberInRunningText() {
        func span(_ text: String, from start: Int = 0) -> PrintedNumber.Span {
            PrintedNumber.span(in: Array(text.unicodeScalars), from: start)
        }
        let figure = span("3,355.65万元，比")
        #expect(figure.end == 8 && figure.value == ExactDecimal("3355.65") && figure.grouped && figure.fractionDigits == 2)
        let comma = span("54,比上年")
        #expect(comma.end == 2 && comma.value == ExactDecimal("54") && !comma.grouped, "a comma not before three digits is punctuation")
        let fullWidth = span("１，２３４．５万元")
        #expect(fullWidth.value == ExactDecimal("1234.5") && fullWidth.end == 7)
        let sentenceComma = span("12，345")
        #expect(sentenceComma.end == 2, "a full-width comma after an ASCII digit is the sentence's")
        let point = span("1.因公出国")
        #expect(point.end == 1 && point.fractionDigits == 0, "a point before a word is an enumerator's")
        #expect(span("1234,567").irregularGrouping && !span("1,234,567").irregularGrouping)
        #expect(span("1234567890123456789").value == nil, "more digits than an exact decimal sums safely")
    }

    @Test func moneyUnits() {
        #expect(PrintedUnit.moneyExponent(of: "万元") == 4 && PrintedUnit.moneyExponent(of: "元") == 0)
        #expect(PrintedUnit.moneyExponent(of: "亿元") == 8 && PrintedUnit.moneyExponent(of: "千元") == 3)
        #expect(PrintedUnit.moneyExponent(of: "%") == nil && PrintedUnit.moneyExponent(of: "万人") == nil)
        let text = Array("12万元8元".unicodeScalars)
        #expect(PrintedUnit.money(in: text, at: 2)?.name == "万元" && PrintedUnit.money(in: text, at: 2)?.length == 2)
        #expect(PrintedUnit.money(in: text, at: 5)?.exponent == 0 && PrintedUnit.money(in: text, at: 0) == nil)
        #expect(PrintedNumber.isPercentSign("%") && PrintedNumber.isPercentSign("％") && !PrintedNumber.isPercentSign("‰"))
    }
}
