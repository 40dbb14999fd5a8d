import BudgetCore
import BudgetSegment

/// Cleans labels so the same label compares equal across tables: the letter-spacing PDFs put
/// between CJK characters is removed (`收 入 总 计` → `收入总计`), brackets, colons, commas and
/// semicolons in CJK text become full-width (`(十七)` → `（十七）`), HTML tags go, and a leading
/// enumerator is split off (`一、`, `（一）`, `1.`).
package enum LabelCleaner {
    /// The label without tags, letter-spacing, mixed-width punctuation or outer spaces.
    package static func clean(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if text.utf8.contains(UInt8(ascii: "<")), let paragraphs = HTMLText.paragraphs(text) {
            scalars = Array(paragraphs.joined(separator: "\n").unicodeScalars)
        }
        let hasCJK = scalars.contains(where: isCJK)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if TextPatterns.isSpace(scalar) {
                // Keep a space only between two characters that are not CJK (`7 * 24`, `A B`).
                let before = out.last
                let after = scalars[(index + 1)...].first { !TextPatterns.isSpace($0) }
                guard let before, let after, !isCJK(before), !isCJK(after), !TextPatterns.isSpace(before) else { continue }
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

    /// CJK ideographs and CJK / full-width punctuation.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F, 0x2018...0x201F: true
        default: false
        }
    }

    private static func isDigitAround(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index > 0 && index + 1 < scalars.count && ("0"..."9").contains(scalars[index - 1]) && ("0"..."9").contains(scalars[index + 1])
    }
}
