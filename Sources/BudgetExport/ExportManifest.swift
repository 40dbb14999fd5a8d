import BudgetCore
import BudgetExtract
import BudgetNormalize
import Foundation

/// `05-export/manifest.json`: the export's own fixity record, the SHA-256 and size of every
/// file it wrote (itself excepted), with what the bag writer needs to describe the report.
/// Pretty JSON with sorted keys and files sorted by path, so the same export gives the same
/// bytes; no times (those are in the report's `manifest.json`). It is also the export stage's
/// artifact.
public struct ExportManifest: Codable, Equatable, Sendable {
    public static let fileName = "manifest.json"
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var reportId: String
    public var pipelineVersion: String
    public var report: Report
    /// Every exported file but this one, by path inside the export folder.
    public var files: [Entry]

    /// What the report is, for the bag's `bag-info.txt`.
    public struct Report: Codable, Equatable, Sendable {
        public var title: String?
        public var unit: String?
        public var fiscalYear: Int?
        public var kind: String?
        public var amountUnit: String?
        public var sourceFile: String
        public var sourceSize: Int
        public var sourceSHA256: String
        public var facts: Int
        public var checks: Int
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var path: String
        public var sha256: String
        public var size: Int
    }

    package init(reportID: String, extract: ExtractInfo, metadata: ReportMetadata, facts: Int, checks: Int, files: [String: Data]) {
        schemaVersion = Self.currentSchemaVersion
        reportId = reportID
        pipelineVersion = PipelineVersion.current
        report = Report(title: metadata.title, unit: metadata.unitName, fiscalYear: metadata.fiscalYear,
                        kind: metadata.kind?.rawValue, amountUnit: metadata.amountUnit,
                        sourceFile: extract.source.file, sourceSize: extract.source.size,
                        sourceSHA256: extract.source.sha256, facts: facts, checks: checks)
        self.files = files.keys.sorted().map { path in
            Entry(path: path, sha256: Checksum.sha256(files[path]!), size: files[path]!.count)
        }
    }

    package func encoded() throws -> Data { try JSONCoding.encode(self) }

    package static func load(from folder: URL) throws -> ExportManifest {
        let url = folder.appendingPathComponent(fileName)
        let data = try FileSystem.read(url)
        do {
            return try JSONCoding.decode(ExportManifest.self, from: data)
        } catch {
            throw ReportError(file: url.path, message: "is not an export manifest: \(JSONCoding.syntaxError(in: data))",
                              hint: "re-run the export stage")
        }
    }
}
