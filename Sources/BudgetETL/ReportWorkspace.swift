import BudgetCore
import Foundation

/// The output folder of one report and the stage folders inside it.
public struct ReportWorkspace: Sendable {
    public var root: URL

    public func folder(for stage: StageName) -> URL {
        root.appendingPathComponent(stage.folderName, isDirectory: true)
    }

    public var manifestURL: URL { root.appendingPathComponent(Self.manifestName) }

    /// The manifest's name in the report's folder.
    public static let manifestName = "manifest.json"
}
