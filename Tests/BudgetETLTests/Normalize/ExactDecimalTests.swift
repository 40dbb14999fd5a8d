import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize

/// Exact decimals: printed precision kept, value semantics for comparison, arithmetic that
/// agrees with integer arithmetic on cents, and 四舍五入 rounding.
@Suite struct ExactDecimalTests {
    func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    // MARK: Printing and plain text

    @Test(arguments: [
        (Int128(5400), 2, "54.00"), (1024, 0, "1024"), (-50, 2, "-0.50"), (0, 2, "0.00"), (0, 0, "0"),
        (5, 3, "0.005"), (-120902, 2, "-1209.02"), (7, 0, "7"), (1, 10, "0.0000000001"),
    ])
    func descriptionPrintsExactlyTheScale(significand: Int128, scale: Int, text: String) {
        let value = ExactDecimal(significand: significand, scale: scale)
        #expect(value.description == text)
        let reread = ExactDecimal(text)
        #expect(reread?.significand == significand && reread?.scale == scale)
    }

    /// The plain form made from the digit string: what `description` must print.
    static func reference(_ value: ExactDecimal) -> String {
        var digits = String(value.significand.magnitude)
        if digits.count <= value.scale { digits = String(repeating: "0", count: value.scale + 1 - digits.count) + digits }
        let split = digits.count - value.scale
        let body = value.scale == 0 ? digits : digits.prefix(split) + "." + digits.dropFirst(split)
        return (value.significand < 0 ? "-" : "") + body
    }

