import Testing
@testable import BudgetCore
@testable import BudgetNormalize

/// Report cells to exact amounts: every printed form the rules accept, every placeholder, and
/// every refusal with a reason — never a silent zero.
@Suite struct AmountParserTests {
    func amount(_ raw: String) -> ParsedAmount? {
        guard case .amount(let parsed) = AmountParser.parse(raw) else { return nil }
        return parsed
    }

    @Test(arguments: [
        ("1024", "1024"), ("35", "35"), ("54.00", "54.00"), ("1209.02", "1209.02"), ("0", "0"), ("0.00", "0.00"),
        ("-0.50", "-0.50"), ("007", "7"), ("123456789012345678", "123456789012345678"),
        ("0.1234567890", "0.1234567890"), ("123456789012345678.1234567890", "123456789012345678.1234567890"),
    ])
    func plainNumbers(raw: String, value: String) throws {
        let parsed = try #require(amount(raw))
        #expect(parsed.value.description == value)
        #expect(parsed.raw == raw)
        #expect(!parsed.isPercent)
    }

    @Test func integersHaveScaleZeroAndDecimalsKeepTheirs() throws {
        #expect(try #require(amount("1024")).value.scale == 0)
        #expect(try #require(amount("54.00")).value.scale == 2)
        #expect(try #require(amount("1,209.0")).value.scale == 1)
    }

    @Test(arguments: [
        (" 1 209.02 ", "1209.02"), ("\t1209.02\t", "1209.02"), ("\u{A0}1209.02\u{A0}", "1209.02"),
        ("\u{3000}1209.02\u{3000}", "1209.02"), ("1 2 0 9 . 0 2", "1209.02"), ("- 5", "-5"), ("( 5 )", "-5"),
        ("5 %", "5"),
    ])
    func spacesAreIgnored(raw: String, value: String) throws {
        let parsed = try #require(amount(raw))
        #expect(parsed.value.description == value)
        #expect(parsed.raw == raw)
    }

    @Test(arguments: [
        ("１２０９．０２", "1209.02"), ("１，２０９．０２", "1209.02"), ("１,２０９.０２", "1209.02"),
        ("＋５", "5"), ("（１，２０９．０２）", "-1209.02"), ("(1,209.02）", "-1209.02"),
    ])
    func fullWidthFormsAreTheirASCIIForms(raw: String, value: String) throws {
        #expect(try #require(amount(raw)).value.description == value)
    }

    @Test func fullWidthPercent() throws {
        let parsed = try #require(amount("６８．２６％"))
        #expect(parsed.isPercent)
        #expect(parsed.value.description == "68.26")
    }

    @Test(arguments: [
        ("1,209.02", "1209.02"), ("1,209", "1209"), ("12,345.6", "12345.6"), ("123,456", "123456"),
        ("1,234,567.89", "1234567.89"), ("1 , 209", "1209"), ("１２，３４５", "12345"),
    ])
    func thousandsSeparatorsInValidGroups(raw: String, value: String) throws {
        #expect(try #require(amount(raw)).value.description == value)
    }

    @Test(arguments: [
        ("-1209.02", "-1209.02"), ("\u{2212}1209.02", "-1209.02"), ("\u{FF0D}1209.02", "-1209.02"),
        ("\u{2013}1209.02", "-1209.02"), ("+5", "5"), ("+0.50", "0.50"), ("-1,209.02", "-1209.02"),
    ])
    func leadingSigns(raw: String, value: String) throws {
        #expect(try #require(amount(raw)).value.description == value)
    }

    @Test(arguments: ["(1,209.02)", "（1,209.02）", "(1209.02)", "（１２０９．０２）"])
    func parenthesesMeanNegative(raw: String) throws {
        #expect(try #require(amount(raw)).value.description == "-1209.02")
    }

    @Test(arguments: [
        ("68.26%", "68.26"), ("68.26％", "68.26"), ("-2.24%", "-2.24"), ("100%", "100"), ("(2.24%)", "-2.24"),
        ("(2.24)%", "-2.24"),
    ])
    func percentKeepsThePrintedNumber(raw: String, value: String) throws {
        let parsed = try #require(amount(raw))
        #expect(parsed.isPercent)
        #expect(parsed.value.description == value)
    }

    @Test(arguments: [
        "", " ", "\t \u{3000}\u{A0}", "-", "\u{FF0D}", "\u{2212}", "\u{2013}", "—", "——", "―", "/", "／", "--",
        "－－", "…", " - ", "\u{3000}——\u{3000}", "- -",
    ])
    func placeholdersAreBlank(raw: String) {
        #expect(AmountParser.parse(raw) == .blank(raw: raw))
    }

