import BudgetCore
import BudgetNormalize
import Foundation

/// Stage 4, reconcile: checks the normalized report against the identities it keeps (totals,
/// header groups, paired sides, figures shared between tables, the narrative, cost estimates,
/// promised tables) and writes every check with its outcome to `04-reconcile/reconcile.json`
/// (`ReconcileReport`).
public struct ReconcileStage: Stage {
    public static let file = "reconcile.json"

    public static let name: StageName = "reconcile"
    public static let needs = [NormalizeStage.name]
    /// The economic classes and words reconcile reads by are data: a change to them re-runs the stage.
    public static var fingerprint: Data { EconomicClasses.fingerprint }

    public let options: ReconcileOptions

    public init(options: ReconcileOptions = ReconcileOptions()) {
        self.options = options
    }

    public func run(_ context: StageContext) throws -> StageProduct<ReconcileReport> {
        let normalized = try context.artifact(of: NormalizeStage.self)
        let report = Reconciler.reconcile(normalized, options: options)
        return StageProduct(artifact: report, files: [OutputFile(name: Self.file, data: try JSONStreamEncoder.encode(report))],
                            summary: ["failedChecks": String(report.summary.fail), "warnedChecks": String(report.summary.warn)])
    }

    public static func loadArtifact(from folder: StageFolder) throws -> ReconcileReport {
        try folder.decodeJSON(ReconcileReport.self, from: Self.file)
    }
}
