import BudgetCore

/// A number as a report printed it, with its exact value.
public struct ParsedAmount: Sendable, Equatable {
    /// The cell's text exactly as given, spaces included, for messages that quote the report.
    public var raw: String
    public var value: ExactDecimal
    /// Printed with a trailing `%`; `value` is then the printed number (`68.26%` → 68.26).
    public var isPercent: Bool
}

/// What one table cell or number token holds.
package enum AmountCell: Sendable, Equatable {
    case amount(ParsedAmount)
    /// Empty, or a placeholder that means "no value" (`-`, `—`, `/`, `…`): not zero, not an error.
    case blank(raw: String)
    /// Not a number by the rules; `reason` says why in a short phrase a person can act on. Never
    /// read as zero.
    case invalid(raw: String, reason: PrintedNumber.Refusal)
}

/// Reads one table cell: a number by `PrintedNumber`'s rules (the one reader of printed numbers),
/// or a placeholder that means "no value" (a lone `-`, `—`, `/`, `…`), or text that is neither.
/// Accepted numbers: spaces anywhere; full-width digits and `．，％＋（）`; one leading sign or
/// parentheses for a negative; `,` thousands separators in groups of three; a trailing `%`.
/// Everything else — units, letters, two numbers — is `.invalid`.
public enum AmountParser {
    public static let maximumIntegerDigits = PrintedNumber.maximumIntegerDigits
    public static let maximumFractionDigits = PrintedNumber.maximumFractionDigits

    package static func parse(_ raw: String) -> AmountCell {
        switch PrintedNumber.read(raw) {
        case .number(let value, let isPercent):
            return .amount(ParsedAmount(raw: raw, value: value, isPercent: isPercent))
        case .empty:
            return .blank(raw: raw)
        case .refused(let reason, let digitsSeen):
            // A refused cell that never held a digit may still be a placeholder (`—`, `--`, `/`).
            if !digitsSeen && isPlaceholder(raw) { return .blank(raw: raw) }
            return .invalid(raw: raw, reason: reason)
        }
    }

    /// `-` `－` `−` `–` `—` `―` `/` `／` `…` alone, or `——` `--` `－－`, spaces aside.
    private static func isPlaceholder(_ raw: String) -> Bool {
        var first: UInt32 = 0
        var second: UInt32 = 0
        var count = 0
        for scalar in raw.unicodeScalars where !PrintedNumber.isSpace(scalar.value) {
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
}
