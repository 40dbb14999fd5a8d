/// CSV injection defence. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
/// formula (and tab or carriage return hide such a start), so an exported report could run
/// commands on the reader's machine. Such text gets one leading apostrophe, which spreadsheets
/// take as "this is text" and do not display.
///
/// Exceptions and the way back:
/// - A field that is a plain printed number (`-1,209.02`, `+3.5%`) is left alone: a spreadsheet
///   reads it as the number it is, and numbers are never altered.
/// - Text that already starts with an apostrophe gets one too, so the rule is reversible without
///   ambiguity: a field that starts with `'` had exactly one apostrophe added; remove it to get
///   the printed text.
package enum CSVDefusing {
    package static let prefix = "'"

    /// The printed text of a field `CSVWriter` wrote: one added apostrophe removed.
    package static func printed(_ field: String) -> String {
        guard field.utf8.first == UInt8(ascii: "'"), needsDefusing(String(field.dropFirst())) else { return field }
        return String(field.dropFirst())
    }

    package static func needsDefusing(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return !isPlainNumber(text)
        case UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }

    /// An optional sign, digits (with `,` between groups), optional decimals, optional `%`.
    package static func isPlainNumber(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        if utf8.last == UInt8(ascii: "%") { utf8 = utf8.dropLast() }
        guard let first = utf8.first, isDigit(first), let last = utf8.last, isDigit(last) else { return false }
        var seenPoint = false
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: ","):
                guard !seenPoint, isDigit(previous) else { return false }
            case UInt8(ascii: "."):
                guard !seenPoint, isDigit(previous) else { return false }
                seenPoint = true
            default: return false
            }
            previous = byte
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