    /// Random values on both sides of the 64-bit fast path (a thousandfold magnitude crosses it).
    static func randomValues(count: Int, seed: UInt64) -> [ExactDecimal] {
        var random = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let scale = Int.random(in: 0...12, using: &random)
            let magnitude = Int128(UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random))
                * (Bool.random(using: &random) ? 1 : 1_000)
            return ExactDecimal(significand: Bool.random(using: &random) ? -magnitude : magnitude, scale: scale)
        }
    }

    /// `description` takes a fast path for values that fit in 64 bits; both paths print the
    /// digits with exactly `scale` decimals, as a plain reference made from the digit string does.
    @Test func descriptionAgreesOnBothSidesOfItsFastPath() {
        for value in Self.randomValues(count: 2000, seed: 5) {
            #expect(value.description == Self.reference(value))
        }
    }

    /// checks.csv, facts.csv and normalize.json copy the bytes `withPlainText` lends instead of
    /// making a string: each field is the reference spelling (quoted in JSON), on both paths.
    @Test func writersSpellTheReferenceWithoutAString() {
        let values = Self.randomValues(count: 2000, seed: 11)
        var csv = CSVWriter(byteOrderMark: false)
        var json = JSONWriter()
        for (index, value) in values.enumerated() {
            csv.number(value)
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.decimal(value)
        }
        csv.endRecord()
        #expect(String(decoding: csv.takeData(), as: UTF8.self) == values.map(Self.reference).joined(separator: ",") + "\r\n")
        #expect(String(decoding: json.takeData(), as: UTF8.self) == values.map { "\"\(Self.reference($0))\"" }.joined(separator: ","))
    }

    @Test func plainTextKeepsItsScale() {
        #expect(decimal("-12.30").significand == -1230)
        #expect(decimal("-12.30").scale == 2)
        #expect(decimal("7").scale == 0)
        #expect(decimal("007").description == "7")
        #expect(decimal("-0").description == "0")
    }

    @Test(arguments: [
        "", "-", "+1", "1.", ".5", "-.5", "1,209.02", " 1", "1 ", "1e3", "１", "--1", "1.2.3", "0x10", "1_000",
        "0." + String(repeating: "0", count: 38) + "1", String(repeating: "9", count: 40),
    ])
    func plainTextRefusesAnythingElse(text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    // MARK: Value semantics

    @Test func equalityAndHashingAreByValue() {
        #expect(decimal("1.5") == decimal("1.50"))
        #expect(decimal("1.5").hashValue == decimal("1.50").hashValue)
        #expect(decimal("0") == decimal("-0.000"))
        #expect(decimal("0").hashValue == decimal("0.000").hashValue)
        #expect(decimal("100") == decimal("100.0"))
        #expect(decimal("100").hashValue == decimal("100.00").hashValue)
        #expect(decimal("1.5") != decimal("1.05"))
        #expect(Set(["1.5", "1.50", "1.500", "15", "0.15"].map(decimal)).count == 3)
    }

    @Test func orderingIsByValue() {
        let ordered = ["-1209.02", "-1", "-0.5", "0", "0.001", "1.5", "2", "10", "1209.02"].map(decimal)
        for (index, value) in ordered.enumerated() {
            for (other, otherValue) in ordered.enumerated() {
                #expect((value < otherValue) == (index < other), "\(value) < \(otherValue)")
            }
        }
        #expect(!(decimal("1.5") < decimal("1.50")) && !(decimal("1.50") < decimal("1.5")))
    }

    @Test func comparingAcrossExtremeScalesDoesNotOverflow() {
        let huge = ExactDecimal(significand: .max, scale: 0)
        let tiny = ExactDecimal(significand: 1, scale: ExactDecimal.maximumScale)
        #expect(tiny < huge)
        #expect(-huge < -tiny)
        #expect(huge != tiny)
        #expect(-huge < tiny)
    }

    // MARK: Arithmetic

    @Test func arithmeticKeepsTheWiderScale() {
        let sum = decimal("825.26") + decimal("383.76")
        #expect(sum.description == "1209.02")
        #expect((decimal("1.5") + decimal("0.25")).description == "1.75")
        #expect((decimal("1209.02") - decimal("1209")).description == "0.02")
        #expect((decimal("1") - decimal("1.00")).description == "0.00")
        #expect((-decimal("0.50")).description == "-0.50")
        #expect((decimal("1.5") * decimal("0.20")).description == "0.300")
        #expect((decimal("8.31") * 8).description == "66.48")
        #expect((3 * decimal("-0.10")).description == "-0.30")
        #expect(decimal("-2.40").abs.description == "2.40")
        #expect(decimal("0.00").isZero && !decimal("0.01").isZero)
        #expect(decimal("-0.01").isNegative && !decimal("0").isNegative && !decimal("-0.00").isNegative)
        var running = ExactDecimal.zero
        running += decimal("1.25")
        running -= decimal("0.5")
        #expect(running.description == "0.75")
    }

    @Test func additionInvertsAndCommutes() {
        var random = SeededGenerator(state: 2024)
        for _ in 0..<2000 {
            let a = random.amount(), b = random.amount()
            let sum = a + b
            #expect(sum.scale == max(a.scale, b.scale))
            #expect(sum == b + a)
            #expect(sum - b == a, "(\(a) + \(b)) - \(b)")
            #expect(a - a == .zero)
        }
    }

    @Test func sumsAgreeWithIntegerCents() {
        var random = SeededGenerator(state: 7)
        for _ in 0..<20 {
            var total = ExactDecimal.zero
            var cents = 0
            for _ in 0..<500 {
                let scale = Int.random(in: 0...2, using: &random)
                let unit = [100, 10, 1][scale]
                let amountInCents = Int.random(in: -10_000_000_000_000...10_000_000_000_000, using: &random) / unit * unit
                total += ExactDecimal(significand: Int128(amountInCents / unit), scale: scale)
                cents += amountInCents
            }
            #expect(total == ExactDecimal(significand: Int128(cents), scale: 2))
        }
    }

    // MARK: Rounding

    @Test(arguments: [
        ("2.345", 2, "2.35"), ("-2.345", 2, "-2.35"), ("2.344", 2, "2.34"), ("-2.344", 2, "-2.34"),
        ("0.5", 0, "1"), ("-0.5", 0, "-1"), ("1.5", 0, "2"), ("2.5", 0, "3"), ("0.49", 0, "0"),
        ("68.2586", 2, "68.26"), ("0.005", 2, "0.01"), ("-0.004", 2, "0.00"), ("1.5", 3, "1.500"), ("7", 2, "7.00"),
        ("99.995", 2, "100.00"), ("1209.02", 2, "1209.02"),
    ])
    func roundsHalfAwayFromZero(value: String, scale: Int, expected: String) {
        let rounded = decimal(value).rounded(toScale: scale)
        #expect(rounded.description == expected)
        #expect(rounded.scale == scale)
    }

    @Test func roundingAgreesWithIntegerArithmetic() {
        var random = SeededGenerator(state: 99)
        for _ in 0..<2000 {
            let significand = Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random)
            let value = ExactDecimal(significand: Int128(significand), scale: 4)
            for (scale, unit) in [(2, Int64(100)), (0, Int64(10_000)), (3, Int64(10))] {
                let magnitude = (significand.magnitude + UInt64(unit / 2)) / UInt64(unit)
                let expected = significand < 0 ? -Int128(magnitude) : Int128(magnitude)
                #expect(value.rounded(toScale: scale).significand == expected, "\(value) to \(scale)")
            }
        }
    }

    @Test func roundingAtTheLargestScaleDoesNotOverflow() {
        let value = ExactDecimal(significand: 5 * ExactDecimal.powerOfTen(37), scale: ExactDecimal.maximumScale)
        #expect(value.rounded(toScale: 0).description == "1")
        #expect((-value).rounded(toScale: 0).description == "-1")
    }

    @Test func halfUnitIsTheToleranceOfAPrintedNumber() {
        #expect(ExactDecimal.halfUnit(ofScale: 2).description == "0.005")
        #expect(ExactDecimal.halfUnit(ofScale: 0).description == "0.5")
        #expect(ExactDecimal.halfUnit(ofScale: 4) == decimal("0.00005"))
    }

    // MARK: Division

    @Test(arguments: [
        ("825.26", "1209.02", "68.26"), ("383.76", "1209.02", "31.74"), ("27.72", "1236.74", "2.24"),
    ])
    func percentagesOfKnownReportFigures(part: String, whole: String, percent: String) throws {
        let computed = try #require((decimal(part) * 100).divided(by: decimal(whole), scale: 2))
        #expect(computed.description == percent)
        guard case .amount(let printed) = AmountParser.parse(percent + "%") else {
            Issue.record("\(percent)% does not parse")
            return
        }
        #expect(printed.isPercent && printed.value == computed)
    }

    @Test func divisionRoundsHalfAwayFromZero() {
        #expect(decimal("1").divided(by: decimal("8"), scale: 2)?.description == "0.13")
        #expect(decimal("-1").divided(by: decimal("8"), scale: 2)?.description == "-0.13")
        #expect(decimal("1").divided(by: decimal("-8"), scale: 2)?.description == "-0.13")
        #expect(decimal("-1").divided(by: decimal("-8"), scale: 2)?.description == "0.13")
        #expect(decimal("1").divided(by: decimal("3"), scale: 2)?.description == "0.33")
        #expect(decimal("2").divided(by: decimal("3"), scale: 4)?.description == "0.6667")
        #expect(decimal("1209.02").divided(by: decimal("0.01"), scale: 0)?.description == "120902")
        #expect(decimal("0.004").divided(by: decimal("1"), scale: 2)?.description == "0.00")
        #expect(decimal("0").divided(by: decimal("-3"), scale: 1)?.description == "0.0")
        #expect(decimal("1").divided(by: decimal("3"), scale: 38)?.description == "0." + String(repeating: "3", count: 38))
    }

    @Test func divisionByZeroIsNil() {
        #expect(decimal("1").divided(by: .zero, scale: 2) == nil)
        #expect(decimal("0").divided(by: decimal("0.00"), scale: 2) == nil)
    }

    @Test func divisionAgreesWithIntegerArithmetic() {
        var random = SeededGenerator(state: 31)
        for _ in 0..<2000 {
            let a = ExactDecimal(significand: Int128(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random)),
                                 scale: Int.random(in: 0...4, using: &random))
            var b = ExactDecimal.zero
            while b.isZero {
                b = ExactDecimal(significand: Int128(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random)),
                                 scale: Int.random(in: 0...4, using: &random))
            }
            let scale = Int.random(in: 0...6, using: &random)
            let exponent = scale + b.scale - a.scale
            let numerator = a.significand.magnitude * ExactDecimal.powerOfTen(max(exponent, 0)).magnitude
            let denominator = b.significand.magnitude * ExactDecimal.powerOfTen(max(-exponent, 0)).magnitude
            let magnitude = Int128((2 * numerator + denominator) / (2 * denominator))
            let expected = a.isNegative != b.isNegative ? -magnitude : magnitude
            let quotient = a.divided(by: b, scale: scale)
            #expect(quotient?.significand == expected, "\(a) / \(b) to \(scale)")
            #expect(quotient?.scale == scale)
        }
    }

    // MARK: JSON

    @Test func codesAsAJSONStringKeepingThePrintedPrecision() throws {
        let values = ["1209.02", "54.00", "-0.50", "1024"].map(decimal)
        let data = try JSONCoding.encode(values, pretty: false)
        #expect(String(decoding: data, as: UTF8.self) == #"["1209.02","54.00","-0.50","1024"]"#)
        let decoded = try JSONCoding.decode([ExactDecimal].self, from: data)
        #expect(decoded.map(\.description) == values.map(\.description))
    }

    @Test(arguments: [#"[12.5]"#, #"["1,209.02"]"#, #"[" 1"]"#, #"["+1"]"#, #"[""]"#, #"["abc"]"#, #"["5."]"#, #"[null]"#])
    func decodingRefusesAnythingButAPlainDecimal(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONCoding.decode([ExactDecimal].self, from: Data(json.utf8))
        }
    }
}