    @Test(arguments: [
        ("12,09.02", "groups of three"), ("1,2345", "groups of three"), ("1,20", "groups of three"),
        ("1234,567", "groups of three"), ("1,,209", "groups of three"), ("1,209,", "groups of three"),
        ("1,209.0,2", "after the decimal point"), (",123", "before any digit"),
        (".5", "no digits before the decimal point"), ("-.5", "no digits before the decimal point"),
        ("5.", "no digits after the decimal point"), ("5.%", "no digits after the decimal point"),
        ("1.2.3", "more than one decimal point"), ("1209.02 825.26", "two numbers in one cell"),
        ("-(1,209.02)", "a sign and parentheses together"), ("(-1,209.02)", "a sign and parentheses together"),
        ("－（1,209.02）", "a sign and parentheses together"), ("+(5)", "a sign and parentheses together"),
        ("--5", "more than one sign"), ("+-5", "more than one sign"), ("---", "more than one sign"),
        ("5-", "a sign must come before the number"), ("5-3", "a sign must come before the number"),
        ("(5", "opening parenthesis without a closing one"), ("5)", "closing parenthesis without an opening one"),
        ("((5))", "more than one opening parenthesis"), ("(5))", "more than one closing parenthesis"),
        ("5%%", "more than one percent sign"), ("%", "no digits before the percent sign"),
        ("5%3", "digits after the end of the number"), ("(5)3", "digits after the end of the number"),
        ("+", "no digits"), ("(", "no digits"), ("()", "no digits in the parentheses"),
        ("1234567890123456789", "too many digits"), ("1.12345678901", "too many digits"),
        ("1,234,567,890,123,456,789", "too many digits"),
        ("万元", #""万" is not part of a number"#), ("1,209.02万", #""万" is not part of a number"#),
        ("12万元", #""万" is not part of a number"#), ("abc", #""a" is not part of a number"#),
        ("1e5", #""e" is not part of a number"#), ("１２Ａ", #""Ａ" is not part of a number"#),
        ("1\u{200B}2", "U+200B is not part of a number"), ("1\u{2009}209", "U+2009 is not part of a number"),
        ("……", #""…" is not part of a number"#), ("//", #""/" is not part of a number"#),
        ("—5", #""—" is not part of a number"#), ("5—", #""—" is not part of a number"#),
    ])
    func refusalsSayWhy(raw: String, reason: String) {
        guard case .invalid(let echoed, let given) = AmountParser.parse(raw) else {
            Issue.record("\(raw) was not refused: \(AmountParser.parse(raw))")
            return
        }
        #expect(echoed == raw)
        #expect(given.description.contains(reason), "\(raw): \(given)")
    }

    @Test func theLimitsAreInclusive() {
        #expect(amount(String(repeating: "9", count: 18) + "." + String(repeating: "9", count: 10)) != nil)
        #expect(amount("-" + String(repeating: "9", count: 18)) != nil)
    }

    /// Printing an amount and reading it back gives the same value and scale, in every form a
    /// report might print it: plain, grouped, full-width, parenthesised.
    @Test func printedAmountsReadBackExactly() throws {
        var random = SeededGenerator(state: 12)
        for _ in 0..<2000 {
            let value = random.amount()
            for text in [value.description, Self.grouped(value), Self.fullWidth(Self.grouped(value)), Self.accounting(value)] {
                let parsed = try #require(amount(text), "\(text)")
                #expect(parsed.value == value && parsed.value.scale == value.scale, "\(text)")
            }
        }
    }

    /// Strings of digits, separators, signs, spaces and junk never crash the parser; each is an
    /// amount that prints and re-reads as itself, a blank without digits, or a refusal with a reason.
    @Test func randomCellsParseBlankOrRefuse() {
        let alphabet = Array("0123456789０９,.，．%％+-−－–()（） \t\u{3000}\u{A0}—―/／…万元a")
            .map(String.init) + ["12", "1,209", "3.4"]
        var random = SeededGenerator(state: 2025)
        for _ in 0..<5000 {
            let length = Int.random(in: 0...12, using: &random)
            let raw = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
            switch AmountParser.parse(raw) {
            case .amount(let parsed):
                #expect(parsed.raw == raw)
                let reread = amount(parsed.value.description)
                #expect(reread?.value == parsed.value && reread?.value.scale == parsed.value.scale, "\(raw)")
            case .blank(let echoed):
                #expect(echoed == raw)
                #expect(!raw.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }, "\(raw)")
            case .invalid(let echoed, let reason):
                #expect(echoed == raw)
                #expect(!reason.description.isEmpty)
            }
        }
    }

    /// `1,234,567.89`: the amount with thousands separators.
    static func grouped(_ value: ExactDecimal) -> String {
        var text = value.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let integer = text.prefix { $0 != "." }
        var groupedInteger = ""
        for (offset, digit) in integer.enumerated() {
            if offset > 0 && (integer.count - offset) % 3 == 0 { groupedInteger.append(",") }
            groupedInteger.append(digit)
        }
        return (negative ? "-" : "") + groupedInteger + text.dropFirst(integer.count)
    }

    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar {
            case "0"..."9", ".", ",": Unicode.Scalar(scalar.value + 0xFEE0)!
            case "-": "\u{FF0D}"
            default: scalar
            }
        }))
    }

    /// Negatives in parentheses, as accounting tables print them.
    static func accounting(_ value: ExactDecimal) -> String {
        value.isNegative ? "(" + grouped(value.abs) + ")" : grouped(value)
    }
}
