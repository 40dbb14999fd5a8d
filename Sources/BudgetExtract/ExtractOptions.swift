import BudgetCore
import Foundation

/// Options of the extract stage (`options.extract` in `pipeline.json`).
public struct ExtractOptions: StageOptions {
    /// `auto` detects the encoding by validity (BOM, then UTF-8, then GB18030); naming one
    /// forces it, for files detection gets wrong (e.g. UTF-16 without a byte-order mark).
    public var encoding: EncodingChoice
    /// Larger inputs are refused rather than read: a guard for unattended runs.
    /// For a PDF, the bound applies to the text `pdftotext` writes (the PDF itself may be bigger).
    public var maxInputBytes: Int
    /// poppler's `pdftotext` and `pdfinfo` (Debian `poppler-utils`), which read PDF input: a
    /// command name looked up on PATH, or a path (with a `/`).
    public var pdftotext: String
    public var pdfinfo: String
    /// Each poppler run is stopped after this many seconds, and the report refused.
    public var pdfTimeoutSeconds: Double

    /// The defaults, as an absent `options` entry means.
    public init() {
        self.init(encoding: .auto)
    }

    public init(encoding: EncodingChoice = .auto, maxInputBytes: Int = 64 << 20, pdftotext: String = "pdftotext",
                pdfinfo: String = "pdfinfo", pdfTimeoutSeconds: Double = 120) {
        self.encoding = encoding
        self.maxInputBytes = maxInputBytes
        self.pdftotext = pdftotext
        self.pdfinfo = pdfinfo
        self.pdfTimeoutSeconds = pdfTimeoutSeconds
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case encoding, maxInputBytes, pdftotext, pdfinfo, pdfTimeoutSeconds
    }

    public init(from decoder: Decoder) throws {
        let defaults = ExtractOptions()
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        encoding = try values.decode(.encoding, default: defaults.encoding)
        maxInputBytes = try values.decode(.maxInputBytes, default: defaults.maxInputBytes)
        pdftotext = try values.decode(.pdftotext, default: defaults.pdftotext)
        pdfinfo = try values.decode(.pdfinfo, default: defaults.pdfinfo)
        pdfTimeoutSeconds = try values.decode(.pdfTimeoutSeconds, default: defaults.pdfTimeoutSeconds)
    }

    public func validate(source: String, key: String) throws(ConfigurationError) {
        guard maxInputBytes > 0 else {
            throw ConfigurationError(source: source, key: "\(key).maxInputBytes", message: "must be a positive number of bytes")
        }
        guard pdfTimeoutSeconds > 0, pdfTimeoutSeconds.isFinite else {
            throw ConfigurationError(source: source, key: "\(key).pdfTimeoutSeconds", message: "must be a positive number of seconds")
        }
        for (name, value) in [("pdftotext", pdftotext), ("pdfinfo", pdfinfo)] where value.isEmpty {
            throw ConfigurationError(source: source, key: "\(key).\(name)", message: "must name the program or its path")
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
