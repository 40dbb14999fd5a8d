import BudgetCore

/// The decoded text in its normal form, and counts of what normalizing changed.
package struct NormalizedText: Sendable {
    package var utf8: [UInt8]
    package var lineFeeds = 0
    package var carriageReturnLineFeeds = 0
    package var carriageReturns = 0
    package var formFeeds = 0
    /// Control characters removed, by code point.
    package var removed: [UInt32: Int] = [:]

    /// Lines in the normalized text: its line feeds, plus a last line without one.
    package var lines: Int {
        let breaks = lineFeeds + carriageReturnLineFeeds + carriageReturns
        return breaks + ((utf8.last ?? 0x0A) == 0x0A ? 0 : 1)
    }
}

/// Normalizes UTF-8 text in one pass, validating it as it goes: CRLF and CR become LF; form
/// feeds stay (they mark pages); tab stays; every other C0 control, DEL and C1 control is
/// removed and counted. Nothing else changes — no width folding, no trimming.
package enum TextNormalizer {
    /// A byte sequence that is not UTF-8, at `offset` (relative to the buffer given).
    package struct InvalidUTF8: Error {
        package var offset: Int
    }

    package static func normalize(utf8 input: UnsafeBufferPointer<UInt8>) throws(InvalidUTF8) -> NormalizedText {
        var text = NormalizedText(utf8: [])
        text.utf8.reserveCapacity(input.count)
        let count = input.count
        var index = 0
        // Bytes kept as they are (nearly all) are copied a run at a time: a run ends at a byte
        // that is changed or dropped, and at the end of the text. One copy a line, not one a character.
        var runStart = 0
        func endRun(at end: Int) {
            if end > runStart { text.utf8.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<end])) }
        }
        while index < count {
            let byte = input[index]
            if byte >= 0x20 && byte < 0x7F {
                index += 1
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    text.lineFeeds += 1
                case 0x09:
                    break
                case 0x0C:
                    text.formFeeds += 1
                case 0x0D:
                    endRun(at: index)
                    if index + 1 < count && input[index + 1] == 0x0A {
                        text.carriageReturnLineFeeds += 1
                        index += 1
                    } else {
                        text.carriageReturns += 1
                    }
                    text.utf8.append(0x0A)
                    runStart = index + 1
                default:
                    endRun(at: index)
                    text.removed[UInt32(byte), default: 0] += 1
                    runStart = index + 1
                }
                index += 1
                continue
            }
            // Most other bytes are Chinese characters and full-width forms: three-byte sequences
            // whose lead (E1–EC, EE, EF) takes any two continuation bytes, checked here rather
            // than through the general table.
            if (byte >= 0xE1 && byte <= 0xEC) || byte >= 0xEE && byte <= 0xEF, index + 2 < count,
               input[index + 1] & 0xC0 == 0x80, input[index + 2] & 0xC0 == 0x80 {
                index += 3
                continue
            }
            let length = try sequenceLength(input, at: index)
            if length == 2 && byte == 0xC2 && input[index + 1] < 0xA0 {
                // U+0080–U+009F: C1 control characters, as stray as C0 ones in report text.
                endRun(at: index)
                text.removed[UInt32(input[index + 1]), default: 0] += 1
                runStart = index + length
            }
            index += length
        }
        endRun(at: count)
        return text
    }

    /// Length of the valid UTF-8 sequence starting at `index` (whose first byte is ≥ 0x80), per
    /// the Unicode standard's table of well-formed sequences: no overlongs, no surrogates, ≤ U+10FFFF.
    private static func sequenceLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) throws(InvalidUTF8) -> Int {
        let lead = input[index]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: throw InvalidUTF8(offset: index)
        }
        guard index + length <= input.count else { throw InvalidUTF8(offset: index) }
        let second = input[index + 1]
        guard second >= secondLow && second <= secondHigh else { throw InvalidUTF8(offset: index) }
        for continuation in 2..<length where input[index + continuation] & 0xC0 != 0x80 {
            throw InvalidUTF8(offset: index)
        }
        return length
    }
}
