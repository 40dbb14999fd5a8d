import Foundation

/// Stage 2, segment: finds the table of contents, every table (caption, title, unit lines,
/// header rows and column paths, body rows, notes; paired sides; form fields and grids) and the
/// narrative in the extracted text, and writes `02-segment/segment.json` (`SegmentedReport`).
public struct SegmentStage: Stage {
    public static let file = "segment.json"

    public init() {}

    public var name: StageName { .segment }

    public func run(_ context: StageContext) throws -> StageProduct {
        let extracted = try context.artifact(of: .extract, as: ExtractedText.self)
        let report = Segmenter(kinds: .standard, options: context.configuration.options.segment).segment(extracted.text)
        return StageProduct(artifact: report, files: [
            OutputFile(name: Self.file, data: JSONWriter.encode(report)),
        ])
    }

    public func loadArtifact(from folder: StageFolder) throws -> any Sendable {
        try folder.decodeJSON(SegmentedReport.self, from: Self.file)
    }
}

/// Options of the segment stage (`options.segment`).
public struct SegmentOptions: Codable, Equatable, Sendable {
    /// Most header rows a table may have; rows after them are body rows.
    public var maxHeaderRows: Int

    public init(maxHeaderRows: Int = 3) {
        self.maxHeaderRows = maxHeaderRows
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxHeaderRows
    }

    public init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let values = try decoder.container(keyedBy: CodingKeys.self)
        maxHeaderRows = try values.decode(.maxHeaderRows, default: SegmentOptions().maxHeaderRows)
    }

    func validate(source: String, key: String) throws(ConfigurationError) {
        guard (1...6).contains(maxHeaderRows) else {
            throw ConfigurationError(source: source, key: "\(key).maxHeaderRows", message: "must be between 1 and 6")
        }
    }
}
