import Foundation

/// Writes JSON straight into a byte buffer, for the bulky intermediate files that every report
/// produces. Foundation's `JSONEncoder` builds a tree of boxed values first and took more time
/// than all the parsing together; this writes each value once, in the order the code asks.
/// Key order is the order of the `write` calls, so the output is deterministic.
/// Files written this way are read back with `JSONDecoder` and the types' `Decodable`
/// conformance; a round-trip test keeps the two in agreement.
package struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// For each open object or array: whether a value has been written (so a comma is due).
    private var hasValue: [Bool] = []

    package init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    package var data: Data { Data(bytes) }

    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        hasValue.append(false)
        body(&self)
        hasValue.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    package mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        hasValue.append(false)
        for item in items { body(&self, item) }
        hasValue.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object; the next value written is its value.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        // The value follows without a comma.
        hasValue[hasValue.count - 1] = false
    }

    /// A member whose key is data (a dictionary's key).
    package mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        hasValue[hasValue.count - 1] = false
    }

    package mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    package mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes `key: value` for a present value and nothing for nil, as `Encodable` does.
    package mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    package mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    package mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    package mutating func member(_ name: StaticString, strings: [String]) {
        key(name)
        array(strings) { $0.string($1) }
    }

    package mutating func member(_ name: StaticString, ints: [Int]) {
        key(name)
        array(ints) { $0.int($1) }
    }

    private mutating func separate() {
        guard !hasValue.isEmpty else { return }
        if hasValue[hasValue.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasValue[hasValue.count - 1] = true
    }

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Copy runs of bytes that need no escape in one go.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
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

/// A value that writes itself with `JSONWriter`.
package protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWriter {
    package mutating func member<T: JSONWritable>(_ name: StaticString, _ value: T?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    package mutating func member<T: JSONWritable>(_ name: StaticString, _ values: [T]) {
        key(name)
        array(values) { json, value in value.write(to: &json) }
    }

    /// The whole document for `value`.
    package static func encode(_ value: some JSONWritable) -> Data {
        var writer = JSONWriter()
        value.write(to: &writer)
        return writer.data
    }
}
