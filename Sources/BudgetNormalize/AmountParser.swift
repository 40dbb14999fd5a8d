import BudgetCore

/// A number as a report printed it, with its exact value.
public struct ParsedAmount: Sendable, Equatable {
    /// The cell's text exactly as given, spaces included, for messages that quote the report.
    public var raw: String
    public var value: ExactDecimal
    /// Printed with a trailing `%`; `value` is then the printed number (`68.26%` → 68.26).
    public var isPercent: Bool

    public init(raw: String, value: ExactDecimal, isPercent: Bool) {
        self.raw = raw
        self.value = value
        self.isPercent = isPercent
    }
}

/// What one table cell or number token holds.
public enum AmountCell: Sendable, Equatable {
    case amount(ParsedAmount)
    /// Empty, or a placeholder that means "no value" (`-`, `—`, `/`, `…`): not zero, not an error.
    case blank(raw: String)
    /// Not a number by the rules; `reason` is a short phrase a person can act on. Never read as zero.
    case invalid(raw: String, reason: String)
}

/// Reads a number as printed in report text into an exact value, in one pass over its Unicode
/// scalars. It runs on every cell of thousands of reports, so it uses no regular expressions
/// and no Foundation `Decimal` (which reads `"1,234.50"` as 1).
///
/// Accepted: spaces anywhere (ASCII space, tab, U+00A0, U+3000); full-width digits and
/// `．，％＋（）`; one leading sign (`+`, `-`, `−`, `－`, `–`) or parentheses for a negative;
/// `,` thousands separators in groups of three before the point only; a trailing `%`. Placeholders
/// such as a lone `-` are `.blank`. Everything else — units, letters, two numbers — is `.invalid`.
public enum AmountParser {
    /// Digits allowed before the point; with `maximumFractionDigits`, no accepted input can
    /// overflow `ExactDecimal` when aligned or summed.
    public static let maximumIntegerDigits = 18
    public static let maximumFractionDigits = 10

    public static func parse(_ raw: String) -> AmountCell {
        var scanner = Scanner()
        for scalar in raw.unicodeScalars {
            if let reason = scanner.consume(scalar) {
                return refusal(raw, reason, digitsSeen: scanner.digitsSeen)
            }
        }
        if let reason = scanner.finish() {
            return refusal(raw, reason, digitsSeen: scanner.digitsSeen)
        }
        if !scanner.digitsSeen {
            return .blank(raw: raw)
        }
        return .amount(ParsedAmount(raw: raw, value: scanner.value, isPercent: scanner.isPercent))
    }

    /// A refused cell that never held a digit may still be a placeholder (`—`, `--`, `/`).
    private static func refusal(_ raw: String, _ reason: String, digitsSeen: Bool) -> AmountCell {
        if !digitsSeen && isPlaceholder(raw) { return .blank(raw: raw) }
        return .invalid(raw: raw, reason: reason)
    }

    /// `-` `－` `−` `–` `—` `―` `/` `／` `…` alone, or `——` `--` `－－`, spaces aside.
    private static func isPlaceholder(_ raw: String) -> Bool {
        var first: UInt32 = 0
        var second: UInt32 = 0
        var count = 0
        for scalar in raw.unicodeScalars where !isSpace(scalar.value) {
            count += 1
            switch count {
            case 1: first = scalar.value
            case 2: second = scalar.value
            default: return false
            }
        }
        switch (count, first) {
        case (1, 0x2D), (1, 0xFF0D), (1, 0x2212), (1, 0x2013), (1, 0x2014), (1, 0x2015), (1, 0x2F), (1, 0xFF0F), (1, 0x2026):
            return true
        case (2, 0x2014), (2, 0x2D), (2, 0xFF0D):
            return second == first
        default:
            return false
        }
    }

    package static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x3000
    }

    /// Where the scan is: before the digits (signs, `(`), in them, or after them (`%`, `)`).
    private enum Phase { case before, digits, after }

    private struct Scanner {
        package var phase = Phase.before
        package var digitsSeen = false
        package var negative = false
        package var signed = false
        package var opened = false
        package var closed = false
        package var isPercent = false
        package var integer: UInt64 = 0
        package var integerDigits = 0
        package var fraction: UInt64 = 0
        package var fractionDigits = 0
        package var sawPoint = false
        package var sawSeparator = false
        /// Digits since the start or the last thousands separator.
        package var groupDigits = 0
        /// A space was skipped after a digit: a second point then likely starts a second number.
        package var spaceAfterDigit = false

        package var value: ExactDecimal {
            let magnitude = Int128(integer) * ExactDecimal.powerOfTen(fractionDigits) + Int128(fraction)
            return ExactDecimal(significand: negative ? -magnitude : magnitude, scale: fractionDigits)
        }

        /// Takes one scalar; returns why the cell is refused, or nil to go on.
        package mutating func consume(_ scalar: Unicode.Scalar) -> String? {
            let value = scalar.value
            if AmountParser.isSpace(value) {
                if phase == .digits { spaceAfterDigit = true }
                return nil
            }
            let ascii = AmountParser.asciiEquivalent(value)
            switch ascii {
            case 0x30...0x39:
                return digit(UInt64(ascii - 0x30))
            case 0x2C:
                guard phase == .digits else {
                    return phase == .before ? "thousands separator before any digit" : Self.unexpected(scalar)
                }
                if sawPoint { return "thousands separator after the decimal point" }
                if !groupIsComplete(atSeparator: true) { return "thousands separators not in groups of three" }
                sawSeparator = true
                groupDigits = 0
                return nil
            case 0x2E:
                switch phase {
                case .before: return "no digits before the decimal point"
                case .after: return Self.unexpected(scalar)
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
                guard phase == .before else { return Self.unexpected(scalar) }
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
                return Self.unexpected(scalar)
            }
        }

        /// Ends the scan; returns why the cell is refused, or nil.
        package mutating func finish() -> String? {
            if phase == .digits, let reason = endDigits() { return reason }
            if !digitsSeen { return signed || opened ? "no digits" : nil }
            if opened && !closed { return "opening parenthesis without a closing one" }
            return nil
        }

        private mutating func digit(_ digit: UInt64) -> String? {
            switch phase {
            case .before: phase = .digits
            case .digits: break
            case .after: return "digits after the end of the number"
            }
            digitsSeen = true
            if sawPoint {
                fractionDigits += 1
                if fractionDigits > AmountParser.maximumFractionDigits {
                    return "too many digits (at most \(AmountParser.maximumFractionDigits) after the point)"
                }
                fraction = fraction * 10 + digit
            } else {
                integerDigits += 1
                if integerDigits > AmountParser.maximumIntegerDigits {
                    return "too many digits (at most \(AmountParser.maximumIntegerDigits) before the point)"
                }
                integer = integer * 10 + digit
                groupDigits += 1
            }
            return nil
        }

        /// Closes the digits at `%`, `)` or the end of the cell.
        private mutating func endDigits() -> String? {
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

        private static func unexpected(_ scalar: Unicode.Scalar) -> String {
            let visible = scalar.properties.generalCategory != .control
                && scalar.properties.generalCategory != .format
                && !scalar.properties.isWhitespace
            let shown = visible ? "\"\(scalar)\"" : "U+" + String(scalar.value, radix: 16, uppercase: true)
            return "\(shown) is not part of a number"
        }
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
}
