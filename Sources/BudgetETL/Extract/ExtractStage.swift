import Foundation

/// Stage 1, extract: reads the report's bytes, decodes them (see `TextExtractor`) and writes
/// `01-extract/text.txt` (UTF-8, LF, form feeds kept as page marks) and `extract.json`
/// (`ExtractInfo`: source name, size and SHA-256, encoding, line endings, line and page counts,
/// control characters removed).
public struct ExtractStage: Stage {
    public static let textFile = "text.txt"
    public static let infoFile = "extract.json"

    public init() {}

    public var name: StageName { .extract }

    public func run(_ context: StageContext) throws -> StageProduct {
        let data = try context.readSource()
        let extracted = try TextExtractor(options: context.configuration.options.extract, file: context.source.displayPath)
            .extract(data)
        return StageProduct(artifact: extracted, files: [
            OutputFile(name: Self.textFile, data: Data(extracted.text.utf8)),
            OutputFile(name: Self.infoFile, data: try JSONCoding.encode(extracted.info)),
        ])
    }

    public func loadArtifact(from folder: StageFolder) throws -> any Sendable {
        let text = String(decoding: try folder.read(Self.textFile), as: UTF8.self)
        let info = try folder.decodeJSON(ExtractInfo.self, from: Self.infoFile)
        return ExtractedText(text: text, info: info)
    }
}
