import Foundation

/// Stage 4, reconcile: checks the normalized report against the identities it keeps (totals,
/// header groups, paired sides, figures shared between tables, the narrative, cost estimates,
/// promised tables) and writes every check with its outcome to `04-reconcile/reconcile.json`
/// (`ReconcileReport`).
public struct ReconcileStage: Stage {
    public static let file = "reconcile.json"

    public init() {}

    public var name: StageName { .reconcile }

    public func run(_ context: StageContext) throws -> StageProduct {
        let normalized = try context.artifact(of: .normalize, as: NormalizedReport.self)
        let report = Reconciler.reconcile(normalized, options: context.configuration.options.reconcile)
        return StageProduct(artifact: report, files: [OutputFile(name: Self.file, data: JSONWriter.encode(report))],
                            summary: ["failedChecks": String(report.summary.fail), "warnedChecks": String(report.summary.warn)])
    }

    public func loadArtifact(from folder: StageFolder) throws -> any Sendable {
        try folder.decodeJSON(ReconcileReport.self, from: Self.file)
    }
}
