/// Hand-written matchers for the shapes of lines in a report. They scan Unicode scalars or UTF-8
/// bytes once, never grapheme clusters, and compare text by its bytes: they run on every line
/// and cell of thousands of reports, where `Character` iteration and `String ==` (which
/// normalizes non-ASCII text) would cost more than everything else together.
package enum TextPatterns {
    package static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "廿", "卅", "百", "零", "〇", "两": true
        default: false
        }
    }

    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\t" || scalar == "\u{A0}"
    }

    // MARK: Digits — reports print both widths, `2024` and `２０２４`, often in one document.

    /// An ASCII or full-width decimal digit.
    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || isFullWidthDigit(scalar)
    }

    package static func isDigit(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && isDigit(character.unicodeScalars.first!)
    }

    /// `０`…`９`.
    package static func isFullWidthDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("０"..."９").contains(scalar)
    }

    /// The value of a digit of either width; nil for anything else.
    package static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
        default: nil
        }
    }

    /// The ASCII digit a digit of either width stands for; anything else unchanged.
    package static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        isFullWidthDigit(scalar) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
    }

    /// The value of a run of digits of either width (callers bound its length). Of a slice, not
    /// any sequence: a generic `package` function runs unspecialized from another module, some
    /// 3,500 instructions for a four-digit year.
    package static func integerValue(_ digits: ArraySlice<Unicode.Scalar>) -> Int {
        var value = 0
        for digit in digits { value = value * 10 + (digitValue(digit) ?? 0) }
        return value
    }

    package static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    // MARK: CJK — two questions with two answers.

    /// A CJK character in the wide sense: ideographs, radicals, CJK and full-width punctuation,
    /// full-width forms and curly quotes. Decides whether a space is letter-spacing (a space
    /// beside such a character goes: `收 入` is `收入`) and whether text is Chinese at all.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F, 0x2018...0x201F: true
        default: false
        }
    }

    /// A Han ideograph (the unified block and extension A): a character of a word, never
    /// punctuation. Decides where a word after a number ends (`8人`, `70万条`).
    package static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// The text without leading and trailing spaces (ASCII, ideographic, no-break, tab), found as
    /// `trimmedRange` finds them.
    package static func trimmed(_ text: Substring) -> Substring {
        let range = withUTF8(text) { trimmedRange($0) }
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    /// The text without leading and trailing spaces (ASCII, ideographic, no-break, tab): the text
    /// itself, not a copy, when it has none. Over its UTF-8 bytes (see `trimmedRange`): called for
    /// nearly every cell and line, where decoding scalars one at a time cost several times more.
    package static func trimmed(_ text: String) -> String {
        withUTF8(text) { bytes in
            let range = trimmedRange(bytes)
            if range.count == bytes.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// True when the text has nothing but spaces.
    package static func isBlank(_ text: String) -> Bool {
        withUTF8(text) { trimmedRange($0).isEmpty }
    }

    /// The bytes of UTF-8 text left once the spaces `isSpace` names are taken off both ends.
    /// Each space is one whole encoded character — 20 or 09, C2 A0 (U+00A0), E3 80 80 (U+3000) —
    /// and in valid UTF-8 a C2 or E3 always starts a character, so a space is recognised from
    /// either end without decoding what lies between.
    package static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 {
                start += 1
            } else if byte == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else if byte == 0xE3, start + 2 < end, bytes[start + 1] == 0x80, bytes[start + 2] == 0x80 {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x09 {
                end -= 1
            } else if byte == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else if byte == 0x80, end - 3 >= start, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE3 {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }

    /// Same text, compared by bytes (no Unicode normalization, which reports never need).
    package static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// `same` for two strings, the common case (a line against a word list): lengths first, then
    /// one comparison of two byte buffers, with no generic code.
    package static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return withUTF8(a) { left in withUTF8(b) { right in Bytes.equal(left, right) } }
    }

    /// Whether `text` contains `pattern`, comparing UTF-8 bytes (Foundation's `contains` goes
    /// through NSString). Concrete `String` and `Substring` versions, not one over
    /// `StringProtocol`: called for every cell, where generic code across modules costs more
    /// than the search itself.
    package static func contains(_ text: String, _ pattern: String) -> Bool {
        withUTF8(text) { haystack in withUTF8(pattern) { Bytes.occurs($0, in: haystack) } }
    }

    package static func contains(_ text: Substring, _ pattern: String) -> Bool {
        withUTF8(text) { haystack in withUTF8(pattern) { Bytes.occurs($0, in: haystack) } }
    }

    /// Whether any of `patterns` (UTF-8 bytes, worked out once by the caller for a fixed word
    /// list) occurs in `text`.
    package static func contains(_ text: String, anyOf patterns: [[UInt8]]) -> Bool {
        withUTF8(text) { haystack in
            patterns.contains { pattern in pattern.withUnsafeBufferPointer { Bytes.occurs($0, in: haystack) } }
        }
    }

    /// Whether `text` starts with `prefix`, comparing UTF-8 bytes (`String.hasPrefix` compares
    /// `Character`s, breaking both texts into grapheme clusters first). Concrete byte types, not
    /// a generic collection, for the reason `contains` gives.
    package static func hasPrefix(_ text: String, _ prefix: ArraySlice<UInt8>) -> Bool {
        prefix.withUnsafeBufferPointer { prefix in
            withUTF8(text) { bytes in Bytes.hasPrefix(bytes, prefix) }
        }
    }

    /// Whether `text` ends with `suffix`, comparing UTF-8 bytes (see `hasPrefix`).
    package static func hasSuffix(_ text: String, _ suffix: ArraySlice<UInt8>) -> Bool {
        suffix.withUnsafeBufferPointer { suffix in
            withUTF8(text) { bytes in Bytes.hasSuffix(bytes, suffix) }
        }
    }

    package static func hasSuffix(_ text: String, _ suffix: [UInt8]) -> Bool {
        hasSuffix(text, suffix[...])
    }

    /// The text's UTF-8 bytes as one buffer (`String.withUTF8InPlace`, which other modules call).
    @inline(__always)
    package static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.withUTF8InPlace(body)
    }

    @inline(__always)
    package static func withUTF8<Result>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// A table caption: `表1`, `表 5-1`, `附表-5-2`, `表1-1.`, `表 1. 收支总表`. Returns the table
    /// id (`5-1`) and what follows the number (a title, in a contents entry).
    package static func caption(_ line: String) -> (id: String, rest: String)? {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        func skip(_ accept: (Unicode.Scalar) -> Bool) {
            while index < scalars.endIndex, accept(scalars[index]) { scalars.formIndex(after: &index) }
        }
        skip(isSpace)
        if index < scalars.endIndex, scalars[index] == "附" { scalars.formIndex(after: &index) }
        guard index < scalars.endIndex, scalars[index] == "表" else { return nil }
        scalars.formIndex(after: &index)
        skip { isSpace($0) || $0 == "-" || $0 == "－" }
        var id = String.UnicodeScalarView()
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isDigit(scalar) {
                id.append(asciiDigit(scalar))
            } else if scalar == "-" || scalar == "－" || scalar == "—", !id.isEmpty,
                      case let next = scalars.index(after: index), next < scalars.endIndex, isDigit(scalars[next]) {
                id.append("-")
            } else {
                break
            }
            scalars.formIndex(after: &index)
        }
        guard !id.isEmpty else { return nil }
        if index < scalars.endIndex, [".", "．", "、", "：", ":"].contains(scalars[index]) { scalars.formIndex(after: &index) }
        let rest = trimmed(line[index...])
        // `表1` followed by ASCII letters is something else (`表10a`); CJK or nothing is a caption.
        if let first = rest.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic { return nil }
        return (String(id), String(rest))
    }

    /// `第一部分 …` / `第三部分 …`: a part of the report.
    package static func isPartHeading(_ line: String) -> Bool {
        var scalars = trimmed(line[...]).unicodeScalars[...]
        guard scalars.first == "第" else { return false }
        scalars = scalars.dropFirst()
        let numeral = scalars.prefix { isChineseNumeral($0) || isDigit($0) }
        guard !numeral.isEmpty else { return false }
        scalars = scalars.dropFirst(numeral.count)
        return scalars.starts(with: "部分".unicodeScalars)
    }

    /// How a heading or list item is numbered.
    package enum EnumeratorStyle: String, Codable, Sendable {
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
    package static func enumerator(_ line: String) -> (style: EnumeratorStyle, ordinal: String, rest: Substring)? {
        guard mayStartEnumerator(line) else { return nil }
        let text = trimmed(line[...])
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return nil }
        func rest(after count: Int) -> Substring {
            trimmed(text[scalars.index(scalars.startIndex, offsetBy: count)...])
        }
        if first == "(" || first == "（" {
            let inner = scalars.dropFirst().prefix { isChineseNumeral($0) || isDigit($0) }
            guard !inner.isEmpty, let close = scalars.dropFirst(1 + inner.count).first, close == ")" || close == "）" else {
                return nil
            }
            let arabic = inner.allSatisfy(isDigit)
            guard arabic || inner.allSatisfy(isChineseNumeral) else { return nil }
            return (arabic ? .parenthesizedArabic : .parenthesizedChinese, String(scalars: inner),
                    rest(after: inner.count + 2))
        }
        if isChineseNumeral(first) {
            let numeral = scalars.prefix(while: isChineseNumeral)
            guard scalars.dropFirst(numeral.count).first == "、" else { return nil }
            return (.chinese, String(scalars: numeral), rest(after: numeral.count + 1))
        }
        if isDigit(first) {
            let number = scalars.prefix(while: isDigit)
            let after = scalars.dropFirst(number.count)
            guard number.count <= 3, let mark = after.first, mark == "." || mark == "、" || mark == "．" else { return nil }
            // `1.70` is a number, not an item.
            if let next = after.dropFirst().first, isDigit(next) { return nil }
            return (.arabic, String(scalars: number), rest(after: number.count + 1))
        }
        return nil
    }

    /// Whether the first character after the spaces may begin an enumerator (`(`, `（`, a digit
    /// of either width, a Chinese numeral), told from its bytes: most lines and items begin with
    /// none, and trimming them and reading their scalars cost some 1,500 instructions each.
    private static func mayStartEnumerator(_ line: String) -> Bool {
        withUTF8(line) { bytes in
            let range = trimmedRange(bytes)
            guard !range.isEmpty else { return false }
            let lead = bytes[range.lowerBound]
            if lead < 0x80 { return lead == UInt8(ascii: "(") || lead &- 0x30 < 10 }
            // Every other candidate (`（`, `０`…`９`, `一`…`两`) is three bytes long.
            guard lead & 0xF0 == 0xE0, range.count >= 3 else { return false }
            guard let scalar = Unicode.Scalar(threeByteValue(bytes, at: range.lowerBound)) else { return false }
            return scalar == "（" || isDigit(scalar) || isChineseNumeral(scalar)
        }
    }

    /// The code point of the three-byte UTF-8 sequence (lead E0–EF) at `index`.
    @inline(__always)
    private static func threeByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }

    /// `key：value` where key is one of `keys` (`单位：万元`, `说明：…`).
    package static func keyValue(_ text: String, keys: [String]) -> (key: String, value: String)? {
        // Cheap refusal first: most cells have no colon at all.
        guard Bytes.contains(text, 0x3A) || TextPatterns.contains(text, "：") else { return nil }
        let trimmedText = trimmed(text[...])
        for key in keys where trimmedText.utf8.starts(with: key.utf8) {
            let after = trimmedText.unicodeScalars.dropFirst(key.unicodeScalars.count).drop(while: isSpace)
            guard let mark = after.first, mark == "：" || mark == ":" else { continue }
            return (key, String(trimmed(Substring(after.dropFirst()))))
        }
        return nil
    }

    /// A cell that holds an amount: digits with separators, a decimal part, a sign or brackets,
    /// a percent sign (`1,209.02`, `-3.5`, `（12.00）`, `100%`). Digits are ASCII or full-width;
    /// separators `,` `.` `，` `．` and spaces; `%` `％`; a sign or opening bracket first (`-` `−`
    /// `－` `+` `(` `（`), a closing bracket last (`)` `）`).
    ///
    /// Over the UTF-8 bytes, a character at a time: every character it accepts is ASCII or three
    /// bytes long (U+2212 and full-width forms), so any other lead byte ends the scan. Decoding
    /// scalars through the string's views, and counting them to find the last, cost over a
    /// thousand instructions a cell.
    package static func isAmount(_ cell: String) -> Bool {
        withUTF8(cell) { bytes in
            let range = trimmedRange(bytes)
            var digits = 0
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                let scalar: UInt32
                let length: Int
                if byte < 0x80 {
                    (scalar, length) = (UInt32(byte), 1)
                } else if byte & 0xF0 == 0xE0, index + 2 < range.upperBound {
                    scalar = threeByteValue(bytes, at: index)
                    length = 3
                } else {
                    return false
                }
                switch scalar {
                case 0x30...0x39, 0xFF10...0xFF19:
                    digits += 1
                case 0x2C, 0x2E, 0xFF0C, 0xFF0E, 0x25, 0xFF05, 0x20:
                    break  // separators and percent
                case 0x2D, 0x2212, 0xFF0D, 0x2B, 0x28, 0xFF08:
                    guard index == range.lowerBound else { return false }  // a sign or an opening bracket
                case 0x29, 0xFF09:
                    guard index + length == range.upperBound else { return false }  // a closing bracket
                default:
                    return false
                }
                index += length
            }
            return digits > 0
        }
    }

    /// A classification, unit or project code: 3 or more ASCII digits, or a long run of digits
    /// and capitals with at least eight digits (`42010022503T000000142`).
    package static func isCode(_ cell: String) -> Bool {
        withUTF8(cell) { bytes in
            let range = trimmedRange(bytes)
            var digits = 0
            for index in range {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if !(byte >= 0x41 && byte <= 0x5A) {
                    return false
                }
            }
            let count = range.count
            return count >= 3 && (digits == count || (count >= 10 && digits >= 8))
        }
    }

    /// Number-like tokens in a text: maximal runs of digits, joined by `,` or `.` between digits.
    /// (Concrete versions: this runs on every cell, and generic code called from another module
    /// runs unspecialized.)
    package static func numberTokenCount(_ text: String) -> Int { withUTF8(text, countNumberTokens) }

    package static func numberTokenCount(_ text: Substring) -> Int { withUTF8(text, countNumberTokens) }

    /// On the UTF-8 bytes: decoding every scalar of every cell cost some 230 instructions a cell.
    /// Digits and separators are ASCII or full width (`０`…`９` are EF BC 90…99, `，` EF BC 8C,
    /// `．` EF BC 8E); any other scalar ends a token, and so does each of its bytes, none of which
    /// is ASCII or EF BC.
    private static func countNumberTokens(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inToken = false
        var pendingSeparator = false
        var index = 0
        while index < utf8.count {
            if !inToken {
                // Outside a token only a digit matters: skip to the next byte that may begin one
                // (most of a label's bytes are Chinese characters').
                while index < utf8.count, utf8[index] &- 0x30 >= 10, utf8[index] != 0xEF { index += 1 }
                guard index < utf8.count else { break }
            }
            let byte = utf8[index]
            var isDigit = byte &- 0x30 < 10
            var isSeparator = byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
            var length = 1
            if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBC {
                let last = utf8[index + 2]
                isDigit = last &- 0x90 < 10
                isSeparator = last == 0x8C || last == 0x8E
                length = 3
            }
            if isDigit {
                if !inToken { count += 1 }
                inToken = true
                pendingSeparator = false
            } else if inToken, !pendingSeparator, isSeparator {
                pendingSeparator = true
            } else {
                inToken = false
                pendingSeparator = false
            }
            index += length
        }
        return count
    }

    /// Length in Unicode scalars (for CJK text, its length in characters, without the cost of
    /// grapheme breaking).
    package static func length(_ text: String) -> Int { text.unicodeScalars.count }

    package static func length(_ text: Substring) -> Int { text.unicodeScalars.count }

    /// A colon at the end introduces what follows (a list, a new paragraph) rather than continuing.
    package static func endsClause(_ text: String) -> Bool {
        guard let last = trimmed(text[...]).unicodeScalars.last else { return true }
        return last == "：" || last == ":"
    }

    /// Terminal punctuation: a line that ends with it ends its sentence.
    package static func endsSentence(_ text: String) -> Bool {
        guard let last = trimmed(text[...]).unicodeScalars.last else { return true }
        return ["。", "；", "！", "？", ".", ";", "!", "?"].contains(last)
    }
}
