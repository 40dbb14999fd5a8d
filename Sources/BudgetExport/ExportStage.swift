import BudgetCore
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import BudgetSegment
import Foundation

/// Stage 5, export: writes `05-export/` as a BagIt bag (see `Exporter`): tidy CSV with a
/// Frictionless descriptor for data teams, `report.xml` validated against `budget-report.xsd`
/// for archivists, the extracted text, and the bag's manifests fixing every file by SHA-256.
/// The checks and the text are links to reconcile's and extract's files, not copies. Beside
/// the bag, in the report's folder: `report.html`, the record rendered by the bag's `render.xsl`.
/// Its summary adds what the run's index charts: the report's expenditure by function class.
public struct ExportStage: Stage {
    public static let name: StageName = "export"
    public static let needs = [ExtractStage.name, SegmentStage.name, NormalizeStage.name, ReconcileStage.name]
    /// The schemas the record is written to and the stylesheet that renders it are compiled-in
    /// data: a change to any of them re-runs the stage, so no record or page is left in an old form.
    public static var fingerprint: Data { ReportSchema.data + DublinCoreSchema.data + ReportHTML.stylesheet }

    public let options: ExportOptions

    public init(options: ExportOptions = ExportOptions()) {
        self.options = options
    }

    public func run(_ context: StageContext) throws -> StageProduct<ExportedBag> {
        let extracted = try context.artifact(of: ExtractStage.self)
        let segmented = try context.artifact(of: SegmentStage.self)
        let normalized = try context.artifact(of: NormalizeStage.self)
        let reconciled = try context.artifact(of: ReconcileStage.self)
        let layout = context.layout
        let sources = Exporter.Sources(checks: "\(layout.folderName(ReconcileStage.name))/\(ReconcileStage.file)",
                                       text: "\(layout.folderName(ExtractStage.name))/\(ExtractStage.textFile)")
        let (files, bag, page) = try Exporter.exportBag(
            reportID: context.reportID, extract: extracted, segmented: segmented, normalized: normalized, reconciled: reconciled,
            options: options, sources: sources)
        var summary = ["facts": String(bag.facts)]
        summary[ExpenditureByClass.summaryKey] = ExpenditureByClass(normalized)?.summaryValue ?? ""
        return StageProduct(artifact: bag, files: files + (page.map { [$0] } ?? []), summary: summary)
    }

    /// The export's artifact is its bag's payload manifest: what it wrote, fixed by SHA-256.
    public static func loadArtifact(from folder: StageFolder) throws -> ExportedBag {
        try ExportedBag.load(from: folder)
    }
}
