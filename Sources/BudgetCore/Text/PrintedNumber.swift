/// Reading numbers as reports print them (`1,209.02`, `１,２０９.０２`, `1209.02`, `-3.5`,
/// `（12.00）`, `68.26%`) into exact values. The one place the rules of a printed number live:
/// which digits, separators, signs and brackets count, and how many digits fit an
/// `ExactDecimal` that will later be aligned and summed. Its callers keep their own job: a
/// table cell (`AmountParser`: placeholders, blanks), a figure in a sentence (`ClaimScanner`),
/// the arithmetic of a cost estimate (`CostBasisScanner`).
///
/// No regular expressions and no Foundation `Decimal` (which reads `"1,234.50"` as 1): one pass
/// over Unicode scalars, since every cell and paragraph of thousands of reports comes here.
package enum PrintedNumber {
    /// Digits allowed before the point; with `maximumFractionDigits`, no accepted number can
    /// overflow `ExactDecimal` when aligned or summed.
    package static let maximumIntegerDigits = 18
    package static let maximumFractionDigits = 10

    // MARK: A whole text

    /// Why a text is not one number, kept as such until someone reads it: most refusals are
    /// only counted (the labels of a column tried as amounts), and spelling out the character
    /// that broke a number cost some 3,000 instructions a cell.
    package enum Refusal: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// A rule the text breaks, in words.
        case rule(String)
        /// A character no number holds.
        case unexpected(Unicode.Scalar)

        package init(stringLiteral words: String) {
            self = .rule(words)
        }

        package var description: String {
            switch self {
            case .rule(let words):
                return words
            case .unexpected(let scalar):
                let visible = scalar.properties.generalCategory != .control
                    && scalar.properties.generalCategory != .format
                    && !scalar.properties.isWhitespace
                let shown = visible ? "\"\(scalar)\"" : "U+" + String(scalar.value, radix: 16, uppercase: true)
                return "\(shown) is not part of a number"
            }
        }
    }

    /// What a whole text (a cell, a token) holds.
    package enum Reading: Sendable, Equatable {
        /// A number; `isPercent` when printed with a trailing `%` (`value` is then the printed
        /// number: `68.26%` → 68.26).
        case number(ExactDecimal, isPercent: Bool)
        /// Nothing but spaces.
        case empty
        /// Not one number; `reason` says why in a short phrase a person can act on.
        case refused(reason: Refusal, digitsSeen: Bool)
    }

    /// Reads `text` as one number. Accepted: spaces anywhere (ASCII space, tab, U+00A0, U+3000);
    /// full-width digits and `．，％＋（）`; one leading sign (`+`, `-`, `−`, `－`, `–`) or
    /// parentheses for a negative; `,` thousands separators in groups of three before the point
    /// only; a trailing `%`. Everything else — units, letters, two numbers — is refused.
    package static func read(_ text: String) -> Reading {
        var scanner = WholeText()
        for scalar in text.unicodeScalars {
            if let reason = scanner.consume(scalar) { return .refused(reason: reason, digitsSeen: scanner.digitsSeen) }
        }
        if let reason = scanner.finish() { return .refused(reason: reason, digitsSeen: scanner.digitsSeen) }
        return scanner.digitsSeen ? .number(scanner.value, isPercent: scanner.isPercent) : .empty
    }

    /// The spaces a number may hold (PDF letter-spacing): ASCII space, tab, U+00A0, U+3000.
    package static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x3000
    }

    /// The ASCII character a scalar stands for in a number: full-width digits and `．，％＋（）`
    /// map to ASCII, and every minus form to `-`. Anything else is returned unchanged.
    package static func asciiEquivalent(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xFF10...0xFF19, 0xFF0E, 0xFF0C, 0xFF05, 0xFF0B, 0xFF08, 0xFF09, 0xFF0D: value - 0xFEE0
        case 0x2212, 0x2013: 0x2D
        default: value
        }
    }

    // MARK: A number inside running text

    /// A number found in running text: where it ends and what it is worth.
    package struct Span: Sendable, Equatable {
        /// Just past the number's last digit.
        package var end: Int
        package var integerDigits: Int
        package var fractionDigits: Int
        /// Printed with thousands separators.
        package var grouped: Bool
        /// The digits before the first separator are more than a group of three (`1234,567`):
        /// the text may print it, but it is not a well-formed number.
        package var irregularGrouping: Bool
        /// Nil when it has more digits than `maximumIntegerDigits`/`maximumFractionDigits`.
        package var value: ExactDecimal?
    }

    /// The number whose first digit is at `start` in `s`: digits of either width, thousands
    /// separators (`,` followed by exactly three digits; a full-width `，` only between
    /// full-width digits, where it cannot be the sentence's comma), and one decimal point (`.`
    /// or `．`) followed by a digit. Signs, percent and units are the caller's to read after.
    package static func span(in s: [Unicode.Scalar], from start: Int) -> Span {
        var i = start
        var significand: Int128 = 0
        var integerDigits = 0, fractionDigits = 0
        var firstGroup: Int?
        // Digits past the limits are counted, not accumulated: the value is then nil anyway.
        func accumulate(_ digit: Int) {
            if integerDigits <= maximumIntegerDigits && fractionDigits <= maximumFractionDigits {
                significand = significand * 10 + Int128(digit)
            }
        }
        while i < s.count {
            if let digit = TextPatterns.digitValue(s[i]) {
                integerDigits += 1
                accumulate(digit)
                i += 1
            } else if isGroupSeparator(s, at: i) {
                if firstGroup == nil { firstGroup = integerDigits }
                i += 1
            } else {
                break
            }
        }
        if i + 1 < s.count, s[i] == "." || s[i] == "．", TextPatterns.isDigit(s[i + 1]) {
            i += 1
            while i < s.count, let digit = TextPatterns.digitValue(s[i]) {
                fractionDigits += 1
                accumulate(digit)
                i += 1
            }
        }
        let fits = integerDigits <= maximumIntegerDigits && fractionDigits <= maximumFractionDigits
        let value = fits ? ExactDecimal(significand: significand, scale: fractionDigits) : nil
        return Span(end: i, integerDigits: integerDigits, fractionDigits: fractionDigits, grouped: firstGroup != nil,
                    irregularGrouping: (firstGroup ?? 0) > 3, value: value)
    }

    /// `,` between digits with exactly three digits after it is a thousands separator
    /// (`3,355.65`); anything else is punctuation (`54万元,比`). A full-width `，` counts only
    /// between full-width digits.
    package static func isGroupSeparator(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, i + 3 < s.count, TextPatterns.isDigit(s[i - 1]) else { return false }
        guard s[i] == "," || (s[i] == "，" && TextPatterns.isFullWidthDigit(s[i - 1])) else { return false }
        guard TextPatterns.isDigit(s[i + 1]), TextPatterns.isDigit(s[i + 2]), TextPatterns.isDigit(s[i + 3]) else { return false }
        return i + 4 == s.count || !TextPatterns.isDigit(s[i + 4])
    }

    /// `%` or `％` after a number.
    package static func isPercentSign(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "%" || scalar == "％"
    }
}

