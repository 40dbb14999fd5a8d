import BudgetCore

/// Options of the export stage (`options.export` in `pipeline.json`).
public struct ExportOptions: StageOptions {
    /// Starts every CSV with a UTF-8 byte-order mark. Off by default (RFC 4180 and most tools
    /// want none); on for users who open the files in Excel, which reads CSV without one as
    /// the system's legacy code page and garbles Chinese text.
    public var csvByteOrderMark: Bool
    /// Writes `output/<id>/report.html`, the page rendered from report.xml by the bag's own
    /// render.xsl. On by default; a large batch run for its data alone may turn it off (it is
    /// most of the export's time, and the bag renders the same page on demand:
    /// `xsltproc data/render.xsl data/report.xml`).
    public var reportPage: Bool

    /// The defaults, as an absent `options` entry means.
    public init() {
        self.init(csvByteOrderMark: false, reportPage: true)
    }

    public init(csvByteOrderMark: Bool = false, reportPage: Bool = true) {
        self.csvByteOrderMark = csvByteOrderMark
        self.reportPage = reportPage
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case csvByteOrderMark, reportPage
    }

    public init(from decoder: Decoder) throws {
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        csvByteOrderMark = try values.decode(.csvByteOrderMark, default: ExportOptions().csvByteOrderMark)
        reportPage = try values.decode(.reportPage, default: ExportOptions().reportPage)
    }

    /// Nothing to check beyond the types yet; present so the configuration treats every stage alike.
}
