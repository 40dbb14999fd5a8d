import Foundation

/// Writes RFC 4180 CSV straight into a byte buffer, one field at a time, so a large table is
/// never held twice (as strings and as bytes): CRLF after every record, a field quoted when it
/// holds `,` `"` CR or LF, inner quotes doubled, UTF-8 with an optional byte-order mark.
///
/// Text fields are defused for spreadsheets (see `CSVDefusing`); numbers are written by
/// `number(_:)`, which never alters them.
package struct CSVWriter {
    private let bytes: ByteBuffer
    private var fieldsInRecord = 0
    private(set) var records = 0

    package init(byteOrderMark: Bool, capacity: Int = 1 << 14) {
        bytes = ByteBuffer(capacity: capacity)
        if byteOrderMark { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// The CSV written, handed over without a copy: the writer is empty after.
    package func takeData() -> Data { bytes.takeData() }

    /// The bytes written so far, and forgetting them: for a file written a piece at a time.
    package var byteCount: Int { bytes.count }
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer(body)
    }
    package mutating func removeAll() { bytes.removeAll() }

    /// A record of text fields: the header row, or a row of printed cells.
    package mutating func record(_ fields: [String]) {
        for field in fields { text(field) }
        endRecord()
    }

    /// A text field, defused when a spreadsheet would run it as a formula.
    package mutating func text(_ value: String?) {
        separate()
        guard let value, !value.isEmpty else { return }
        // Two calls, not one on `needsDefusing ? prefix + value : value`: the choice made a string
        // of its own, the value retained and released for each field.
        if CSVDefusing.needsDefusing(value) { append(CSVDefusing.prefix + value) } else { append(value) }
    }

    /// A text field's bytes, made once for a value every record of a file repeats (the report's
    /// id and unit name, a table's title): copying them is a fraction of writing the text again
    /// (quoting and defusing looked for each time).
    package struct PreparedField {
        fileprivate let bytes: [UInt8]
    }

    /// What `text(value)` writes, for `field(_:)`.
    package static func prepared(_ value: String?) -> PreparedField {
        var writer = CSVWriter(byteOrderMark: false, capacity: 64)
        writer.text(value)
        return PreparedField(bytes: writer.bytes.array)
    }

    /// A prepared text field: the bytes `text(_:)` writes for its value.
    package mutating func field(_ prepared: PreparedField) {
        separate()
        bytes.append(contentsOf: prepared.bytes)
    }

    /// An exact decimal as its plain form (`-1209.02`), never defused or reformatted.
    package mutating func number(_ value: ExactDecimal?) {
        separate()
        guard let value else { return }
        value.withPlainText { bytes.append(contentsOf: $0) }
    }

    /// An integer's decimal digits, written straight into the buffer (`String(value)` made a
    /// string for each of a fact's five numbers).
    package mutating func int(_ value: Int?) {
        separate()
        guard let value else { return }
        appendDigits(value)
    }

    /// Integers in one field, separated by single spaces (`136 137 140`; empty when there are
    /// none): the bytes `text(values.map(String.init).joined(separator: " "))` writes, without a
    /// string for each number and one for the field. Digits and spaces are never quoted, and a
    /// field that starts with a digit is never defused; one that starts with a minus sign is,
    /// unless it is a single number, so that case goes through `text`.
    package mutating func ints(_ values: [Int]) {
        if values.count > 1, values[0] < 0 { return text(values.map(String.init).joined(separator: " ")) }
        separate()
        for index in values.indices {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            appendDigits(values[index])
        }
    }

    private func appendDigits(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    package mutating func endRecord() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInRecord = 0
        records += 1
    }

    private mutating func separate() {
        if fieldsInRecord > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRecord += 1
    }

    /// What makes a field quoted. A stored constant, not a static one: a static is reached
    /// through a once-only initialization check at every field (`JSONWriter` keeps its own so too).
    private let quoted = SpecialBytes(UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A)

    private func append(_ field: String) {
        // Over the contiguous UTF-8 (read in place, not copied as `withUTF8` would) a word at a
        // time rather than `utf8.contains`: the generic scan through the string's view was the
        // largest cost of writing the CSVs.
        TextPatterns.withUTF8(field) { utf8 in
            guard quoted.firstIndex(in: utf8, from: 0) < utf8.count else {
                bytes.append(contentsOf: utf8)
                return
            }
            // Quoted, each inner quote doubled: the runs between quotes copied whole (most
            // quoted fields are printed numbers with a thousands separator, and hold no quote).
            bytes.append(UInt8(ascii: "\""))
            var start = 0
            while let quote = Bytes.firstIndex(of: UInt8(ascii: "\""), in: utf8, from: start) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...quote]))
                bytes.append(UInt8(ascii: "\""))
                start = quote + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
