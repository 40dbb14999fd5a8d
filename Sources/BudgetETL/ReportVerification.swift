import BudgetCore
import BudgetExport
import Foundation

/// `budget-etl verify`: the files of a report's bag (`05-export/`) against the checksums they
/// were recorded with.
public enum ReportVerification {
    /// Each file that changed, went missing or is not listed, relative to `folder`.
    public static func problems(inReportFolder folder: URL) -> [String] {
        BagVerification.verify(folder: folder, exportFolder: ExportStage.name.folderName)
    }
}
