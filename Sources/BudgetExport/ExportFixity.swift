import BudgetCore
import Foundation

/// Fixity checks of a report's deliverables: every file of the export folder against the
/// export's `manifest.json`, and the archive bag against its own manifests. The checksums are
/// recomputed from the bytes on disk; nothing recorded is trusted.
public enum ExportFixity {
    /// Problems found in the report folder `folder` (`output/<id>`), one sentence each, paths
    /// relative to `folder`; empty when every file is as recorded. Checks `exportFolder`
    /// inside it, and `archive/` when there is one.
    public static func verify(folder: URL, exportFolder: String = ArchiveBag.defaultExportFolder) -> [String] {
        var problems = verifyExport(at: folder.appendingPathComponent(exportFolder, isDirectory: true), as: exportFolder)
        let bag = folder.appendingPathComponent(ArchiveBag.folderName, isDirectory: true)
        if FileSystem.isDirectory(bag) {
            problems += ArchiveBag.verify(bag: bag).map { "\(ArchiveBag.folderName)/\($0)" }
        }
        return problems
    }

    /// Problems of one export folder; `label` prefixes the paths in the messages.
    package static func verifyExport(at folder: URL, as label: String) -> [String] {
        let manifest: ExportManifest
        do {
            manifest = try ExportManifest.load(from: folder)
        } catch {
            return ["\(label)/\(ExportManifest.fileName): cannot be read (\(error))"]
        }
        var problems: [String] = []
        for entry in manifest.files {
            if let problem = FileFixity.check(folder.appendingPathComponent(entry.path), sha256: entry.sha256, size: entry.size) {
                problems.append("\(label)/\(entry.path): \(problem)")
            }
        }
        let listed = Set(manifest.files.map(\.path) + [ExportManifest.fileName])
        for path in FileFixity.files(under: folder) where !listed.contains(path) {
            problems.append("\(label)/\(path): not listed in \(ExportManifest.fileName)")
        }
        return problems
    }
}

/// One file against its recorded checksum and size, and the files under a folder.
package enum FileFixity {
    /// Why the file does not match, or nil when it does.
    package static func check(_ url: URL, sha256: String, size: Int?) -> String? {
        guard let data = try? Data(contentsOf: url) else { return "missing or unreadable" }
        let actual = Checksum.sha256(data)
        if actual != sha256 {
            return "SHA-256 is \(actual), the manifest records \(sha256)" + (size.map { $0 != data.count ? " (size \(data.count), recorded \($0))" : "" } ?? "")
        }
        if let size, size != data.count { return "size is \(data.count) bytes, the manifest records \(size)" }
        return nil
    }

    /// Every file under `folder`, hidden ones included, as sorted relative paths.
    package static func files(under folder: URL) -> [String] { FileSystem.relativeFiles(under: folder) }
}
