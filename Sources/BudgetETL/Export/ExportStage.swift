import Foundation

/// Stage 5, export: writes the deliverables of `05-export/` (see `Exporter`): tidy CSV with a
/// Frictionless descriptor for data teams, `report.xml` validated against `budget-report.xsd`
/// for archivists, and `manifest.json` fixing every file by SHA-256. The archive bag is written
/// after the files are in place, by `ArchiveBag.write(reportFolder:)`.
public struct ExportStage: Stage {
    public init() {}

    public var name: StageName { .export }

    public func run(_ context: StageContext) throws -> StageProduct {
        let extracted = try context.artifact(of: .extract, as: ExtractedText.self)
        let normalized = try context.artifact(of: .normalize, as: NormalizedReport.self)
        let reconciled = try context.artifact(of: .reconcile, as: ReconcileReport.self)
        let (files, manifest) = try Exporter.exportWithManifest(
            reportID: context.reportID, extract: extracted, normalized: normalized, reconciled: reconciled,
            options: context.configuration.options.export)
        return StageProduct(artifact: manifest, files: files, summary: ["facts": String(manifest.report.facts)])
    }

    /// Writes the archive bag once the export's files are in place (its payload links to them);
    /// its tag files, which fix every payload file by SHA-256, are recorded as outputs too.
    public func finish(reportFolder: URL) throws -> [String] {
        try ArchiveBag.write(reportFolder: reportFolder, exportFolder: StageName.export.folderName,
                             sourceText: "\(StageName.extract.folderName)/\(ExtractStage.textFile)")
        let bag = reportFolder.appendingPathComponent(ArchiveBag.folderName)
        return FileSystem.relativeFiles(under: bag).filter { !$0.contains("/") }.map { "\(ArchiveBag.folderName)/\($0)" }
    }

    /// The export's artifact is its manifest: what it wrote, fixed by SHA-256.
    public func loadArtifact(from folder: StageFolder) throws -> any Sendable {
        try folder.decodeJSON(ExportManifest.self, from: ExportManifest.fileName)
    }
}
