import BudgetCore

/// Reads the figures and the arithmetic out of a cost estimate's free text (测算依据及说明):
/// `按照8.31万元*8人=65.38万元核定；临时劳务费1.34万元。`
///
/// Money is a number followed by 万元, 元, or a bare 万 that ends its phrase (`4.5万；`); `70万条`
/// and `1300万市民` count things, `2022年` is a year, and `每条0.06元` or `8.31万元/人` is a rate, so
/// none of those is an amount the line costs. Scanned by hand, one pass over the text.
package enum CostBasisScanner {
    /// A number in the text and what it measures.
    package struct Token {
        package enum Unit: Equatable {
            /// Money, already in 万元.
            case money
            /// Money per something (`每条0.06元`, `8.31万元/人`): usable in arithmetic only.
            case rate
            /// A count (`8人`, `12个月`, `70万条`: 万 applied).
            case count
            /// A year, a percentage, a version: not arithmetic.
            case other
        }
        package enum Kind: Equatable {
            case number(ExactDecimal, precision: Int, unit: Unit, total: Bool)
            case times, plus, equals
            /// Anything else; it separates phrases.
            case gap
        }
        package var kind: Kind
        package var start: Int
        package var end: Int
    }

    package static func scan(_ text: String) -> CostBasis {
        let scalars = Array(text.unicodeScalars)
        return CostBasis(tokens: tokens(scalars), text: scalars)
    }

    package static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var gapStart: Int?
        func closeGap(at end: Int) {
            if let start = gapStart { tokens.append(Token(kind: .gap, start: start, end: end)) }
            gapStart = nil
        }
        while index < s.count {
            let scalar = s[index]
            if TextPatterns.digitValue(scalar) != nil,
               index == 0 || !(TextPatterns.isASCIILetter(s[index - 1]) || TextPatterns.digitValue(s[index - 1]) != nil) {
                closeGap(at: index)
                let start = index
                let (read, precision, afterNumber) = readNumber(s, from: index)
                var (unit, end) = readUnit(s, from: afterNumber)
                if read == nil { unit = .other }
                let value = read ?? .zero
                var amount = value
                var printed = precision
                switch unit {
                case .money(let exponent):
                    // Bring 元 into 万元: the point moves four places, and so does the precision.
                    let shift = 4 - exponent
                    amount = ExactDecimal(significand: value.significand, scale: min(value.scale + shift, ExactDecimal.maximumScale))
                    printed = min(precision + shift, ExactDecimal.maximumScale - 1)
                case .count(let tenThousands) where tenThousands:
                    amount = value * 10000
                default:
                    break
                }
                var kind: Token.Unit
                switch unit {
                case .money: kind = isRate(s, before: start) ? .rate : .money
                case .count: kind = .count
                case .rate: kind = .rate
                case .other: kind = .other
                }
                if kind == .money, end < s.count, s[end] == "/" {
                    kind = .rate
                    end += 1
                    while end < s.count, TextPatterns.isIdeograph(s[end]) { end += 1 }
                }
                tokens.append(Token(kind: .number(amount, precision: printed, unit: kind, total: isTotalMarked(s, before: start)),
                                    start: start, end: end))
                index = end
                continue
            }
            switch scalar {
            case "*", "×", "＊", "x", "X", "✕":
                closeGap(at: index)
                tokens.append(Token(kind: .times, start: index, end: index + 1))
            case "+", "＋":
                closeGap(at: index)
                tokens.append(Token(kind: .plus, start: index, end: index + 1))
            case "=", "＝":
                closeGap(at: index)
                tokens.append(Token(kind: .equals, start: index, end: index + 1))
            case " ", "\u{3000}":
                break
            default:
                if gapStart == nil { gapStart = index }
            }
            index += 1
        }
        closeGap(at: s.count)
        return tokens
    }

    private enum RawUnit {
        /// Power of ten of the unit in 元 (万元 is 4).
        case money(Int)
        case count(tenThousands: Bool)
        case rate
        case other
    }

    /// The number at `start` (`PrintedNumber`'s rules): its value, printed decimals and end.
    /// One too long for an exact decimal reads as zero; its unit then makes it `.other`.
    private static func readNumber(_ s: [Unicode.Scalar], from start: Int) -> (ExactDecimal?, Int, Int) {
        let span = PrintedNumber.span(in: s, from: start)
        return (span.value, span.fractionDigits, span.end)
    }

    private static func readUnit(_ s: [Unicode.Scalar], from start: Int) -> (RawUnit, Int) {
        var index = start
        while index < s.count, s[index] == " " { index += 1 }
        guard index < s.count else { return (.other, start) }
        if let money = PrintedUnit.money(in: s, at: index) { return (.money(money.exponent), index + money.length) }
        switch s[index] {
        case "万":
            if index + 1 < s.count, TextPatterns.isIdeograph(s[index + 1]) {
                var end = index + 1
                while end < s.count, TextPatterns.isIdeograph(s[end]) { end += 1 }
                return (.count(tenThousands: true), end)
            }
            return (.money(4), index + 1)
        case "亿":
            return (.other, index + 1)
        case "%", "％", "年", "版", "月", "日", "号":
            return (.other, index + 1)
        default:
            guard TextPatterns.isIdeograph(s[index]) else { return (.other, start) }
            var end = index
            while end < s.count, TextPatterns.isIdeograph(s[end]) { end += 1 }
            return (.count(tenThousands: false), end)
        }
    }

    /// `每条0.06元`: a price per thing is a rate, not an amount.
    private static func isRate(_ s: [Unicode.Scalar], before start: Int) -> Bool {
        var index = start - 1
        var steps = 0
        while index >= 0, steps < 3, TextPatterns.isIdeograph(s[index]) {
            if s[index] == "每" || s[index] == "单" { return true }
            index -= 1
            steps += 1
        }
        return false
    }

    /// `总计49.5万元`, `合计：10万元`, `共计 5 万元`.
    private static func isTotalMarked(_ s: [Unicode.Scalar], before start: Int) -> Bool {
        var index = start - 1
        while index >= 0, s[index] == " " || s[index] == "为" || s[index] == ":" || s[index] == "：" { index -= 1 }
        guard index >= 1 else { return false }
        let pair = (s[index - 1], s[index])
        return pair.1 == "计" && (pair.0 == "总" || pair.0 == "合" || pair.0 == "共")
    }
}
