import Foundation

/// Compact JSON for any `Encodable` value, written straight into a byte buffer while the value
/// encodes itself — for the bulky intermediate files (`segment.json`, `normalize.json`,
/// `manifest.json`) every report produces.
///
/// Why not `JSONEncoder`: it builds a tree of boxed values first and then serializes it, which
/// took more time than all the parsing together. Why not hand-written writers: they repeated
/// every type's fields a second time and had to be kept in step with the synthesized
/// `Decodable` by hand. This encoder drives the types' own `Encodable` conformances (synthesized
/// where possible), so what is written and what `JSONDecoder` reads back come from one
/// declaration. The price is the `Encoder` protocol's own machinery (a boxed container and
/// generic metadata per object, a dynamic call per member): on the sample report the three
/// files took about 2.9 ms here against 1.0 ms hand-written and 11 ms with `JSONEncoder`. So the
/// few types a report holds by the thousand (tables, rows, cells …) write themselves
/// (`JSONDirectEncodable`), tested to give the bytes their conformance gives here.
///
/// The output is deterministic: members come in the order `encode(to:)` writes them (the
/// declaration order for a synthesized conformance), dictionaries come with their keys sorted
/// and sets with their elements sorted (both iterate in a per-process random hash order
/// otherwise). Nil optionals are left out, as the synthesized `encodeIfPresent` asks; an
/// `encode(to:)` that writes nothing gives `{}`, as with `JSONEncoder`. Strings are escaped as
/// `JSONWriter` does: only quote, backslash and control characters.
///
/// Streaming means containers must be used in nesting order, as synthesized code does: a
/// nested container ends when its parent writes its next value or the value that opened it
/// returns from `encode(to:)`. Writing to a container after that throws an `EncodingError`
/// instead of producing broken JSON (`JSONEncoder`, holding a tree, allows any order).
package final class JSONStreamEncoder {
    /// Everything the encoder changes as it writes, behind a pointer: a class's stored `var`s
    /// are checked for exclusive access at run time on every use, and those checks cost more
    /// than the writing itself. The containers hold the encoder, which keeps this alive.
    fileprivate let state: UnsafeMutablePointer<EncoderState>

    private init(capacity: Int) {
        state = .allocate(capacity: 1)
        state.initialize(to: EncoderState(out: JSONWriter(capacity: capacity)))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The whole document for `value`, as compact UTF-8 JSON.
    package static func encode(_ value: some Encodable, capacity: Int = 1 << 16) throws -> Data {
        try written(value, capacity: capacity, direct: true).takeData()
    }

    /// `direct`: false writes every value through its `Encodable` conformance, even one that is
    /// `JSONDirectEncodable` (for the tests that compare the two).
    package static func bytes(_ value: some Encodable, capacity: Int = 1 << 16, direct: Bool = true) throws -> [UInt8] {
        try written(value, capacity: capacity, direct: direct).array
    }

    private static func written(_ value: some Encodable, capacity: Int, direct: Bool) throws -> ByteBuffer {
        let encoder = JSONStreamEncoder(capacity: capacity)
        encoder.state.pointee.direct = direct
        try encoder.value(value, key: NoKey())
        encoder.state.pointee.close(downTo: 0)
        return encoder.state.pointee.out.bytes
    }
}

private struct EncoderState {
    var out: JSONWriter
    /// The open objects, arrays and value slots, outermost first.
    var frames: [Frame] = []
    /// The last frame number handed out: a container remembers its frame's number, so it can
    /// tell whether its frame is still open or a later one took its place.
    var lastSerial = 0
    /// Types found not to be `UnorderedEncodable`, so that the (slow) dynamic cast is made once
    /// per type rather than once per value.
    var orderedTypes: Set<ObjectIdentifier> = []
    /// Types found to be neither `JSONDirectEncodable` nor arrays of such, likewise.
    var indirectTypes: Set<ObjectIdentifier> = []
    /// Whether `JSONDirectEncodable` values write themselves.
    var direct = true

    init(out: JSONWriter) {
        self.out = out
        frames.reserveCapacity(16)
    }
}

/// One open level of the document.
private struct Frame {
    enum Kind {
        case object, array
        /// Where a single value goes (an object member's value, an array element, the
        /// document): what `encode(to:)` is handed an `Encoder` for. It holds at most one
        /// value: a scalar, or the object or array the value opened.
        case slot
    }

    let kind: Kind
    /// Values written: members of an object, elements of an array, 0 or 1 for a slot.
    var count = 0
    let serial: Int
    /// The key or index this level is the value of, for `codingPath`; nil for a container
    /// opened in a slot (the slot holds the key).
    let key: (any CodingKey)?
}

// MARK: - The frame stack

extension EncoderState {
    mutating func push(_ kind: Frame.Kind, key: (any CodingKey)?) -> (depth: Int, serial: Int) {
        lastSerial &+= 1
        frames.append(Frame(kind: kind, serial: lastSerial, key: key))
        switch kind {
        case .object: out.byte(UInt8(ascii: "{"))
        case .array: out.byte(UInt8(ascii: "["))
        case .slot: break
        }
        return (frames.count - 1, lastSerial)
    }

    /// Ends every level above `depth`.
    mutating func close(downTo depth: Int) {
        while frames.count > depth {
            let frame = frames.removeLast()
            switch frame.kind {
            case .object: out.byte(UInt8(ascii: "}"))
            case .array: out.byte(UInt8(ascii: "]"))
            case .slot:
                // A value that wrote nothing, or a super-encoder nobody used.
                if frame.count == 0 {
                    out.byte(UInt8(ascii: "{"))
                    out.byte(UInt8(ascii: "}"))
                }
            }
        }
    }

    /// Before the object or array at `depth` writes its next member or element: ends what an
    /// earlier value nested in it left open and writes the comma.
    @inline(__always)
    mutating func next(in depth: Int, serial: Int) throws {
        guard depth < frames.count, frames[depth].serial == serial else { throw outOfOrder(depth) }
        if frames.count > depth + 1 { close(downTo: depth + 1) }
        if frames[depth].count > 0 { out.byte(UInt8(ascii: ",")) }
        frames[depth].count += 1
    }

    /// Before a single-value container writes into the slot at `slot`.
    @inline(__always)
    mutating func fill(_ slot: Int, serial: Int) throws {
        guard slot == frames.count - 1, frames[slot].serial == serial, frames[slot].count == 0 else {
            throw EncodingError.invalidValue(
                "", .init(codingPath: codingPath(through: min(slot, frames.count - 1)),
                          debugDescription: "a single-value container was written twice, or after its value ended"))
        }
        frames[slot].count = 1
    }

    /// The object or array the value in `slot` writes into: the one it opened before (a
    /// conformance may ask its encoder for the container more than once), else a new one.
    mutating func container(_ kind: Frame.Kind, inSlot slot: Int, serial: Int) -> (depth: Int, serial: Int) {
        precondition(slot < frames.count && frames[slot].serial == serial,
                     "JSONStreamEncoder: an Encoder was used after its value had been written")
        guard frames[slot].count == 0 else {
            precondition(frames.count > slot + 1 && frames[slot + 1].kind == kind,
                         "JSONStreamEncoder: a value asked for a \(kind) container after writing something else")
            close(downTo: slot + 2)
            return (slot + 1, frames[slot + 1].serial)
        }
        frames[slot].count = 1
        return push(kind, key: nil)
    }

    func codingPath(through depth: Int) -> [any CodingKey] {
        frames.prefix(depth + 1).compactMap(\.key)
    }

    private func outOfOrder(_ depth: Int) -> EncodingError {
        EncodingError.invalidValue(
            "", .init(codingPath: codingPath(through: min(depth, frames.count - 1)),
                      debugDescription: "a container was written to after a later sibling value or after its value ended; "
                          + "a streaming encoder needs containers used in nesting order"))
    }
}

// MARK: - Values

extension JSONStreamEncoder {
    /// Writes `value` where the caller has put its key or comma. The types the report files
    /// hold most (strings, integers, flags, exact amounts, lists of strings and of line numbers) are written
    /// directly; anything else encodes itself into a slot.
    fileprivate func value<T: Encodable, K: CodingKey>(_ value: T, key: K) throws {
        if T.self == String.self {
            state.pointee.out.string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            state.pointee.out.int(unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            state.pointee.out.bool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == ExactDecimal.self {
            // What `ExactDecimal.encode(to:)` writes (its `description` as a string), without a
            // slot and a single-value container for each of a report's thousands of amounts.
            state.pointee.out.decimal(unsafeBitCast(value, to: ExactDecimal.self))
        } else if T.self == stringArrayType {
            array(unsafeBitCast(value, to: [String].self)) { state.pointee.out.string($0) }
        } else if T.self == intArrayType {
            array(unsafeBitCast(value, to: [Int].self)) { state.pointee.out.int($0) }
        } else {
            let type = ObjectIdentifier(T.self)
            if state.pointee.direct, !state.pointee.indirectTypes.contains(type) {
                // Rows, cells and columns write their own bytes (see `JSONDirectEncodable`).
                if let direct = value as? any JSONDirectEncodable {
                    return direct.writeJSON(to: &state.pointee.out)
                }
                if let list = value as? any JSONDirectList {
                    return list.writeJSONList(to: &state.pointee.out)
                }
                state.pointee.indirectTypes.insert(type)
            }
            let slot = state.pointee.push(.slot, key: K.self == NoKey.self ? nil : key)
            let encoder = ValueEncoder(encoder: self, slot: slot.depth, serial: slot.serial)
            if !state.pointee.orderedTypes.contains(type) {
                if let unordered = value as? any UnorderedEncodable {
                    try unordered.encodeInOrder(to: encoder)
                    state.pointee.close(downTo: slot.depth)
                    return
                }
                state.pointee.orderedTypes.insert(type)
            }
            try value.encode(to: encoder)
            state.pointee.close(downTo: slot.depth)
        }
    }

    /// `[a,b,…]`, each element written by `write`: the direct path for the plain lists.
    @inline(__always)
    private func array<Element>(_ elements: [Element], _ write: (Element) -> Void) {
        state.pointee.out.byte(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { state.pointee.out.byte(UInt8(ascii: ",")) }
            write(element)
        }
        state.pointee.out.byte(UInt8(ascii: "]"))
    }

    fileprivate func double(_ value: Double, path: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else { throw nonFinite(value, path()) }
        state.pointee.out.number(value.description)
    }

    fileprivate func float(_ value: Float, path: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else { throw nonFinite(value, path()) }
        state.pointee.out.number(value.description)
    }

    private func nonFinite(_ value: Any, _ path: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(value) is not a JSON number"))
    }
}

// MARK: - Determinism for hashed collections

/// A collection whose `Encodable` conformance writes in hash order, which Swift seeds afresh
/// in every process: encoded here in sorted order instead, in the shape the standard
/// conformance gives (so `JSONDecoder` reads it back the same).
private protocol UnorderedEncodable {
    func encodeInOrder(to encoder: ValueEncoder) throws
}

extension Dictionary: UnorderedEncodable where Key: Encodable, Value: Encodable {
    /// String and Int keys (and `CodingKeyRepresentable` ones) make an object, as in the
    /// standard conformance: String keys sorted as `String` sorts them, Int keys by value,
    /// coding keys by their string. Other keys make `[key, value, key, value …]`, sorted by the
    /// key's JSON.
    fileprivate func encodeInOrder(to encoder: ValueEncoder) throws {
        let members: [(key: String, value: Value)]
        if Key.self == String.self {
            members = map { (key: $0.key as! String, value: $0.value) }.sorted { $0.key < $1.key }
        } else if Key.self == Int.self {
            members = map { (number: $0.key as! Int, value: $0.value) }.sorted { $0.number < $1.number }
                .map { (key: String($0.number), value: $0.value) }
        } else if Key.self is any CodingKeyRepresentable.Type {
            members = map { (key: ($0.key as! any CodingKeyRepresentable).codingKey.stringValue, value: $0.value) }
                .sorted { $0.key < $1.key }
        } else {
            var container = encoder.unkeyedContainer()
            for (_, key, value) in try map({ (try JSONStreamEncoder.bytes($0.key), $0.key, $0.value) })
                .sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) {
                try container.encode(key)
                try container.encode(value)
            }
            return
        }
        var container = encoder.container(keyedBy: StringKey.self)
        for member in members {
            try container.encode(member.value, forKey: StringKey(stringValue: member.key))
        }
    }
}

extension Set: UnorderedEncodable where Element: Encodable {
    /// An array, as in the standard conformance, sorted by each element's JSON.
    fileprivate func encodeInOrder(to encoder: ValueEncoder) throws {
        var container = encoder.unkeyedContainer()
        for (_, element) in try map({ (try JSONStreamEncoder.bytes($0), $0) }).sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) {
            try container.encode(element)
        }
    }
}

/// Generic types' metadata is looked up at run time on every use; these are looked up once.
private let stringArrayType: Any.Type = [String].self
private let intArrayType: Any.Type = [Int].self

/// The key of a value that has none of its own (the document, a single-value container's).
private struct NoKey: CodingKey {
    var stringValue: String { "" }
    init() {}
    init?(stringValue: String) { nil }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// A dictionary's key.
private struct StringKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// An array element's position, for `codingPath` (`Index 3`, as Foundation names it).
private struct IndexKey: CodingKey {
    let index: Int
    init(_ index: Int) { self.index = index }
    var stringValue: String { "Index \(index)" }
    init?(stringValue: String) { nil }
    var intValue: Int? { index }
    init?(intValue: Int) { self.index = intValue }
}

// MARK: - Encoder and containers

/// What `encode(to:)` is handed: the slot its value goes into. Three words, so that it fits an
/// existential inline and costs no allocation per value; the same holds for the containers.
private struct ValueEncoder: Encoder {
    let encoder: JSONStreamEncoder
    let slot: Int
    let serial: Int

    var codingPath: [any CodingKey] { encoder.state.pointee.codingPath(through: slot) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let opened = encoder.state.pointee.container(.object, inSlot: slot, serial: serial)
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: encoder, depth: opened.depth, serial: opened.serial))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let opened = encoder.state.pointee.container(.array, inSlot: slot, serial: serial)
        return UnkeyedContainer(encoder: encoder, depth: opened.depth, serial: opened.serial)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: encoder, slot: slot, serial: serial)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONStreamEncoder
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { encoder.state.pointee.codingPath(through: depth) }

    @inline(__always)
    private func member(_ key: Key) throws {
        try encoder.state.pointee.next(in: depth, serial: serial)
        encoder.state.pointee.out.key(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { try member(key); encoder.state.pointee.out.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try member(key); encoder.state.pointee.out.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try member(key); encoder.state.pointee.out.string(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try member(key); encoder.state.pointee.out.int(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key); encoder.state.pointee.out.integer(value) }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try member(key)
        try encoder.double(value, path: codingPath + [key as any CodingKey])
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try member(key)
        try encoder.float(value, path: codingPath + [key as any CodingKey])
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key)
        try encoder.value(value, key: key)
    }

    /// Nil is left out, as the standard default does; written here because that default
    /// instantiates `Optional<T>`'s metadata at run time on every call.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try member(key)
        try encoder.value(value, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        nested { try member(key) }
        return encoder.keyedContainer(under: key)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nested { try member(key) }
        return encoder.unkeyedContainer(under: key)
    }

    mutating func superEncoder() -> any Encoder {
        nested { try encoder.state.pointee.next(in: depth, serial: serial) }
        encoder.state.pointee.out.key("super")
        return encoder.superEncoder(under: StringKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        nested { try member(key) }
        return encoder.superEncoder(under: key)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, ScalarWriting {
    let encoder: JSONStreamEncoder
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { encoder.state.pointee.codingPath(through: depth) }

    var count: Int {
        depth < encoder.state.pointee.frames.count && encoder.state.pointee.frames[depth].serial == serial ? encoder.state.pointee.frames[depth].count : 0
    }

    @inline(__always)
    fileprivate func element() throws {
        try encoder.state.pointee.next(in: depth, serial: serial)
    }

    mutating func encode(_ value: Double) throws {
        try element()
        try encoder.double(value, path: codingPath + [IndexKey(count - 1) as any CodingKey])
    }

    mutating func encode(_ value: Float) throws {
        try element()
        try encoder.float(value, path: codingPath + [IndexKey(count - 1) as any CodingKey])
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try element()
        try encoder.value(value, key: IndexKey(encoder.state.pointee.frames[depth].count - 1))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nested { try element() }
        return encoder.keyedContainer(under: IndexKey(encoder.state.pointee.frames[depth].count - 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nested { try element() }
        return encoder.unkeyedContainer(under: IndexKey(encoder.state.pointee.frames[depth].count - 1))
    }

    mutating func superEncoder() -> any Encoder {
        nested { try element() }
        return encoder.superEncoder(under: IndexKey(encoder.state.pointee.frames[depth].count - 1))
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer, ScalarWriting {
    let encoder: JSONStreamEncoder
    let slot: Int
    let serial: Int

    var codingPath: [any CodingKey] { encoder.state.pointee.codingPath(through: slot) }

    @inline(__always)
    fileprivate func element() throws {
        try encoder.state.pointee.fill(slot, serial: serial)
    }


    mutating func encode(_ value: Double) throws {
        try element()
        try encoder.double(value, path: codingPath)
    }

    mutating func encode(_ value: Float) throws {
        try element()
        try encoder.float(value, path: codingPath)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try element()
        try encoder.value(value, key: NoKey())
    }
}

/// Opening a nested level looks alike from every container once the container has made room
/// for it: the level is pushed under `key` and a container (or super-encoder) handed out on it.
extension JSONStreamEncoder {
    fileprivate func keyedContainer<NestedKey: CodingKey>(under key: any CodingKey) -> KeyedEncodingContainer<NestedKey> {
        let opened = state.pointee.push(.object, key: key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: self, depth: opened.depth, serial: opened.serial))
    }

    fileprivate func unkeyedContainer(under key: any CodingKey) -> any UnkeyedEncodingContainer {
        let opened = state.pointee.push(.array, key: key)
        return UnkeyedContainer(encoder: self, depth: opened.depth, serial: opened.serial)
    }

    fileprivate func superEncoder(under key: any CodingKey) -> any Encoder {
        let slot = state.pointee.push(.slot, key: key)
        return ValueEncoder(encoder: self, slot: slot.depth, serial: slot.serial)
    }
}

/// What the unkeyed and single-value containers share: once `element()` has made room for a
/// value (an array's next element, or the one slot), a scalar is written the same way, so the
/// scalar overloads both protocols ask for are written once.
private protocol ScalarWriting {
    var encoder: JSONStreamEncoder { get }
    /// Makes room for the next value, or throws when the container is used out of order.
    func element() throws
}

extension ScalarWriting {
    mutating func encodeNil() throws { try element(); encoder.state.pointee.out.null() }
    mutating func encode(_ value: Bool) throws { try element(); encoder.state.pointee.out.bool(value) }
    mutating func encode(_ value: String) throws { try element(); encoder.state.pointee.out.string(value) }
    mutating func encode(_ value: Int) throws { try element(); encoder.state.pointee.out.int(value) }
    mutating func encode(_ value: Int8) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: Int16) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: Int32) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: Int64) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt8) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt16) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt32) throws { try element(); encoder.state.pointee.out.integer(value) }
    mutating func encode(_ value: UInt64) throws { try element(); encoder.state.pointee.out.integer(value) }
}

/// Opening a nested container or super-encoder cannot throw (the protocol says so), so a
/// container used out of order traps there instead of throwing.
private func nested(_ step: () throws -> Void) {
    do { try step() } catch { preconditionFailure("JSONStreamEncoder: \(error)") }
}
