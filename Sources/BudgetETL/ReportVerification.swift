import BudgetCore
import BudgetExport
import Foundation

/// `budget-etl verify`: the exported and archived files of a report against the checksums they
/// were recorded with.
public enum ReportVerification {
    /// Each file that changed, went missing or is not listed, relative to `folder`.
    public static func problems(inReportFolder folder: URL) -> [String] {
        ExportFixity.verify(folder: folder, exportFolder: ExportStage.name.folderName)
    }
}
