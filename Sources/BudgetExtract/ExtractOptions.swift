import BudgetCore
import Foundation

/// Options of the extract stage (`options.extract` in `pipeline.json`).
public struct ExtractOptions: StageOptions {
    /// `auto` detects the encoding by validity (BOM, then UTF-8, then GB18030); naming one
    /// forces it, for files detection gets wrong (e.g. UTF-16 without a byte-order mark).
    public var encoding: EncodingChoice
    /// Larger inputs are refused rather than read: a guard for unattended runs.
    public var maxInputBytes: Int

    /// The defaults, as an absent `options` entry means.
    public init() {
        self.init(encoding: .auto)
    }

    public init(encoding: EncodingChoice = .auto, maxInputBytes: Int = 64 << 20) {
        self.encoding = encoding
        self.maxInputBytes = maxInputBytes
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case encoding, maxInputBytes
    }

    public init(from decoder: Decoder) throws {
        let defaults = ExtractOptions()
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        encoding = try values.decode(.encoding, default: defaults.encoding)
        maxInputBytes = try values.decode(.maxInputBytes, default: defaults.maxInputBytes)
    }

    public func validate(source: String, key: String) throws(ConfigurationError) {
        guard maxInputBytes > 0 else {
            throw ConfigurationError(source: source, key: "\(key).maxInputBytes", message: "must be a positive number of bytes")
        }
    }
}

/// The `encoding` option: detect, or one encoding forced.
public enum EncodingChoice: String, Codable, CaseIterable, Sendable {
    case auto
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let choice = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown encoding \"\(text)\"; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = choice
    }
}
