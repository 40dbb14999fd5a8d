import BudgetCore
import BudgetSegment

/// Cleans labels for display, so the same label prints the same across tables (comparing is
/// `TextKey`'s job): the letter-spacing PDFs put
/// between CJK characters is removed (`收 入 总 计` → `收入总计`), brackets, colons, commas and
/// semicolons in CJK text become full-width (`(十七)` → `（十七）`), HTML tags go, and a leading
/// enumerator is split off (`一、`, `（一）`, `1.`).
package enum LabelCleaner {
    /// The label without tags, letter-spacing, mixed-width punctuation or outer spaces.
    package static func clean(_ text: String) -> String {
        // Most labels hold nothing this changes (no space, no ASCII bracket, colon, semicolon or
        // comma, no tag): they are returned as they are, without building an array of their
        // scalars and a string from it (every row label and header cell of every table comes here).
        if !text.unicodeScalars.contains(where: { TextPatterns.isSpace($0) || mayChange($0) }) { return text }
        var scalars = Array(text.unicodeScalars)
        if Bytes.contains(text, UInt8(ascii: "<")), let paragraphs = HTMLText.paragraphs(text) {
            scalars = Array(paragraphs.joined(separator: "\n").unicodeScalars)
        }
        let hasCJK = scalars.contains(where: TextPatterns.isCJK)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if TextPatterns.isSpace(scalar) {
                // Keep a space only between two characters that are not CJK (`7 * 24`, `A B`).
                let before = out.last
                let after = scalars[(index + 1)...].first { !TextPatterns.isSpace($0) }
                guard let before, let after, !TextPatterns.isCJK(before), !TextPatterns.isCJK(after), !TextPatterns.isSpace(before) else { continue }
                out.append(" ")
                continue
            }
            if hasCJK {
                switch scalar {
                case "(": out.append("（"); continue
                case ")": out.append("）"); continue
                case ":": out.append("："); continue
                case ";": out.append("；"); continue
                case ",": if !isDigitAround(scalars, index) { out.append("，"); continue }
                default: break
                }
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// The cleaned label with its enumerator split off.
    package static func split(_ text: String) -> (ordinal: String?, label: String) {
        let cleaned = clean(text)
        guard let enumerator = TextPatterns.enumerator(cleaned) else { return (nil, cleaned) }
        let rest = String(enumerator.rest)
        return rest.isEmpty ? (nil, cleaned) : (enumerator.ordinal, rest)
    }

    /// A scalar `clean` may replace or act on, besides spaces: the ASCII punctuation it widens in
    /// CJK text, and `<`, which may start a tag.
    @inline(__always)
    private static func mayChange(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", ")", ":", ";", ",", "<": true
        default: false
        }
    }

    private static func isDigitAround(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index > 0 && index + 1 < scalars.count && ("0"..."9").contains(scalars[index - 1]) && ("0"..."9").contains(scalars[index + 1])
    }
}
