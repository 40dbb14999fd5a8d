/// Hand-written matchers for the shapes of lines in a report. They scan characters once, with no
/// regular expressions: they run on every line of thousands of reports.
enum TextPatterns {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "廿", "卅", "百", "零", "〇", "两"]

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{3000}" || character == "\t" || character == "\u{A0}"
    }

    static func isDigit(_ character: Character) -> Bool {
        ("0"..."9").contains(character) || ("０"..."９").contains(character)
    }

    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, isSpace(first) { text.removeFirst() }
        while let last = text.last, isSpace(last) { text.removeLast() }
        return text
    }

    static func trimmed(_ text: String) -> String { String(trimmed(text[...])) }

    /// The text with all spaces removed and full-width brackets, colons and quotes unified: how
    /// two printings of one label are compared (`收 入` = `收入`, `（一）` = `(一)`).
    static func compactKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{3000}", "\t", "\u{A0}": continue
            case "（": scalars.append("(")
            case "）": scalars.append(")")
            case "：": scalars.append(":")
            case "“", "”", "＂": scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A table caption: `表1`, `表 5-1`, `附表-5-2`, `表1-1.`, `表 1. 收支总表`. Returns the table
    /// id (`5-1`) and what follows the number (a title, in a contents entry).
    static func caption(_ line: String) -> (id: String, rest: String)? {
        var text = trimmed(line[...])
        if text.hasPrefix("附") { text = text.dropFirst() }
        guard text.hasPrefix("表") else { return nil }
        text = text.dropFirst()
        while let first = text.first, isSpace(first) || first == "-" || first == "－" { text.removeFirst() }
        var id = ""
        while let first = text.first {
            if isDigit(first) {
                id.append(halfWidthDigit(first))
                text.removeFirst()
            } else if (first == "-" || first == "－" || first == "—"), let next = text.dropFirst().first, isDigit(next), !id.isEmpty {
                id.append("-")
                text.removeFirst()
            } else {
                break
            }
        }
        guard !id.isEmpty else { return nil }
        if let first = text.first, first == "." || first == "．" || first == "、" || first == "：" || first == ":" {
            text.removeFirst()
        }
        let rest = trimmed(text)
        // `表1` followed by more digits or ASCII is something else (`表10a`); CJK or nothing is a caption.
        if let first = rest.first, first.isASCII, first.isLetter { return nil }
        return (id, String(rest))
    }

    private static func halfWidthDigit(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0xFF10, scalar.value <= 0xFF19 else {
            return character
        }
        return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
    }

    /// `第一部分 …` / `第三部分 …`: a part of the report.
    static func isPartHeading(_ line: String) -> Bool {
        let text = trimmed(line[...])
        guard text.hasPrefix("第") else { return false }
        let numeral = text.dropFirst().prefix { chineseNumerals.contains($0) || isDigit($0) }
        return !numeral.isEmpty && text.dropFirst(1 + numeral.count).hasPrefix("部分")
    }

    /// How a heading or list item is numbered.
    enum EnumeratorStyle: String, Codable, Sendable {
        /// `一、`
        case chinese
        /// `（一）`, `(一)`
        case parenthesizedChinese
        /// `1.`, `1、`, `1．`
        case arabic
        /// `（1）`, `(1)`
        case parenthesizedArabic
    }

    /// The enumerator a line starts with, its ordinal text and the rest of the line.
    static func enumerator(_ line: String) -> (style: EnumeratorStyle, ordinal: String, rest: Substring)? {
        let text = trimmed(line[...])
        guard let first = text.first else { return nil }
        if first == "(" || first == "（" {
            let inner = text.dropFirst().prefix { chineseNumerals.contains($0) || isDigit($0) }
            let after = text.dropFirst(1 + inner.count)
            guard !inner.isEmpty, let close = after.first, close == ")" || close == "）" else { return nil }
            let style: EnumeratorStyle = inner.allSatisfy(isDigit) ? .parenthesizedArabic : .parenthesizedChinese
            guard style == .parenthesizedArabic || inner.allSatisfy({ chineseNumerals.contains($0) }) else { return nil }
            return (style, String(inner), trimmed(after.dropFirst()))
        }
        if chineseNumerals.contains(first) {
            let numeral = text.prefix { chineseNumerals.contains($0) }
            let after = text.dropFirst(numeral.count)
            guard after.first == "、" else { return nil }
            return (.chinese, String(numeral), trimmed(after.dropFirst()))
        }
        if isDigit(first) {
            let number = text.prefix(while: isDigit)
            let after = text.dropFirst(number.count)
            guard number.count <= 3, let mark = after.first, mark == "." || mark == "、" || mark == "．" else { return nil }
            // `1.70` is a number, not an item.
            if let next = after.dropFirst().first, isDigit(next) { return nil }
            return (.arabic, String(number), trimmed(after.dropFirst()))
        }
        return nil
    }

    /// `key：value` where key is one of `keys` (`单位：万元`, `说明：…`).
    static func keyValue(_ text: String, keys: [String]) -> (key: String, value: String)? {
        let trimmedText = trimmed(text[...])
        for key in keys where trimmedText.hasPrefix(key) {
            let after = trimmedText.dropFirst(key.count)
            let spaced = after.drop(while: isSpace)
            guard let mark = spaced.first, mark == "：" || mark == ":" else { continue }
            return (key, String(trimmed(spaced.dropFirst())))
        }
        return nil
    }

    /// A cell that holds an amount: digits with separators, a decimal part, a sign or brackets,
    /// a percent sign (`1,209.02`, `-3.5`, `（12.00）`, `100%`).
    static func isAmount(_ cell: String) -> Bool {
        let text = trimmed(cell[...])
        var digits = 0
        for (index, character) in text.enumerated() {
            if isDigit(character) {
                digits += 1
            } else if ",.，．% ".contains(character) || character == "％" {
                continue
            } else if index == 0, "-−－+(（".contains(character) {
                continue
            } else if index == text.count - 1, ")）".contains(character) {
                continue
            } else {
                return false
            }
        }
        return digits > 0
    }

    /// A classification, unit or project code: 3 or more ASCII digits, or a long run of digits
    /// and capitals with at least eight digits (`42010022503T000000142`).
    static func isCode(_ cell: String) -> Bool {
        let text = trimmed(cell[...])
        guard text.count >= 3, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        let digits = text.filter(\.isNumber).count
        return digits == text.count || (text.count >= 10 && digits >= 8)
    }

    /// Number-like tokens in a text: maximal runs of digits, joined by `,` or `.` between digits.
    static func numberTokenCount(_ text: Substring) -> Int {
        var count = 0
        var inToken = false
        var pendingSeparator = false
        for character in text {
            if isDigit(character) {
                if !inToken { count += 1 }
                inToken = true
                pendingSeparator = false
            } else if inToken, !pendingSeparator, ",.，．".contains(character) {
                pendingSeparator = true
            } else {
                inToken = false
                pendingSeparator = false
            }
        }
        return count
    }

    /// A colon at the end introduces what follows (a list, a new paragraph) rather than continuing.
    static func endsClause(_ text: String) -> Bool {
        guard let last = trimmed(text[...]).last else { return true }
        return last == "：" || last == ":"
    }

    /// Terminal punctuation: a line that ends with it ends its sentence.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = trimmed(text[...]).last else { return true }
        return "。；！？.;!?".contains(last)
    }
}
