/// A Boolean that JSON carries only when it is true. Most cells are not blank and most rows are
/// not totals: a `"blank":false` on every cell of every report is bytes that say nothing. Reading
/// back, a missing key is `false`.
///
/// The synthesized `Codable` of a type with such a property calls the container overloads below
/// (the most specific `encode(_:forKey:)` and `decode(_:forKey:)`), which leave the key out or
/// read its absence.
@propertyWrapper
public struct OmittedWhenFalse: Codable, Equatable, Hashable, Sendable {
    public var wrappedValue: Bool

    public init(wrappedValue: Bool) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Bool.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// A text that JSON carries only when it is not empty (a blank cell's printed text); a missing
/// key reads back as "".
@propertyWrapper
public struct OmittedWhenEmpty: Codable, Equatable, Hashable, Sendable {
    public var wrappedValue: String

    public init(wrappedValue: String) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedEncodingContainer {
    public mutating func encode(_ value: OmittedWhenFalse, forKey key: Key) throws {
        if value.wrappedValue { try encode(true, forKey: key) }
    }

    public mutating func encode(_ value: OmittedWhenEmpty, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    public func decode(_: OmittedWhenFalse.Type, forKey key: Key) throws -> OmittedWhenFalse {
        OmittedWhenFalse(wrappedValue: try decodeIfPresent(Bool.self, forKey: key) ?? false)
    }

    public func decode(_: OmittedWhenEmpty.Type, forKey key: Key) throws -> OmittedWhenEmpty {
        OmittedWhenEmpty(wrappedValue: try decodeIfPresent(String.self, forKey: key) ?? "")
    }
}
