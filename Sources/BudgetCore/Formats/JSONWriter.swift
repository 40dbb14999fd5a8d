import Foundation

/// The byte sink under `JSONStreamEncoder`: appends JSON tokens (escaped strings, numbers,
/// literals, punctuation) to a byte buffer. It knows nothing of nesting or commas; the encoder
/// does. Kept apart so that the escaping rules live in one small place.
public struct JSONWriter {
    @usableFromInline package let bytes: ByteBuffer

    package init(capacity: Int = 1 << 16) {
        bytes = ByteBuffer(capacity: capacity)
    }

    /// The JSON written, handed over without a copy: the writer is empty after.
    package func takeData() -> Data { bytes.takeData() }

    @inlinable @inline(__always)
    public mutating func byte(_ byte: UInt8) {
        bytes.append(byte)
    }

    package mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    @inlinable @inline(__always)
    public mutating func append(contentsOf other: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// A quoted, escaped string.
    package mutating func string(_ value: String) {
        appendQuoted(value)
    }

    /// An exact decimal as a quoted string of its plain form (`"-1209.02"`, what
    /// `string(value.description)` writes), without making the string: nothing in it is escaped.
    package mutating func decimal(_ value: ExactDecimal) {
        bytes.append(UInt8(ascii: "\""))
        value.withPlainText { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":` — an object member's key; its value follows.
    package mutating func key(_ name: String) {
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Decimal digits, written straight into the buffer: `String(value)` would build a string
    /// first, and line numbers are among the most frequent values.
    package mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.reverse(from: start)
    }

    /// Any other integer type, by its decimal description.
    package mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number already in JSON syntax (a finite floating-point value's `description`).
    package mutating func number(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    package mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    package mutating func null() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// What a JSON string escapes: control characters, quote and backslash. Stored, not static
    /// (see `CSVWriter.quoted`).
    private let escaped = SpecialBytes(below: 0x20, 0x22, 0x5C)

    /// Escapes only what JSON requires (quote, backslash, control characters), so Chinese text
    /// stays readable UTF-8 and `/` is not escaped.
    /// Not `mutating` (it changes the buffer object, not the writer): a closure in a mutating
    /// method reaches the buffer through `self`'s address and retains it at every string.
    private func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        TextPatterns.withUTF8(value) { utf8 in
            // Copy runs of bytes that need no escape in one go, found a word at a time.
            var runStart = 0
            var index = escaped.firstIndex(in: utf8, from: 0)
            while index < utf8.count {
                let byte = utf8[index]
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                index = escaped.firstIndex(in: utf8, from: runStart)
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
