import Foundation

/// Reads JSON into any `Decodable` straight from its bytes: the counterpart of
/// `JSONStreamEncoder`, for the files a run reads back once per report (every `manifest.json`
/// on a re-run, most of whose time went into reading them).
///
/// Why not `JSONDecoder`: it first builds a map of the whole document, then a hashed dictionary
/// of each object's members as the object is decoded, and looks generic metadata up for every
/// value; on a no-op run that was half of all time. Why not hand-written readers: they would
/// repeat every type's fields a second time. This decoder drives the types' own (synthesized)
/// `Decodable` conformances, so the fields are declared once, as for the encoder.
///
/// How it reads: the whole document is scanned once first (so a broken one is refused before any
/// value is made), remembering where each object and array ends. A keyed container then lists
/// where its object's members start (stepping over nested containers by what was remembered)
/// and finds a key by comparing bytes along that short list; a value is parsed only when it is
/// decoded. No tree is built.
///
/// What it does not do, and throws for instead (callers may then fall back to `JSONDecoder`):
/// `Date`, `Data`, `URL` and `Decimal` (which `JSONDecoder` decodes by strategies, not by their
/// own conformances), and integers written with a fraction or exponent. Strings that are not
/// valid UTF-8 are refused, as `JSONDecoder` refuses them; a member given twice is read from its
/// first occurrence.
package enum JSONStreamDecoder {
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let document = Document(data)
        var cursor = Cursor(document)
        cursor.skipWhitespace()
        let start = cursor.position
        try cursor.skipValue()
        cursor.skipWhitespace()
        guard cursor.atEnd else { throw document.corrupted(at: cursor.position, "content after the end of the JSON value", path: []) }
        return try document.decode(type, at: start, path: [])
    }
}

// MARK: - The bytes

/// The document's bytes, copied once and kept alive by every decoder and container reading them.
private final class Document {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// For each offset where an object or array starts, where it ends (0 until first skipped):
    /// each container is then scanned once, however many levels above it skip over it.
    let ends: UnsafeMutableBufferPointer<Int32>

    init(_ data: Data) {
        bytes = .allocate(capacity: data.count)
        _ = bytes.initialize(from: data)
        ends = .allocate(capacity: data.count)
        ends.initialize(repeating: 0)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    func decode<T: Decodable>(_ type: T.Type, at offset: Int, path: [any CodingKey]) throws -> T {
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "\(type) is decoded by JSONDecoder only"))
        }
        return try T(from: StreamDecoder(document: self, offset: offset, codingPath: path))
    }

    func corrupted(at offset: Int, _ reason: String, path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path(), debugDescription: "byte \(offset): \(reason)"))
    }

    func mismatch(_ type: Any.Type, at offset: Int, path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        let found = offset < bytes.count ? String(UnicodeScalar(bytes[offset])) : "the end"
        return .typeMismatch(type, .init(codingPath: path(), debugDescription: "byte \(offset): expected \(type), found \(found)"))
    }

    // MARK: Scalars at an offset

    func isNull(at offset: Int) -> Bool {
        offset + 4 <= bytes.count && bytes[offset] == UInt8(ascii: "n") && bytes[offset + 1] == UInt8(ascii: "u")
            && bytes[offset + 2] == UInt8(ascii: "l") && bytes[offset + 3] == UInt8(ascii: "l")
    }

    func bool(at offset: Int, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        var cursor = Cursor(self, at: offset)
        if cursor.literal("true") { return true }
        if cursor.literal("false") { return false }
        throw mismatch(Bool.self, at: offset, path: path())
    }

    func string(at offset: Int, path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw mismatch(String.self, at: offset, path: path()) }
        var cursor = Cursor(self, at: offset)
        return try cursor.readString(path: path())
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int, path: @autoclosure () -> [any CodingKey]) throws -> T {
        let cursor = Cursor(self, at: offset)
        let start = offset
        guard let end = cursor.numberEnd(), end > start else { throw mismatch(type, at: offset, path: path()) }
        var index = start
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else { throw mismatch(type, at: offset, path: path()) }
        var value: T = 0
        while index < end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit <= 9 else { throw mismatch(type, at: offset, path: path()) }
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = negative
                ? shifted.subtractingReportingOverflow(T(digit)) : shifted.addingReportingOverflow(T(digit))
            guard !overflowShift, !overflowAdd else { throw corrupted(at: offset, "number does not fit in \(type)", path: path()) }
            value = next
            index += 1
        }
        return value
    }

    func floatingPoint<T: LosslessStringConvertible>(_ type: T.Type, at offset: Int, path: @autoclosure () -> [any CodingKey]) throws -> T {
        let cursor = Cursor(self, at: offset)
        guard let end = cursor.numberEnd(), end > offset,
              let value = T(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)) else {
            throw mismatch(type, at: offset, path: path())
        }
        return value
    }
}

