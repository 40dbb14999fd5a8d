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

    /// Whether `byte` occurs in the UTF-8 of `text`.
    package static func contains(_ text: String, _ byte: UInt8) -> Bool {
        TextPatterns.withUTF8(text) { contains($0, byte) }
    }

    package static func contains(_ text: Substring, _ byte: UInt8) -> Bool {
        TextPatterns.withUTF8(text) { contains($0, byte) }
    }
}
