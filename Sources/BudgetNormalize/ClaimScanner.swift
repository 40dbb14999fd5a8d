import BudgetCore

/// One thing the claim scanner found in a paragraph, by its place in the paragraph's Unicode
/// scalars (`start..<end`).
package struct ClaimToken: Sendable {
    package enum Kind: Sendable {
        /// A number with a unit that makes it a figure (`1209.02 万元`, `68.26%`, `5 台(套)`).
        case figure(ClaimValue, ClaimUnitKind)
        /// A count before the noun it counts, when the noun is one of claim-units.json's
        /// `countedNouns` (`1 个二级项目`): a figure about the words after it.
        case countBefore(ClaimValue)
        /// A number that states nothing: an ordinal (`1.`), a date part (`12 月`), a count before
        /// any other noun (`6 个科室`), a number without a unit.
        case number
        case year(Int)
        /// `上年` −1, `本年` 0: resolved against the report year by the reader.
        case relativeYear(Int)
        case compare(ClaimCompareForm)
        case direction(ChangeDirection)
        /// `占`, `占比`, `比重`: the next percent is a share.
        case share
        /// Text between the other tokens (spaces are never part of a token).
        case words
        case open, close
        /// `，` `,` `、`
        case pause
        /// `：` `:`
        case colon
        /// `；` `;`
        case clauseEnd
        /// `。` `！` `？`
        case sentenceEnd
    }

    package var kind: Kind
    package var start: Int
    package var end: Int
}

/// What a figure's unit makes it.
package enum ClaimUnitKind: String, Sendable, Equatable, Decodable {
    /// 元, 万元, 千元, 亿元.
    case money
    case percent
    /// 个百分点: a change of a rate.
    case points
    /// Physical assets: 辆, 台(套), 平方米 …
    case quantity
    /// Counts of people, items, projects (人, 个, 项 …): a figure only when it ends its clause.
    case count
}

/// How a comparison is worded, which decides where its base year is.
package enum ClaimCompareForm: Sendable, Equatable {
    /// `比 2023 年`, `较上年`: the year follows.
    case before
    /// `同比`: against the same period of last year.
    case sameTime
    /// `与上年相比`: the year came just before.
    case after
}

