#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte comparisons and searches over UTF-8 buffers, through the C library. The standard
/// library's `elementsEqual` and `contains` walk a buffer one element at a time through its
/// iterator (some 300 instructions to compare two short labels, 800 to look for a colon in a
/// line); `memcmp` and `memchr` do the same work a word at a time, and these run for every line,
/// cell and key of every report.
package enum Bytes {
    /// Whether the two buffers hold the same bytes.
    @inline(__always)
    package static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
    }

    /// Whether `bytes` starts with `prefix`.
    @inline(__always)
    package static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= prefix.count && equal(UnsafeBufferPointer(rebasing: bytes[..<prefix.count]), prefix)
    }

    /// Whether `bytes` ends with `suffix`.
    @inline(__always)
    package static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= suffix.count && equal(UnsafeBufferPointer(rebasing: bytes[(bytes.count - suffix.count)...]), suffix)
    }

    /// Whether `pattern` occurs in `haystack`; an empty pattern occurs everywhere. Each place its
    /// first byte occurs (`memchr`) is compared with the rest of it (`memcmp`).
    package static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count, let base = haystack.baseAddress, let rest = pattern.baseAddress else { return false }
        let lastStart = haystack.count - pattern.count
        var start = 0
        while start <= lastStart {
            guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { return false }
            let at = start + UnsafeRawPointer(base + start).distance(to: UnsafeRawPointer(found))
            if memcmp(base + at + 1, rest + 1, pattern.count - 1) == 0 { return true }
            start = at + 1
        }
        return false
    }

    /// Whether `byte` occurs in `bytes`.
    @inline(__always)
    package static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// The index of the first `byte` in `bytes` at or after `start`, or nil.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether `byte` occurs in the UTF-8 of `text`.
    package static func contains(_ text: String, _ byte: UInt8) -> Bool {
        TextPatterns.withUTF8(text) { contains($0, byte) }
    }

    package static func contains(_ text: Substring, _ byte: UInt8) -> Bool {
        TextPatterns.withUTF8(text) { contains($0, byte) }
    }
}

/// The bytes a writer has to look at in a text it copies: control bytes below a bound and up to
/// four others (a CSV field's comma, quote, CR and LF; JSON's quote and backslash). All are
/// ASCII, so a run of Chinese text, every byte of it 0x80 or more, holds none.
package struct SpecialBytes: Sendable {
    private let below: UInt8
    private let values: (UInt8, UInt8, UInt8, UInt8)
    /// `below` and each value in every byte of a word.
    private let belowWord: UInt64
    private let valueWords: (UInt64, UInt64, UInt64, UInt64)

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `below`: bytes under it are special (0: none; at most 0x80). `values`: one to four bytes.
    package init(below: UInt8 = 0, _ values: UInt8...) {
        precondition(below <= 0x80 && (1...4).contains(values.count) && values.allSatisfy { $0 < 0x80 },
                     "one to four ASCII bytes and a bound up to 0x80")
        let padded = values + Array(repeating: values[0], count: 4 - values.count)
        self.below = below
        self.values = (padded[0], padded[1], padded[2], padded[3])
        belowWord = Self.ones &* UInt64(below)
        valueWords = (Self.ones &* UInt64(padded[0]), Self.ones &* UInt64(padded[1]),
                      Self.ones &* UInt64(padded[2]), Self.ones &* UInt64(padded[3]))
    }

    @inline(__always)
    package func contains(_ byte: UInt8) -> Bool {
        byte < below || byte == values.0 || byte == values.1 || byte == values.2 || byte == values.3
    }

    /// Whether any byte of `word` is special: the bit tricks for "a byte less than n" and "a
    /// zero byte" (of the word xor'ed with the value in every byte), exact as yes or no.
    @inline(__always)
    fileprivate func mayOccur(in word: UInt64) -> Bool {
        var hit = (word &- belowWord) & ~word
        var x = word ^ valueWords.0
        hit |= (x &- Self.ones) & ~x
        x = word ^ valueWords.1
        hit |= (x &- Self.ones) & ~x
        x = word ^ valueWords.2
        hit |= (x &- Self.ones) & ~x
        x = word ^ valueWords.3
        hit |= (x &- Self.ones) & ~x
        return hit & Self.highBits != 0
    }

    /// The index of the first special byte of `bytes` at or after `start`, or `bytes.count`.
    /// Eight bytes at a time: a word of non-ASCII bytes is passed at once, any other is tested
    /// for a special byte as a whole, and only one that has one is looked at byte by byte.
    @inline(__always)
    package func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & Self.highBits != Self.highBits && mayOccur(in: word) {
                for offset in index..<(index + 8) where contains(base[offset]) { return offset }
            }
            index += 8
        }
        while index < bytes.count {
            if contains(base[index]) { return index }
            index += 1
        }
        return bytes.count
    }
}