extension PrintedNumber {
    /// Where a whole-text scan is: before the digits (signs, `(`), in them, or after them
    /// (`%`, `)`).
    private enum Phase { case before, digits, after }

    /// The state of `read`: one scalar at a time, refusing at the first that breaks a rule.
    private struct WholeText {
        var phase = Phase.before
        var digitsSeen = false
        var negative = false
        var signed = false
        var opened = false
        var closed = false
        var isPercent = false
        var integer: UInt64 = 0
        var integerDigits = 0
        var fraction: UInt64 = 0
        var fractionDigits = 0
        var sawPoint = false
        var sawSeparator = false
        /// Digits since the start or the last thousands separator.
        var groupDigits = 0
        /// A space was skipped after a digit: a second point then likely starts a second number.
        var spaceAfterDigit = false

        var value: ExactDecimal {
            let magnitude = Int128(integer) * ExactDecimal.powerOfTen(fractionDigits) + Int128(fraction)
            return ExactDecimal(significand: negative ? -magnitude : magnitude, scale: fractionDigits)
        }

        /// Takes one scalar; returns why the text is refused, or nil to go on.
        mutating func consume(_ scalar: Unicode.Scalar) -> Refusal? {
            let value = scalar.value
            if PrintedNumber.isSpace(value) {
                if phase == .digits { spaceAfterDigit = true }
                return nil
            }
            let ascii = PrintedNumber.asciiEquivalent(value)
            switch ascii {
            case 0x30...0x39:
                return digit(UInt64(ascii - 0x30))
            case 0x2C:
                guard phase == .digits else {
                    return phase == .before ? "thousands separator before any digit" : .unexpected(scalar)
                }
                if sawPoint { return "thousands separator after the decimal point" }
                if !groupIsComplete(atSeparator: true) { return "thousands separators not in groups of three" }
                sawSeparator = true
                groupDigits = 0
                return nil
            case 0x2E:
                switch phase {
                case .before: return "no digits before the decimal point"
                case .after: return .unexpected(scalar)
                case .digits:
                    if sawPoint {
                        return spaceAfterDigit ? "two numbers in one cell" : "more than one decimal point"
                    }
                    if !groupIsComplete(atSeparator: false) { return "thousands separators not in groups of three" }
                    sawPoint = true
                    return nil
                }
            case 0x25:
                switch phase {
                case .before: return "no digits before the percent sign"
                case .digits:
                    if let reason = endDigits() { return reason }
                case .after:
                    if isPercent { return "more than one percent sign" }
                }
                isPercent = true
                return nil
            case 0x28:
                guard phase == .before else { return .unexpected(scalar) }
                if opened { return "more than one opening parenthesis" }
                if signed { return "a sign and parentheses together" }
                opened = true
                negative = true
                return nil
            case 0x29:
                switch phase {
                case .before: return "no digits in the parentheses"
                case .digits:
                    if let reason = endDigits() { return reason }
                case .after:
                    break
                }
                if !opened { return "closing parenthesis without an opening one" }
                if closed { return "more than one closing parenthesis" }
                closed = true
                return nil
            case 0x2D, 0x2B:
                guard phase == .before else { return "a sign must come before the number" }
                if signed { return "more than one sign" }
                if opened { return "a sign and parentheses together" }
                signed = true
                negative = ascii == 0x2D
                return nil
            default:
                return .unexpected(scalar)
            }
        }

