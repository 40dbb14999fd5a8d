import BudgetCore
import Foundation

/// Stage 1, extract: reads the report's bytes, decodes them (see `TextExtractor`) and writes
/// `01-extract/text.txt` (UTF-8, LF, form feeds kept as page marks) and `extract.json`
/// (`ExtractInfo`: source name, size and SHA-256, encoding, line endings, line and page counts,
/// control characters removed). A PDF (by its first bytes) is read by poppler's `pdftotext -layout`
/// first (`PDFTextExtractor`), and `extract.json` then also records its page count.
public struct ExtractStage: Stage {
    public static let textFile = "text.txt"
    public static let infoFile = "extract.json"

    public static let name: StageName = "extract"
    public static let needs: [StageName] = []

    public let options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    public func run(_ context: StageContext) throws -> StageProduct<ExtractedText> {
        let data = try context.readSource()
        let file = context.source.displayPath
        let extracted = PDFTextExtractor.isPDF(data)
            ? try PDFTextExtractor(options: options, file: file).extract(data)
            : try TextExtractor(options: options, file: file).extract(data)
        return StageProduct(artifact: extracted, files: [
            OutputFile(name: Self.textFile, data: Data(extracted.text.utf8)),
            OutputFile(name: Self.infoFile, data: try JSONCoding.encode(extracted.info)),
        ])
    }

    public static func loadArtifact(from folder: StageFolder) throws -> ExtractedText {
        let text = String(decoding: try folder.read(Self.textFile), as: UTF8.self)
        let info = try folder.decodeJSON(ExtractInfo.self, from: Self.infoFile)
        return ExtractedText(text: text, info: info)
    }
}
