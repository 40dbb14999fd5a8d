import BudgetCore
import BudgetExtract
import Foundation

/// Stage 2, segment: finds the table of contents, every table (caption, title, unit lines,
/// header rows and column paths, body rows, notes; paired sides; form fields and grids) and the
/// narrative in the extracted text, and writes `02-segment/segment.json` (`SegmentedReport`).
public struct SegmentStage: Stage {
    public static let file = "segment.json"

    public static let name: StageName = "segment"
    public static let needs = [ExtractStage.name]
    /// The table kinds are data: a change to them re-runs the stage.
    public static var fingerprint: Data { TableKinds.fingerprint }

    public let options: SegmentOptions

    public init(options: SegmentOptions = SegmentOptions()) {
        self.options = options
    }

    public func run(_ context: StageContext) throws -> StageProduct<SegmentedReport> {
        let extracted = try context.artifact(of: ExtractStage.self)
        var report = Segmenter(kinds: .standard, options: options).segment(extracted.text)
        // pdftotext marks every page break: a PDF's text without marks is its one page.
        if extracted.info.pdf != nil, report.pageStarts.isEmpty { report.pageStarts = [1] }
        // What every template of the family shares is tables, listed in a contents (目录): text
        // with neither is something else, and must not come out as a report with nothing in it.
        guard !report.tables.isEmpty || report.contents.contains(where: { $0.tableId != nil }) else {
            throw ReportError(
                file: context.source.displayPath, stage: Self.name.rawValue,
                message: "not a budget report: none of its \(report.lines) lines is a table or a contents (目录) entry naming one",
                hint: "check that this is the text of a 预算 or 决算 report (tables separated by tabs, captions such as 表1)")
        }
        return StageProduct(artifact: report, files: [
            OutputFile(name: Self.file, data: try JSONStreamEncoder.encode(report)),
        ])
    }

    public static func loadArtifact(from folder: StageFolder) throws -> SegmentedReport {
        try folder.decodeJSON(SegmentedReport.self, from: Self.file)
    }
}

/// Options of the segment stage (`options.segment`).
public struct SegmentOptions: StageOptions {
    /// Most header rows a table may have; rows after them are body rows.
    public var maxHeaderRows: Int

    /// The defaults, as an absent `options` entry means.
    public init() {
        self.init(maxHeaderRows: 3)
    }

    public init(maxHeaderRows: Int = 3) {
        self.maxHeaderRows = maxHeaderRows
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case maxHeaderRows
    }

    public init(from decoder: Decoder) throws {
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        maxHeaderRows = try values.decode(.maxHeaderRows, default: SegmentOptions().maxHeaderRows)
    }

    public func validate(source: String, key: String) throws(ConfigurationError) {
        guard (1...6).contains(maxHeaderRows) else {
            throw ConfigurationError(source: source, key: "\(key).maxHeaderRows", message: "must be between 1 and 6")
        }
    }
}