        /// Ends the scan; returns why the text is refused, or nil.
        mutating func finish() -> Refusal? {
            if phase == .digits, let reason = endDigits() { return reason }
            if !digitsSeen { return signed || opened ? "no digits" : nil }
            if opened && !closed { return "opening parenthesis without a closing one" }
            return nil
        }

        private mutating func digit(_ digit: UInt64) -> Refusal? {
            switch phase {
            case .before: phase = .digits
            case .digits: break
            case .after: return "digits after the end of the number"
            }
            digitsSeen = true
            if sawPoint {
                fractionDigits += 1
                if fractionDigits > PrintedNumber.maximumFractionDigits {
                    return .rule("too many digits (at most \(PrintedNumber.maximumFractionDigits) after the point)")
                }
                fraction = fraction * 10 + digit
            } else {
                integerDigits += 1
                if integerDigits > PrintedNumber.maximumIntegerDigits {
                    return .rule("too many digits (at most \(PrintedNumber.maximumIntegerDigits) before the point)")
                }
                integer = integer * 10 + digit
                groupDigits += 1
            }
            return nil
        }

        /// Closes the digits at `%`, `)` or the end of the text.
        private mutating func endDigits() -> Refusal? {
            phase = .after
            if sawPoint { return fractionDigits == 0 ? "no digits after the decimal point" : nil }
            return groupIsComplete(atSeparator: false) ? nil : "thousands separators not in groups of three"
        }

        /// The digits since the last separator form a valid group: 1–3 digits before the first
        /// separator, exactly 3 after one.
        private func groupIsComplete(atSeparator: Bool) -> Bool {
            if sawSeparator { return groupDigits == 3 }
            return !atSeparator || (1...3).contains(groupDigits)
        }
    }
}