/// Splits a paragraph into `ClaimToken`s in one pass over its Unicode scalars. Paragraphs of
/// thousands of reports go through here, so it matches words by comparing scalars — no regular
/// expressions, no `Character` iteration.
package enum ClaimScanner {
    package static func tokens(_ s: [Unicode.Scalar]) -> [ClaimToken] {
        var tokens: [ClaimToken] = []
        tokens.reserveCapacity(s.count / 4)
        var wordsStart: Int?
        func flush(_ end: Int) {
            if let start = wordsStart { tokens.append(ClaimToken(kind: .words, start: start, end: end)) }
            wordsStart = nil
        }
        var i = 0
        while i < s.count {
            let scalar = s[i]
            if isSpace(scalar) {
                flush(i)
                i += 1
                continue
            }
            if TextPatterns.isDigit(scalar) {
                // Digits glued to Latin letters are a name (`GB2312`, `5G`), not a figure.
                if wordsStart != nil, i > 0, TextPatterns.isASCIILetter(s[i - 1]) {
                    while i < s.count, TextPatterns.isDigit(s[i]) { i += 1 }
                    continue
                }
                flush(i)
                let token = number(s, at: i)
                tokens.append(token)
                i = token.end
                continue
            }
            if scalar == "." || scalar == "．" {
                // After a digit it belongs to an enumerator (`1.因公出国`); elsewhere it ends a
                // sentence, as `。` does.
                let previous = s[..<i].last { !isSpace($0) }
                if let previous, TextPatterns.isDigit(previous) {
                    if wordsStart == nil { wordsStart = i }
                } else {
                    flush(i)
                    tokens.append(ClaimToken(kind: .sentenceEnd, start: i, end: i + 1))
                }
                i += 1
                continue
            }
            if let kind = punctuation(scalar) {
                flush(i)
                tokens.append(ClaimToken(kind: kind, start: i, end: i + 1))
                i += 1
                continue
            }
            if let (kind, length) = marker(s, at: i) {
                flush(i)
                tokens.append(ClaimToken(kind: kind, start: i, end: i + length))
                i += length
                continue
            }
            if wordsStart == nil { wordsStart = i }
            i += 1
        }
        flush(s.count)
        return tokens
    }

    // MARK: Numbers

    /// The number starting at `start` and what follows it: a year, a date part, a figure with
    /// its unit, a threshold (`100 万元(含)以上`, which qualifies a noun and is words), or a
    /// bare number.
    private static func number(_ s: [Unicode.Scalar], at start: Int) -> ClaimToken {
        let span = PrintedNumber.span(in: s, from: start)
        let integerDigits = span.integerDigits, separated = span.grouped, fractionDigits = span.fractionDigits
        let numberEnd = span.end
        if start > 0, s[start - 1] == "第" { return ClaimToken(kind: .number, start: start, end: numberEnd) }
        let next = skipSpaces(s, from: numberEnd)
        guard next < s.count else { return ClaimToken(kind: .number, start: start, end: numberEnd) }
        let follower = s[next]

        if integerDigits == 4, !separated, fractionDigits == 0, follower == "年" {
            let year = TextPatterns.integerValue(s[start ..< numberEnd])
            if (1900...2100).contains(year) {
                let end = next + 1 < s.count && s[next + 1] == "度" ? next + 2 : next + 1
                return ClaimToken(kind: .year(year), start: start, end: end)
            }
        }
        if start > 0, s[start - 1] == "(" || s[start - 1] == "（", follower == "类" || follower == "款" || follower == "项",
           next + 1 < s.count, s[next + 1] == ")" || s[next + 1] == "）" {
            // A classification code: `（204类）司法（06款）行政运行（01项）`.
            return ClaimToken(kind: .number, start: start, end: next + 1)
        }
        switch follower {
        case "年", "月", "日", "号", "时", "余", "多":
            return ClaimToken(kind: .number, start: start, end: next + 1)
        default:
            break
        }
        let unit: (name: String, kind: ClaimUnitKind, length: Int)
        if PrintedNumber.isPercentSign(follower) {
            unit = ("%", .percent, 1)
        } else if let found = self.unit(s, at: next) {
            unit = found
        } else {
            return ClaimToken(kind: .number, start: start, end: numberEnd)
        }
        let end = next + unit.length
        if unit.kind == .money || unit.kind == .quantity, let thresholdEnd = threshold(s, after: end) {
            return ClaimToken(kind: .words, start: start, end: thresholdEnd)
        }
        let after = skipSpaces(s, from: end)
        if after < s.count, s[after] == "/" || s[after] == "／" || s[after] == "*" || s[after] == "×" {
            return ClaimToken(kind: .words, start: start, end: end)
        }
        if unit.kind == .count, after < s.count, !endsClause(s[after]) {
            if let value = span.value, !span.irregularGrouping, countedNouns.contains(where: { matches(s, at: after, $0) }) {
                let raw = String(scalars: s[start ..< end])
                return ClaimToken(kind: .countBefore(ClaimValue(raw: raw, value: value, unit: unit.name)), start: start, end: end)
            }
            return ClaimToken(kind: .number, start: start, end: end)
        }
        guard let value = span.value, !span.irregularGrouping else {
            return ClaimToken(kind: .words, start: start, end: end)
        }
        let raw = String(scalars: s[start ..< end])
        return ClaimToken(kind: .figure(ClaimValue(raw: raw, value: value, unit: unit.name), unit.kind),
                          start: start, end: end)
    }

    /// Money units first (`PrintedUnit`, shared by every stage), then the units of
    /// `Resources/claim-units.json`, longest first so `台(套)` wins over `台` and `个百分点` over `个`.
    private static let units: [(pattern: [Unicode.Scalar], name: String, kind: ClaimUnitKind)] =
        PrintedUnit.money.map { (Array($0.name.unicodeScalars), $0.name, ClaimUnitKind.money) }
        + ClaimUnitWords.standard.units.list.map { (Array($0.printed.unicodeScalars), $0.unit, $0.kind) }

    private static func unit(_ s: [Unicode.Scalar], at i: Int) -> (name: String, kind: ClaimUnitKind, length: Int)? {
        for unit in units where matches(s, at: i, unit.pattern) {
            return (unit.name, unit.kind, unit.pattern.count)
        }
        return nil
    }

    private static let countedNouns = ClaimUnitWords.standard.countedNouns.scalars
    private static let thresholdWords = ClaimUnitWords.standard.thresholdWords.scalars
    private static let included = ClaimUnitWords.standard.includedWords.scalars

    /// The end of `(含)以上` / `以下` / `以内` after a unit, if one follows.
    private static func threshold(_ s: [Unicode.Scalar], after end: Int) -> Int? {
        var i = skipSpaces(s, from: end)
        if let found = included.first(where: { matches(s, at: i, $0) }) {
            i = skipSpaces(s, from: i + found.count)
        }
        guard let word = thresholdWords.first(where: { matches(s, at: i, $0) }) else { return nil }
        return i + word.count
    }

    private static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch punctuation(scalar) {
        case .pause?, .colon?, .clauseEnd?, .sentenceEnd?, .close?: return true
        default: return scalar == "." || scalar == "．"
        }
    }

    // MARK: Punctuation and marker words

    package static func punctuation(_ scalar: Unicode.Scalar) -> ClaimToken.Kind? {
        switch scalar {
        case "，", ",", "、": .pause
        case "：", ":": .colon
        case "；", ";": .clauseEnd
        case "。", "！", "？", "!", "?": .sentenceEnd
        case "(", "（": .open
        case ")", "）": .close
        default: nil
        }
    }

    private static let previousYearWords = ClaimUnitWords.standard.previousYearWords.scalars
    private static let unchangedWords = ClaimUnitWords.standard.unchangedWords.scalars

    /// A comparison, direction, share or relative-year word at `i`, with its length. Each is
    /// checked against its neighbours so that `比例`, `较大`, `占有`, `以上年` and `基本年`
    /// stay words.
    private static func marker(_ s: [Unicode.Scalar], at i: Int) -> (ClaimToken.Kind, Int)? {
        let next: Unicode.Scalar = i + 1 < s.count ? s[i + 1] : " "
        let previous: Unicode.Scalar = i > 0 ? s[i - 1] : " "
        switch s[i] {
        case "同" where next == "比": return (.compare(.sameTime), 2)
        case "相" where next == "比": return (.compare(.after), 2)
        case "比":
            switch next {
            case "重", "例": return (.share, 2)
            case "率", "较", "如", "对", "照": return nil
            default: return (.compare(.before), 1)
            }
        case "较":
            switch next {
            case "大", "多", "少", "高", "低", "好", "为", "快", "慢", "强", "弱", "差", "小", "长", "短", "早", "晚": return nil
            default: return (.compare(.before), 1)
            }
        case "占":
            switch next {
            case "比": return (.share, 2)
            case "有", "用", "地", "据", "领": return nil
            default: return (.share, 1)
            }
        case "增" where next == "加" || next == "长" || next == "幅": return (.direction(.increase), 2)
        case "提" where next == "高": return (.direction(.increase), 2)
        case "减" where next == "少" || next == "幅": return (.direction(.decrease), 2)
        case "下" where next == "降" || next == "调": return (.direction(.decrease), 2)
        case "降" where next == "低": return (.direction(.decrease), 2)
        case "上":
            if next == "升" { return (.direction(.increase), 2) }
            guard previous != "以", let word = previousYearWords.first(where: { matches(s, at: i, $0) }) else { return nil }
            return (.relativeYear(-1), word.count)
        case "去" where next == "年": return (.relativeYear(-1), 2)
        case "本", "今", "当":
            guard next == "年" else { return nil }
            switch previous {
            case "基", "资", "成", "根", "样", "日", "版", "文": return nil
            default: return (.relativeYear(0), i + 2 < s.count && s[i + 2] == "度" ? 3 : 2)
            }
        case "无", "没", "未", "保":
            guard let word = unchangedWords.first(where: { matches(s, at: i, $0) }) else { return nil }
            return (.direction(.unchanged), word.count)
        case "持" where next == "平": return (.direction(.unchanged), 2)
        case "不" where next == "变": return (.direction(.unchanged), 2)
        default: return nil
        }
    }

    // MARK: Scalars

    package static func matches(_ s: [Unicode.Scalar], at i: Int, _ pattern: [Unicode.Scalar]) -> Bool {
        guard i >= 0, i + pattern.count <= s.count else { return false }
        for (offset, scalar) in pattern.enumerated() where s[i + offset] != scalar { return false }
        return true
    }

    /// Spaces, tabs, line and page breaks (a form feed starts the first line of a page).
    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: true
        default: false
        }
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var i = i
        while i < s.count, isSpace(s[i]) { i += 1 }
        return i
    }
}
