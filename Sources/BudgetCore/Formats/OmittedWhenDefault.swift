/// A value that JSON carries only when it is not its type's usual value (`false`, `""`). Most
/// cells are not blank and most rows are not totals: a `"blank":false` on every cell of every
/// report is bytes that say nothing. Reading back, a missing key is the usual value.
///
/// The synthesized `Codable` of a type with such a property calls the container overloads below
/// (more specific than the generic `encode(_:forKey:)` and `decode(_:forKey:)`), which leave the
/// key out or read its absence.
@propertyWrapper
public struct OmittedWhenDefault<Value: OmissibleValue>: Codable, Equatable, Hashable, Sendable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// A type with a usual value that JSON may leave out.
public protocol OmissibleValue: Codable, Hashable, Sendable {
    static var usual: Self { get }
}

extension Bool: OmissibleValue {
    public static var usual: Bool { false }
}

extension String: OmissibleValue {
    public static var usual: String { "" }
}

extension KeyedEncodingContainer {
    public mutating func encode<Value>(_ value: OmittedWhenDefault<Value>, forKey key: Key) throws {
        if value.wrappedValue != Value.usual { try encode(value.wrappedValue, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    public func decode<Value>(_: OmittedWhenDefault<Value>.Type, forKey key: Key) throws -> OmittedWhenDefault<Value> {
        OmittedWhenDefault(wrappedValue: try decodeIfPresent(Value.self, forKey: key) ?? Value.usual)
    }
}
