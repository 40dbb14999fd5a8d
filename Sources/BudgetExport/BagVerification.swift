import BudgetCore
import Foundation

/// Fixity checks of a report's deliverables: the bag the export folder is, against its own
/// manifests, recomputed from the bytes on disk (nothing recorded is trusted). This is what
/// `bagit.py --validate` checks, and what `budget-etl verify` runs.
public enum BagVerification {
    /// Problems found in the report folder `folder` (`output/<id>`), one sentence each, paths
    /// relative to `folder`; empty when every file of the bag `exportFolder` is as recorded.
    public static func verify(folder: URL, exportFolder: String) -> [String] {
        verify(bag: folder.appendingPathComponent(exportFolder, isDirectory: true)).map { "\(exportFolder)/\($0)" }
    }

    /// Problems of the bag at `bag` (paths relative to it): the BagIt declaration, every
    /// payload and tag file against its manifest, files in `data/` no manifest lists, and the
    /// Payload-Oxum.
    public static func verify(bag: URL) -> [String] {
        var problems: [String] = []
        guard let declaration = try? String(contentsOf: bag.appendingPathComponent(BagTagFiles.declaration), encoding: .utf8),
              declaration.hasPrefix("BagIt-Version: ") else {
            return ["\(BagTagFiles.declaration): missing or not a BagIt declaration"]
        }
        for manifestName in [BagTagFiles.payloadManifest, BagTagFiles.tagManifest] {
            guard let text = try? String(contentsOf: bag.appendingPathComponent(manifestName), encoding: .utf8) else {
                problems.append("\(manifestName): missing or unreadable")
                continue
            }
            let entries = BagTagFiles.parseManifest(text)
            for (path, sha256) in entries {
                if let problem = check(bag.appendingPathComponent(path), sha256: sha256) {
                    problems.append("\(path): \(problem)")
                }
            }
            if manifestName == BagTagFiles.payloadManifest {
                let listed = Set(entries.map(\.path))
                let payload = ExportedBag.payloadFolder
                for path in FileSystem.relativeFiles(under: bag.appendingPathComponent(payload)) where !listed.contains("\(payload)/\(path)") {
                    problems.append("\(payload)/\(path): not listed in \(manifestName)")
                }
                if let oxum = BagTagFiles.payloadOxum(in: bag), oxum != BagTagFiles.measureOxum(bag: bag) {
                    problems.append("\(BagTagFiles.info): Payload-Oxum \(oxum) does not match the payload (\(BagTagFiles.measureOxum(bag: bag)))")
                }
            }
        }
        return problems
    }

    /// Why the file does not match its recorded checksum, or nil when it does.
    private static func check(_ url: URL, sha256: String) -> String? {
        guard let data = try? Data(contentsOf: url) else { return "missing or unreadable" }
        let actual = Checksum.sha256(data)
        return actual == sha256 ? nil : "SHA-256 is \(actual), the manifest records \(sha256)"
    }
}
