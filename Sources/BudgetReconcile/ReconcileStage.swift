import BudgetCore
import BudgetNormalize
import Foundation

/// Stage 4, reconcile: checks the normalized report against the identities it keeps (totals,
/// header groups, paired sides, figures shared between tables, the narrative, cost estimates,
/// promised tables) and writes every check with its outcome to `04-reconcile/checks.csv`
/// (`ChecksCSV`), the one record of the checks: the export delivers the same file.
public struct ReconcileStage: Stage {
    public static let file = ChecksCSV.fileName

    public static let name: StageName = "reconcile"
    public static let needs = [NormalizeStage.name]
    /// The economic classes and words reconcile reads by are data: a change to them re-runs the stage.
    public static var fingerprint: Data { EconomicClasses.fingerprint + ReconcileWords.fingerprint }

    public let options: ReconcileOptions

    public init(options: ReconcileOptions = ReconcileOptions()) {
        self.options = options
    }

    public func run(_ context: StageContext) throws -> StageProduct<ReconcileReport> {
        let normalized = try context.artifact(of: NormalizeStage.self)
        var report = Reconciler.reconcile(normalized, options: options)
        let data = ChecksCSV.write(reportID: context.reportID, checks: report.checks)
        let checksFile = ChecksFile(reportID: context.reportID, data: data, sha256: Checksum.sha256(data))
        report.checksFile = checksFile
        let file = OutputFile(name: Self.file, data: data, sha256: checksFile.sha256)
        return StageProduct(artifact: report, files: [file],
                            summary: ["failedChecks": String(report.summary.fail), "warnedChecks": String(report.summary.warn),
                                      "unverifiedChecks": String(report.summary.unverified)])
    }

    public static func loadArtifact(from folder: StageFolder) throws -> ReconcileReport {
        let data = try folder.read(Self.file)
        do {
            let checks = try ChecksCSV.read(data)
            return ReconcileReport(checks: checks, summary: CheckSummary(counting: checks))
        } catch {
            throw ReportError(file: folder.url(of: Self.file).path, message: "cannot be read back: \(error)",
                              hint: "re-run the reconcile stage")
        }
    }
}
