/// A forward-only reader of JSON bytes for hand-written readers of one known shape (`ManifestReader`):
/// members and elements one at a time, strings, integers and `null`, with nothing built but the
/// values asked for. It reads bytes it does not own: use it only inside the `withUnsafeBytes`
/// that lends them.
///
/// It is deliberately partial: anything outside the plain subset those readers need throws
/// `JSONByteScanner.Unexpected`, and the caller then reads the document with the generic decoders
/// instead. Outside the subset: escapes in strings or names (`\"`, `\u00e9`), numbers with a
/// fraction or exponent, and any syntax error. Inside it, what it returns is what
/// `JSONStreamDecoder` and `JSONDecoder` read from the same bytes: strings are validated as UTF-8
/// and refuse raw control characters, integers are refused when they do not fit.
package struct JSONByteScanner {
    /// Thrown for anything outside the subset; the caller falls back to a generic decoder.
    package struct Unexpected: Error {
        package init() {}
    }

    /// A member's name, as the bytes between its quotes.
    package struct Name {
        let start: Int
        let end: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// True when only whitespace is left.
    package mutating func atEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    /// Consumes `null` (and the whitespace before it) if it comes next.
    package mutating func null() -> Bool {
        skipWhitespace()
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
              bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    /// Consumes the `{` of an object.
    package mutating func beginObject() throws(Unexpected) { try expect(UInt8(ascii: "{")) }

    /// Consumes the `[` of an array.
    package mutating func beginArray() throws(Unexpected) { try expect(UInt8(ascii: "[")) }

    /// The next member's name (its `:` consumed, the value next), or nil at the object's end
    /// (consumed). `first` is true until the first call for the object has been made.
    package mutating func nextMember(first: inout Bool) throws(Unexpected) -> Name? {
        guard try more(closing: UInt8(ascii: "}"), first: &first) else { return nil }
        skipWhitespace()
        let (start, end) = try plainString()
        try expect(UInt8(ascii: ":"))
        return Name(start: start, end: end)
    }

    /// True when another element follows (its comma consumed), false at the array's end (consumed).
    package mutating func nextElement(first: inout Bool) throws(Unexpected) -> Bool {
        try more(closing: UInt8(ascii: "]"), first: &first)
    }

    /// Whether `name` is `expected`, byte for byte.
    package func name(_ name: Name, is expected: StaticString) -> Bool {
        let count = expected.utf8CodeUnitCount
        guard name.end - name.start == count else { return false }
        let start = expected.utf8Start
        for offset in 0..<count where bytes[name.start + offset] != start[offset] { return false }
        return true
    }

    /// A member's name as text (for an object whose names are data, not fields).
    package func text(of name: Name) throws(Unexpected) -> String {
        try text(from: name.start, to: name.end)
    }

    /// The string value next.
    package mutating func string() throws(Unexpected) -> String {
        skipWhitespace()
        let (start, end) = try plainString()
        return try text(from: start, to: end)
    }

    private func text(from start: Int, to end: Int) throws(Unexpected) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) else { throw Unexpected() }
        return text
    }

    /// The integer value next: digits with an optional minus sign, within `Int`'s range.
    package mutating func int() throws(Unexpected) -> Int {
        let (negative, magnitude) = try integer()
        guard let value = negative ? Int(exactly: -Int128(magnitude)) : Int(exactly: magnitude) else { throw Unexpected() }
        return value
    }

    /// The integer value next, within `Int64`'s range.
    package mutating func int64() throws(Unexpected) -> Int64 {
        let (negative, magnitude) = try integer()
        guard let value = negative ? Int64(exactly: -Int128(magnitude)) : Int64(exactly: magnitude) else { throw Unexpected() }
        return value
    }

    /// The integer value next, within `UInt64`'s range (`-0` is 0, as the generic decoders read it).
    package mutating func uint64() throws(Unexpected) -> UInt64 {
        let (negative, magnitude) = try integer()
        guard !negative || magnitude == 0 else { throw Unexpected() }
        return magnitude
    }

    /// Digits with an optional minus sign; a magnitude beyond `UInt64` is unexpected. (Not generic
    /// over the integer type: from another module that cost more than the parsing.)
    private mutating func integer() throws(Unexpected) -> (negative: Bool, magnitude: UInt64) {
        skipWhitespace()
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value: UInt64 = 0
        while position < bytes.count, case let digit = bytes[position] &- UInt8(ascii: "0"), digit <= 9 {
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflowShift, !overflowAdd else { throw Unexpected() }
            value = next
            position += 1
        }
        guard position > start else { throw Unexpected() }
        // A fraction or an exponent is not an integer here; the generic decoders judge it.
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): throw Unexpected()
            default: break
            }
        }
        return (negative, value)
    }

    // MARK: Bytes

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Unexpected) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw Unexpected() }
        position += 1
    }

    /// After `{`/`[` or a value: true when a member or element follows, false at `closing`.
    private mutating func more(closing: UInt8, first: inout Bool) throws(Unexpected) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw Unexpected() }
        if bytes[position] == closing {
            position += 1
            return false
        }
        if first {
            first = false
            return true
        }
        guard bytes[position] == UInt8(ascii: ",") else { throw Unexpected() }
        position += 1
        return true
    }

    /// The bounds of the string starting here (at its quote), without escapes or control characters.
    private mutating func plainString() throws(Unexpected) -> (start: Int, end: Int) {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Unexpected() }
        let start = position + 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return (start, index)
            }
            // An escape is left to the generic decoders; a raw control character is not JSON.
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw Unexpected() }
            index += 1
        }
        throw Unexpected()
    }
}
