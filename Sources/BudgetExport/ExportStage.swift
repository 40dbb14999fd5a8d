import BudgetCore
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import Foundation

/// Stage 5, export: writes the deliverables of `05-export/` (see `Exporter`): tidy CSV with a
/// Frictionless descriptor for data teams, `report.xml` validated against `budget-report.xsd`
/// for archivists, and `manifest.json` fixing every file by SHA-256. The archive bag is written
/// after the files are in place, by `ArchiveBag.write(reportFolder:)`.
public struct ExportStage: Stage {
    public static let name: StageName = "export"
    public static let needs = [ExtractStage.name, NormalizeStage.name, ReconcileStage.name]

    public let options: ExportOptions

    public init(options: ExportOptions = ExportOptions()) {
        self.options = options
    }

    public func run(_ context: StageContext) throws -> StageProduct<ExportManifest> {
        let extracted = try context.artifact(of: ExtractStage.self)
        let normalized = try context.artifact(of: NormalizeStage.self)
        let reconciled = try context.artifact(of: ReconcileStage.self)
        let (files, manifest) = try Exporter.exportWithManifest(
            reportID: context.reportID, extract: extracted, normalized: normalized, reconciled: reconciled,
            options: options)
        return StageProduct(artifact: manifest, files: files, summary: ["facts": String(manifest.report.facts)])
    }

    /// Writes the archive bag once the export's files are in place (its payload links to them);
    /// its tag files, which fix every payload file by SHA-256, are recorded as outputs too.
    public func finish(reportFolder: URL, layout: StageLayout) throws -> [String] {
        try ArchiveBag.write(reportFolder: reportFolder, exportFolder: layout.folderName(Self.name),
                             sourceText: "\(layout.folderName(ExtractStage.name))/\(ExtractStage.textFile)")
        let bag = reportFolder.appendingPathComponent(ArchiveBag.folderName)
        return FileSystem.relativeFiles(under: bag).filter { !$0.contains("/") }.map { "\(ArchiveBag.folderName)/\($0)" }
    }

    /// The export's artifact is its manifest: what it wrote, fixed by SHA-256.
    public static func loadArtifact(from folder: StageFolder) throws -> ExportManifest {
        try folder.decodeJSON(ExportManifest.self, from: ExportManifest.fileName)
    }
}
