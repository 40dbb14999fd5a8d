/// The options of one stage, under its name in `pipeline.json`'s `options`. Every key is
/// optional: `init()` gives the defaults, and decoding refuses unknown keys.
public protocol StageOptions: Codable, Equatable, Sendable {
    init()
    /// Checks what types alone cannot; `key` is the options' path in the file (`options.segment`).
    func validate(source: String, key: String) throws(ConfigurationError)
}

extension StageOptions {
    public func validate(source: String, key: String) throws(ConfigurationError) {}
}

/// Options of a stage that has none; such a stage has no key under `options`.
public struct NoOptions: StageOptions {
    public init() {}

    public init(from decoder: Decoder) throws {
        if let key = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.first {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath + [key], debugDescription: "unknown key \"\(key.stringValue)\"; this stage has no options"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        _ = encoder.container(keyedBy: AnyCodingKey.self)
    }
}
