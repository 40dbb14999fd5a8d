import BudgetCore

/// Options of the export stage (`options.export` in `pipeline.json`).
public struct ExportOptions: StageOptions {
    /// Starts every CSV with a UTF-8 byte-order mark. Off by default (RFC 4180 and most tools
    /// want none); on for users who open the files in Excel, which reads CSV without one as
    /// the system's legacy code page and garbles Chinese text.
    public var csvByteOrderMark: Bool

    /// The defaults, as an absent `options` entry means.
    public init() {
        self.init(csvByteOrderMark: false)
    }

    public init(csvByteOrderMark: Bool = false) {
        self.csvByteOrderMark = csvByteOrderMark
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case csvByteOrderMark
    }

    public init(from decoder: Decoder) throws {
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        csvByteOrderMark = try values.decode(.csvByteOrderMark, default: ExportOptions().csvByteOrderMark)
    }

    /// Nothing to check beyond the types yet; present so the configuration treats every stage alike.
}
