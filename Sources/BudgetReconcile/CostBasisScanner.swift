import BudgetCore

/// Reads the figures and the arithmetic out of a cost estimate's free text (测算依据及说明):
/// `按照8.31万元*8人=65.38万元核定；临时劳务费1.34万元。`
///
/// Money is a number followed by 万元, 元, or a bare 万 that ends its phrase (`4.5万；`); `70万条`
/// and `1300万市民` count things, `2022年` is a year, and `每条0.06元` or `8.31万元/人` is a rate, so
/// none of those is an amount the line costs. A count remembers its unit (`条`, `个月`) and a rate
/// what it is per (`每条` → `条`), so counts can be matched with their price; a count may be
/// approximate (`近20万条`, `20余万条`, `20万条左右`: the words of `reconcile-words.json`); and a
/// number of months, years or days next to a multiplication sign (`*11月`) is a count, not a
/// date. Scanned by hand, one pass over the text.
package enum CostBasisScanner {
    /// The unit the scanner reads money in: every amount of the text is brought into it, so
    /// arithmetic mixing 元 and 万元 adds up; a rule converts its results to the table's unit.
    package static let unit = "万元"

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
        /// A count's unit without 万 (`条` of `70万条`), a rate's thing it is priced per (`条` of
        /// `每条0.06元`, `人` of `8.31万元/人`).
        package var word: String? = nil
        /// A count read with 万 (`6万条`): 万 may be part of the number (1,300,000 条) or the
        /// unit counted (6 lots of 万条, priced per 万条).
        package var tenThousands = false
        /// The word that makes a count approximate (`近`, `余`, `左右`), as printed.
        package var approximate: String? = nil
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
                var unit = readUnit(s, from: afterNumber)
                if read == nil { unit.raw = .other }
                let value = read ?? .zero
                var amount = value
                var printed = precision
                var token = Token(kind: .gap, start: start, end: unit.end)
                switch unit.raw {
                case .money(let exponent):
                    // Bring 元 into 万元: the point moves four places, and so does the precision.
                    let shift = 4 - exponent
                    amount = ExactDecimal(significand: value.significand, scale: min(value.scale + shift, ExactDecimal.maximumScale))
                    printed = min(precision + shift, ExactDecimal.maximumScale - 1)
                case .count(let tenThousands):
                    if tenThousands { amount = value * 10000 }
                    token.tenThousands = tenThousands
                    token.word = unit.word
                    token.approximate = approximateWord(s, before: start) ?? unit.approximate
                default:
                    break
                }
                var kind: Token.Unit
                switch unit.raw {
                case .money:
                    if let per = rateWord(s, before: start) {
                        kind = .rate
                        token.word = per.isEmpty ? nil : per
                    } else {
                        kind = .money
                    }
                case .count: kind = .count
                case .period: kind = nextToTimes(s, start: start, end: unit.end) ? .count : .other
                case .other: kind = .other
                }
                if kind == .money, token.end < s.count, s[token.end] == "/" {
                    kind = .rate
                    token.end += 1
                    let wordStart = token.end
                    while token.end < s.count, TextPatterns.isIdeograph(s[token.end]) { token.end += 1 }
                    token.word = token.end > wordStart ? String(scalars: s[wordStart..<token.end]) : nil
                }
                token.kind = .number(amount, precision: printed, unit: kind, total: isTotalMarked(s, before: start))
                tokens.append(token)
                index = token.end
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
        /// 年, 月, 日: a date, or a count of them next to a multiplication sign.
        case period
        case other
    }

    /// What follows a number: its unit, where the unit ends, a count's unit word and the word
    /// that makes it approximate.
    private struct ReadUnit {
        var raw: RawUnit
        var end: Int
        var word: String? = nil
        var approximate: String? = nil
    }

    /// The number at `start` (`PrintedNumber`'s rules): its value, printed decimals and end.
    /// One too long for an exact decimal reads as zero; its unit then makes it `.other`.
    private static func readNumber(_ s: [Unicode.Scalar], from start: Int) -> (ExactDecimal?, Int, Int) {
        let span = PrintedNumber.span(in: s, from: start)
        return (span.value, span.fractionDigits, span.end)
    }

    private static func readUnit(_ s: [Unicode.Scalar], from start: Int) -> ReadUnit {
        var index = start
        while index < s.count, s[index] == " " { index += 1 }
        guard index < s.count else { return ReadUnit(raw: .other, end: start) }
        if let money = PrintedUnit.money(in: s, at: index) { return ReadUnit(raw: .money(money.exponent), end: index + money.length) }
        // `20余万条`, `20多条`: an approximate word between a count and its unit (never before
        // money: `20余万元` is read as before, not as an amount).
        var approximate: String?
        if let word = match(approximateWords.after, in: s, at: index), index + word.count < s.count,
           PrintedUnit.money(in: s, at: index + word.count) == nil,
           TextPatterns.isIdeograph(s[index + word.count]) {
            approximate = String(scalars: word)
            index += word.count
        }
        switch s[index] {
        case "万":
            guard index + 1 < s.count, TextPatterns.isIdeograph(s[index + 1]) else {
                return ReadUnit(raw: approximate == nil ? .money(4) : .other, end: index + 1)
            }
            var wordStart = index + 1
            if approximate == nil, let word = match(approximateWords.after, in: s, at: wordStart),
               wordStart + word.count < s.count, TextPatterns.isIdeograph(s[wordStart + word.count]) {
                approximate = String(scalars: word)
                wordStart += word.count
            }
            return countUnit(s, from: wordStart, tenThousands: true, approximate: approximate)
        case "亿":
            return ReadUnit(raw: .other, end: index + 1)
        case "年", "月", "日":
            return ReadUnit(raw: .period, end: index + 1)
        case "%", "％", "版", "号":
            return ReadUnit(raw: .other, end: index + 1)
        default:
            guard TextPatterns.isIdeograph(s[index]) else { return ReadUnit(raw: .other, end: start) }
            return countUnit(s, from: index, tenThousands: false, approximate: approximate)
        }
    }

    /// A count's unit: the ideographs from `start` (`条`, `个月`), less a closing `左右`.
    private static func countUnit(_ s: [Unicode.Scalar], from start: Int, tenThousands: Bool, approximate: String?) -> ReadUnit {
        var end = start
        while end < s.count, TextPatterns.isIdeograph(s[end]) { end += 1 }
        var wordEnd = end
        var approximate = approximate
        for word in approximateWords.afterUnit where wordEnd - word.count > start {
            if s[(wordEnd - word.count)..<wordEnd].elementsEqual(word) {
                approximate = approximate ?? String(scalars: word)
                wordEnd -= word.count
                break
            }
        }
        return ReadUnit(raw: .count(tenThousands: tenThousands), end: end,
                        word: String(scalars: s[start..<wordEnd]), approximate: approximate)
    }

    /// The approximate-count words of `reconcile-words.json`, as scalars.
    private static let approximateWords: (before: [[Unicode.Scalar]], after: [[Unicode.Scalar]], afterUnit: [[Unicode.Scalar]]) = {
        let words = ReconcileWords.standard.approximateCounts
        func scalars(_ list: [String]) -> [[Unicode.Scalar]] {
            list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        }
        return (scalars(words.before), scalars(words.after), scalars(words.afterUnit))
    }()

    /// The longest of `words` printed at `index`.
    private static func match(_ words: [[Unicode.Scalar]], in s: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        words.first { index + $0.count <= s.count && s[index..<(index + $0.count)].elementsEqual($0) }
    }

    /// `近20万条`, `约 5 万份`: the approximate word printed just before a number.
    private static func approximateWord(_ s: [Unicode.Scalar], before start: Int) -> String? {
        var end = start
        while end > 0, s[end - 1] == " " { end -= 1 }
        for word in approximateWords.before where end - word.count >= 0 {
            if s[(end - word.count)..<end].elementsEqual(word) { return String(scalars: word) }
        }
        return nil
    }

    /// `5.13万元*11月`, `12月×1.1万元`: a number of months (years, days) multiplied is a count.
    private static func nextToTimes(_ s: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        func isTimes(_ scalar: Unicode.Scalar) -> Bool { "*×＊xX✕".unicodeScalars.contains(scalar) }
        var before = start - 1
        while before >= 0, s[before] == " " { before -= 1 }
        var after = end
        while after < s.count, s[after] == " " { after += 1 }
        return (before >= 0 && isTimes(s[before])) || (after < s.count && isTimes(s[after]))
    }

    /// `每条0.06元`: a price per thing is a rate, not an amount. Returns what it is per (`条`;
    /// empty for `单价`), nil when the amount is not a rate.
    private static func rateWord(_ s: [Unicode.Scalar], before start: Int) -> String? {
        var index = start - 1
        var steps = 0
        while index >= 0, steps < 3, TextPatterns.isIdeograph(s[index]) {
            if s[index] == "每" { return String(scalars: s[(index + 1)..<start]) }
            if s[index] == "单" { return "" }
            index -= 1
            steps += 1
        }
        return nil
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
