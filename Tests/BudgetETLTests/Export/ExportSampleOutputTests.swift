import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport

/// Writes the sample report's export and archive bag as the pipeline lays them out, into the
/// folder named by `BUDGET_ETL_EXPORT_SAMPLE_OUTPUT`, for `scripts/check-outputs.sh` to check
/// with independent tools before the export stage is wired into the pipeline:
///
///     BUDGET_ETL_EXPORT_SAMPLE_OUTPUT=/tmp/export-sample swift test --filter ExportSampleOutput
///     scripts/check-outputs.sh /tmp/export-sample
@Suite struct ExportSampleOutputTests {
    static let target = ProcessInfo.processInfo.environment["BUDGET_ETL_EXPORT_SAMPLE_OUTPUT"]

    @Test(.enabled(if: target != nil, "set BUDGET_ETL_EXPORT_SAMPLE_OUTPUT to a folder"))
    func writeSampleOutput() throws {
        let report = URL(fileURLWithPath: Self.target!).appendingPathComponent(ExportFixtures.reportID)
        try ExportFixtures.writeReportFolder(at: report)
        try ArchiveBag.write(reportFolder: report)
        #expect(ExportFixity.verify(folder: report) == [])
    }
}
