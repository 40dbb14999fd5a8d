import BudgetCore
import Foundation

/// `pipeline.json`'s `options`: each stage's options under the stage's name, typed by the stage
/// (`options[SegmentStage.self].maxHeaderRows`). An absent stage has its defaults; a key that
/// names no stage with options is refused.
public struct OptionsByStage: Codable, Equatable, Sendable {
    fileprivate var values: [StageName: any StageOptions] = [:]

    public init() {}

    public subscript<S: Stage>(stage: S.Type) -> S.Options {
        get { values[S.name] as? S.Options ?? S.Options() }
        set { values[S.name] = newValue }
    }

    /// The stages that have options, in pipeline order.
    private static var configurable: [any Stage.Type] { StageTable.stages.filter { $0.hasOptions } }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let valid = Self.configurable.map { $0.name.rawValue }
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let stage = Self.configurable.first(where: { $0.name.rawValue == key.stringValue }) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath + [key],
                    debugDescription: "unknown stage \"\(key.stringValue)\"; valid: \(valid.joined(separator: ", "))"))
            }
            values[stage.name] = try stage.decodeOptions(from: container, key: key)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for stage in Self.configurable {
            try stage.encodeOptions(of: self, into: &container)
        }
    }

    public static func == (lhs: OptionsByStage, rhs: OptionsByStage) -> Bool {
        StageTable.stages.allSatisfy { $0.canonicalOptions(of: lhs) == $0.canonicalOptions(of: rhs) }
    }

    /// Checks every stage's options; keys are named as in the file (`options.segment.maxHeaderRows`).
    func validate(source: String) throws(ConfigurationError) {
        for stage in StageTable.stages {
            try stage.validateOptions(of: self, source: source)
        }
    }

    /// What a stage's up-to-date check compares besides the pipeline version: its options as
    /// canonical JSON and the compiled-in data it declares.
    public func fingerprint(of stage: any Stage.Type) -> Data {
        stage.canonicalOptions(of: self) + stage.fingerprint
    }
}

/// Each stage's part in reading, writing and checking the options, through its own types.
extension Stage {
    fileprivate static func decodeOptions(from container: KeyedDecodingContainer<AnyCodingKey>,
                                          key: AnyCodingKey) throws -> any StageOptions {
        try container.decode(Options.self, forKey: key)
    }

    fileprivate static func encodeOptions(of options: OptionsByStage,
                                          into container: inout KeyedEncodingContainer<AnyCodingKey>) throws {
        try container.encode(options[Self.self], forKey: AnyCodingKey(stringValue: name.rawValue))
    }

    fileprivate static func validateOptions(of options: OptionsByStage, source: String) throws(ConfigurationError) {
        try options[Self.self].validate(source: source, key: "options.\(name.rawValue)")
    }

    fileprivate static func canonicalOptions(of options: OptionsByStage) -> Data {
        (try? JSONCoding.encode(options[Self.self], pretty: false)) ?? Data()
    }

    /// The stage built with its options from the configuration.
    static func make(with options: OptionsByStage) -> Self { Self(options: options[Self.self]) }
}