// MARK: - Scanning

private struct Cursor {
    let document: Document
    var position: Int

    init(_ document: Document, at position: Int = 0) {
        self.document = document
        self.position = position
    }

    var bytes: UnsafeMutableBufferPointer<UInt8> { document.bytes }
    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `word` if the bytes here spell it.
    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// Where the number starting here ends (nil when no number starts here); the cursor stays.
    func numberEnd() -> Int? {
        var end = position
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                end += 1
            default:
                return end > position ? end : nil
            }
        }
        return end > position ? end : nil
    }

    /// Moves past the value starting here, checking its syntax as far as is needed to find its end.
    mutating func skipValue(path: [any CodingKey] = []) throws {
        guard position < bytes.count else { throw document.corrupted(at: position, "unexpected end of the document", path: path) }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            try skipString(path: path)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = position
            if document.ends[start] > 0 {
                position = Int(document.ends[start])
                return
            }
            if bytes[start] == UInt8(ascii: "{") { try skipObject(path: path) } else { try skipArray(path: path) }
            if position <= Int(Int32.max) { document.ends[start] = Int32(position) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard literal("true") || literal("false") || literal("null") else {
                throw document.corrupted(at: position, "not a JSON value", path: path)
            }
        default:
            guard let end = numberEnd() else { throw document.corrupted(at: position, "not a JSON value", path: path) }
            position = end
        }
    }

    private mutating func skipObject(path: [any CodingKey]) throws {
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw document.corrupted(at: position, "expected a member name", path: path)
            }
            try skipString(path: path)
            try expect(UInt8(ascii: ":"), path: path)
            skipWhitespace()
            try skipValue(path: path)
            if try endOfList(closing: UInt8(ascii: "}"), path: path) { return }
        }
    }

    private mutating func skipArray(path: [any CodingKey]) throws {
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return }
        while true {
            skipWhitespace()
            try skipValue(path: path)
            if try endOfList(closing: UInt8(ascii: "]"), path: path) { return }
        }
    }

    /// After a member or element: true at the closing bracket (consumed), false after a comma.
    mutating func endOfList(closing: UInt8, path: [any CodingKey]) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw document.corrupted(at: position, "unexpected end of the document", path: path) }
        let byte = bytes[position]
        position += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else { throw document.corrupted(at: position - 1, "expected a comma", path: path) }
        return false
    }

    mutating func expect(_ byte: UInt8, path: [any CodingKey]) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw document.corrupted(at: position, "expected \(UnicodeScalar(byte))", path: path)
        }
        position += 1
    }

    /// Moves past the string starting here (at its opening quote); true when it has escapes.
    @discardableResult
    mutating func skipString(path: [any CodingKey]) throws -> Bool {
        position += 1
        var escaped = false
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return escaped
            case UInt8(ascii: "\\"):
                escaped = true
                position += 2
            case 0x00..<0x20:
                throw document.corrupted(at: position, "control character in a string", path: path)
            default:
                position += 1
            }
        }
        throw document.corrupted(at: position, "unterminated string", path: path)
    }

    /// The string starting here (at its opening quote), unescaped; the cursor moves past it.
    mutating func readString(path: [any CodingKey]) throws -> String {
        let start = position + 1
        let escaped = try skipString(path: path)
        let end = position - 1
        if !escaped {
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) else {
                throw document.corrupted(at: start, "a string is not valid UTF-8", path: path)
            }
            return text
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                unescaped.append(byte)
                index += 1
                continue
            }
            let code = bytes[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(code)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: index, end: end, path: path)
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 6 <= end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw document.corrupted(at: index, "unpaired surrogate in a string", path: path)
                    }
                    let low = try hex4(at: index + 2, end: end, path: path)
                    guard (0xDC00..<0xE000).contains(low) else { throw document.corrupted(at: index, "unpaired surrogate in a string", path: path) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let unicode = UnicodeScalar(scalar) else { throw document.corrupted(at: index, "invalid \\u escape", path: path) }
                unescaped.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw document.corrupted(at: index - 1, "invalid escape", path: path)
            }
        }
        guard let text = String(validating: unescaped, as: UTF8.self) else {
            throw document.corrupted(at: start, "a string is not valid UTF-8", path: path)
        }
        return text
    }

    private func hex4(at index: Int, end: Int, path: [any CodingKey]) throws -> UInt32 {
        guard index + 4 <= end else { throw document.corrupted(at: index, "short \\u escape", path: path) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw document.corrupted(at: index + offset, "invalid \\u escape", path: path)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

// MARK: - Decoder

private struct StreamDecoder: Decoder {
    let document: Document
    /// Where this value starts (no whitespace before it).
    let offset: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedContainer<Key>(document: document, offset: offset, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedContainer(document: document, offset: offset, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(document: document, offset: offset, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// One member: its name's bytes (between the quotes, escapes left in) and where its value starts.
    struct Member {
        var nameStart: Int
        var nameEnd: Int
        var nameEscaped: Bool
        var value: Int
    }

    let document: Document
    let codingPath: [any CodingKey]
    let members: [Member]

    init(document: Document, offset: Int, codingPath: [any CodingKey]) throws {
        self.document = document
        self.codingPath = codingPath
        var cursor = Cursor(document, at: offset)
        guard offset < document.bytes.count, document.bytes[offset] == UInt8(ascii: "{") else {
            throw document.mismatch([String: Any].self, at: offset, path: codingPath)
        }
        cursor.position += 1
        cursor.skipWhitespace()
        var members: [Member] = []
        if cursor.position < document.bytes.count, document.bytes[cursor.position] == UInt8(ascii: "}") {
            self.members = []
            return
        }
        while true {
            cursor.skipWhitespace()
            guard cursor.position < document.bytes.count, document.bytes[cursor.position] == UInt8(ascii: "\"") else {
                throw document.corrupted(at: cursor.position, "expected a member name", path: codingPath)
            }
            let nameStart = cursor.position + 1
            let escaped = try cursor.skipString(path: codingPath)
            let nameEnd = cursor.position - 1
            try cursor.expect(UInt8(ascii: ":"), path: codingPath)
            cursor.skipWhitespace()
            members.append(Member(nameStart: nameStart, nameEnd: nameEnd, nameEscaped: escaped, value: cursor.position))
            try cursor.skipValue(path: codingPath)
            if try cursor.endOfList(closing: UInt8(ascii: "}"), path: codingPath) { break }
        }
        self.members = members
    }

    private func name(of member: Member) throws -> String {
        var cursor = Cursor(document, at: member.nameStart - 1)
        return try cursor.readString(path: codingPath)
    }

    /// Where the value of `key` starts, nil when the object has no such member.
    private func valueOffset(_ key: Key) -> Int? {
        let wanted = key.stringValue
        let bytes = document.bytes
        for member in members {
            if member.nameEscaped {
                if (try? name(of: member)) == wanted { return member.value }
                continue
            }
            let length = member.nameEnd - member.nameStart
            let same = wanted.utf8.withContiguousStorageIfAvailable { name in
                name.count == length && (length == 0 || memcmp(name.baseAddress!, bytes.baseAddress! + member.nameStart, length) == 0)
            } ?? wanted.utf8.elementsEqual(bytes[member.nameStart..<member.nameEnd])
            if same { return member.value }
        }
        return nil
    }

    private func value(_ key: Key) throws -> Int {
        guard let offset = valueOffset(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
        }
        return offset
    }

    var allKeys: [Key] { members.compactMap { (try? name(of: $0)).flatMap(Key.init(stringValue:)) } }

    func contains(_ key: Key) -> Bool { valueOffset(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { document.isNull(at: try value(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(at: try value(key), path: codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(at: try value(key), path: codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try document.floatingPoint(type, at: try value(key), path: codingPath + [key])
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try document.floatingPoint(type, at: try value(key), path: codingPath + [key])
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(type, at: try value(key), path: codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(type, at: try value(key), path: codingPath + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try document.decode(type, at: try value(key), path: codingPath + [key])
    }

    // Optional members: absent or null is nil, as with JSONDecoder (the default implementation
    // would look the key up three times).
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let offset = valueOffset(key), !document.isNull(at: offset) else { return nil }
        return try document.string(at: offset, path: codingPath + [key])
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let offset = valueOffset(key), !document.isNull(at: offset) else { return nil }
        return try document.integer(type, at: offset, path: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let offset = valueOffset(key), !document.isNull(at: offset) else { return nil }
        return try document.decode(type, at: offset, path: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try KeyedContainer<NestedKey>(document: document, offset: try value(key), codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try UnkeyedContainer(document: document, offset: try value(key), codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        let key = StreamKey(stringValue: "super")
        guard let offset = members.first(where: { (try? name(of: $0)) == key.stringValue })?.value else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \"super\""))
        }
        return StreamDecoder(document: document, offset: offset, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        StreamDecoder(document: document, offset: try value(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let document: Document
    let codingPath: [any CodingKey]
    /// Where the next element starts, or the closing bracket.
    private var cursor: Cursor
    private(set) var currentIndex = 0
    var count: Int? { nil }

    init(document: Document, offset: Int, codingPath: [any CodingKey]) throws {
        guard offset < document.bytes.count, document.bytes[offset] == UInt8(ascii: "[") else {
            throw document.mismatch([Any].self, at: offset, path: codingPath)
        }
        self.document = document
        self.codingPath = codingPath
        cursor = Cursor(document, at: offset + 1)
        cursor.skipWhitespace()
    }

    var isAtEnd: Bool { cursor.atEnd || document.bytes[cursor.position] == UInt8(ascii: "]") }

    private var elementPath: [any CodingKey] { codingPath + [StreamKey(index: currentIndex)] }

    /// The next element's offset, with the cursor moved past it (and its comma).
    private mutating func next(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: elementPath, debugDescription: "no more elements"))
        }
        let offset = cursor.position
        try cursor.skipValue(path: elementPath)
        cursor.skipWhitespace()
        if !cursor.atEnd, document.bytes[cursor.position] == UInt8(ascii: ",") {
            cursor.position += 1
            cursor.skipWhitespace()
        } else if cursor.atEnd || document.bytes[cursor.position] != UInt8(ascii: "]") {
            throw document.corrupted(at: cursor.position, "expected a comma", path: codingPath)
        }
        currentIndex += 1
        return offset
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, document.isNull(at: cursor.position) else { return false }
        _ = try next(Never.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.bool(at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.string(at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.floatingPoint(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.floatingPoint(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }

    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let (document, path, index) = (document, codingPath, currentIndex)
        return try document.integer(type, at: try next(type), path: path + [StreamKey(index: index)])
    }


    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = elementPath
        return try document.decode(type, at: try next(type), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = elementPath
        return KeyedDecodingContainer(try KeyedContainer<NestedKey>(document: document, offset: try next(type), codingPath: path))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = elementPath
        return try UnkeyedContainer(document: document, offset: try next([Any].self), codingPath: path)
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = elementPath
        return StreamDecoder(document: document, offset: try next(Any.self), codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let document: Document
    let offset: Int
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { document.isNull(at: offset) }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: offset, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try document.string(at: offset, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try document.floatingPoint(type, at: offset, path: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try document.floatingPoint(type, at: offset, path: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(type, at: offset, path: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(type, at: offset, path: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(type, at: offset, path: codingPath) }
}

private struct StreamKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.init(index: intValue) }
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
}
