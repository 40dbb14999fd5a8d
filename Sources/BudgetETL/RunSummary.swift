import BudgetCore

/// The result of a run, and its one-line account.
///
/// Counts, and the reports that failed: a run does not hold every report's outcome until it ends
/// (each goes to the observer, the run log and the catalog as it finishes), so what it keeps does
/// not grow with the batch, only with its failures. Whoever wants every outcome collects them
/// from `RunObserver.finished`.
public struct RunSummary: Sendable {
    public var stages: [StageName]
    /// Reports in the run, refused inputs included.
    public private(set) var reports = 0
    /// The refused inputs, then the reports that failed, in report id order; each without its
    /// manifest (its error says why it failed).
    public private(set) var failed: [ReportOutcome] = []
    public private(set) var stagesRun = 0
    public private(set) var stagesSkipped = 0
    /// Reconciliation checks that failed, over all reports.
    public private(set) var failedChecks = 0
    /// Reconciliation checks that could not be judged (`unverified`), over all reports.
    public private(set) var unverifiedChecks = 0

    public init(stages: [StageName]) {
        self.stages = stages
    }

    /// Counts a report's outcome, and keeps it if it failed.
    public mutating func add(_ outcome: ReportOutcome) {
        reports += 1
        stagesRun += outcome.ran.count
        stagesSkipped += outcome.skipped.count
        failedChecks += outcome.failedChecks
        unverifiedChecks += outcome.unverifiedChecks
        guard !outcome.succeeded else { return }
        var kept = outcome
        kept.manifest = nil
        failed.append(kept)
    }

    /// E.g. `3 reports: 2 ok, 1 failed; 2 stage runs, 1 skipped as up to date`.
    public var description: String {
        var text = "\(reports) report\(reports == 1 ? "" : "s"): \(reports - failed.count) ok, \(failed.count) failed; "
        if stagesRun == 0 {
            text += "no stage ran"
            if stagesSkipped > 0 { text += " (\(stagesSkipped) up to date)" }
        } else {
            text += "\(stagesRun) stage run\(stagesRun == 1 ? "" : "s"), \(stagesSkipped) skipped as up to date"
        }
        if failedChecks > 0 { text += "; \(failedChecks) reconciliation check\(failedChecks == 1 ? "" : "s") failed" }
        if unverifiedChecks > 0 { text += "; \(unverifiedChecks) unverified" }
        return text
    }
}
