/// A coding key for any string, so a decoder can see every key an object actually has.
package struct AnyCodingKey: CodingKey {
    package var stringValue: String
    package var intValue: Int?
    package init(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

extension Decoder {
    /// Refuses any key of the current object that `Keys` does not list. Configuration is typed
    /// so that a misspelt option fails loudly instead of silently meaning "use the default".
    package func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type, what: String = "key") throws {
        let present = try container(keyedBy: AnyCodingKey.self).allKeys
        let valid = Keys.allCases.map(\.stringValue)
        for key in present.sorted(by: { $0.stringValue < $1.stringValue }) where !valid.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [key],
                debugDescription: "unknown \(what) \"\(key.stringValue)\"; valid: \(valid.joined(separator: ", "))"))
        }
    }

    /// The current object's keyed container, once `refuseUnknownKeys` has found no key that
    /// `Keys` does not list: how every configuration object starts reading itself.
    package func strictContainer<Keys: CodingKey & CaseIterable>(keyedBy _: Keys.Type) throws -> KeyedDecodingContainer<Keys> {
        try refuseUnknownKeys(Keys.self)
        return try container(keyedBy: Keys.self)
    }
}

extension KeyedDecodingContainer {
    /// The value for `key`, or `fallback` when the key is absent (absent means "the default").
    package func decode<T: Decodable>(_ key: Key, default fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}

extension ConfigurationError {
    /// Turns Foundation's decoding errors into a message that names the key path as the user
    /// wrote it (`options.extract.encoding`, `stages[1]`) and what would be valid there.
    package init(source: String, decoding error: DecodingError) {
        func path(_ codingPath: [CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .typeMismatch(let type, let context):
            self.init(source: source, key: path(context.codingPath),
                      message: "wrong type: expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(source: source, key: path(context.codingPath),
                      message: "missing value: expected \(Self.describe(type))")
        case .keyNotFound(let key, let context):
            self.init(source: source, key: path(context.codingPath + [key]), message: "required key is missing")
        case .dataCorrupted(let context):
            self.init(source: source, key: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            self.init(source: source, key: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default:
            String(describing: type).hasPrefix("Array") ? "a list"
                : String(describing: type).hasPrefix("Dictionary") ? "an object" : "a value of type \(type)"
        }
    }
}

