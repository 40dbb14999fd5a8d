import Synchronization
@testable import BudgetETL

extension Pipeline {
    /// Runs, and collects every report's outcome as the observer is told of it (a run's summary
    /// keeps only the failures), in report id order.
    func runCollectingOutcomes(_ selection: RunSelection = RunSelection()) throws -> (summary: RunSummary, outcomes: [ReportOutcome]) {
        let told = Mutex([ReportOutcome]())
        let summary = try run(selection, observer: RunObserver(finished: { outcome in told.withLock { $0.append(outcome) } }))
        return (summary, told.withLock { $0 }.sorted { $0.reportID < $1.reportID })
    }
}
