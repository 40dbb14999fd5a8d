import BudgetCore
import Foundation

/// `output/<id>/archive/`: the report as a BagIt bag (RFC 8493) for archivists. Its payload is
/// the export (`report.xml`, its XSD, `datapackage.json`, the CSVs) and the extracted source
/// text, under `data/` with the export's layout and `source/text.txt`; the tag files say what
/// the report is (`bag-info.txt`) and fix every file by SHA-256.
///
/// Payload files are hard links to the exported files, not copies: in a large batch the bytes
/// written are what limits, and the bag then costs only its tag files. Where the file system
/// refuses a link (another device, no links) the file is copied. The pipeline replaces a changed
/// output file by a new one rather than writing into it, so a link keeps the bytes the bag's
/// manifest records until the bag is written again.
///
/// Writing is atomic and idempotent: the bag is built in a temporary folder beside it and put in
/// place in one step; when the bag in place already holds these files with these tag files,
/// nothing is written at all.
public enum ArchiveBag {
    public static let folderName = "archive"
    public static let defaultExportFolder = "05-export"
    public static let defaultSourceText = "01-extract/text.txt"
    package static let sourcePayloadPath = "source/text.txt"

    public enum Outcome: Equatable, Sendable {
        case written
        case unchanged
    }

    /// Writes (or confirms) the bag of the report in `reportFolder`, after the export stage's
    /// files are in place. `exportFolder` and `sourceText` are relative to `reportFolder`.
    /// Throws when an exported file no longer matches the export's manifest: a bag never
    /// fixes bytes nobody vouched for.
    @discardableResult
    public static func write(reportFolder: URL, exportFolder: String = defaultExportFolder,
                             sourceText: String = defaultSourceText) throws -> Outcome {
        let export = reportFolder.appendingPathComponent(exportFolder, isDirectory: true)
        let manifest = try ExportManifest.load(from: export)
        var payload: [BagTagFiles.Payload] = []
        for entry in manifest.files where entry.path != ExportManifest.fileName {
            let url = export.appendingPathComponent(entry.path)
            if let problem = FileFixity.check(url, sha256: entry.sha256, size: entry.size) {
                throw ReportError(file: url.path, message: "does not match the export's manifest: \(problem)",
                                  hint: "re-run the export stage before writing the archive bag")
            }
            payload.append(.init(path: entry.path, source: url, sha256: entry.sha256, size: entry.size))
        }
        let text = reportFolder.appendingPathComponent(sourceText)
        let textData = try FileSystem.read(text)
        payload.append(.init(path: sourcePayloadPath, source: text, sha256: Checksum.sha256(textData), size: textData.count))
        payload.sort { $0.path < $1.path }

        let tags = BagTagFiles(manifest: manifest, payload: payload)
        let bag = reportFolder.appendingPathComponent(folderName, isDirectory: true)
        if isCurrent(bag, tags: tags, payload: payload) { return .unchanged }

        let staging = reportFolder.appendingPathComponent(
            "\(FileSystem.temporaryPrefix)\(folderName).\(getpid()).\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        do {
            try FileSystem.createDirectory(staging)
            for file in payload {
                try FileLinker.place(file.source, at: staging.appendingPathComponent("data/\(file.path)"))
            }
            for (name, data) in tags.files {
                try FileSystem.writeAtomically(data, to: staging.appendingPathComponent(name))
            }
            try DirectorySwap.install(staging, at: bag)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        return .written
    }

    /// Problems of the bag at `bag` (paths relative to it): the BagIt declaration, every
    /// payload and tag file against its manifest, files in `data/` no manifest lists, and the
    /// Payload-Oxum. This is what `bagit.py --validate` checks.
    public static func verify(bag: URL) -> [String] {
        var problems: [String] = []
        guard let declaration = try? String(contentsOf: bag.appendingPathComponent("bagit.txt"), encoding: .utf8),
              declaration.hasPrefix("BagIt-Version: ") else {
            return ["bagit.txt: missing or not a BagIt declaration"]
        }
        for manifestName in [BagTagFiles.payloadManifest, BagTagFiles.tagManifest] {
            guard let text = try? String(contentsOf: bag.appendingPathComponent(manifestName), encoding: .utf8) else {
                problems.append("\(manifestName): missing or unreadable")
                continue
            }
            let entries = BagTagFiles.parseManifest(text)
            for (path, sha256) in entries {
                if let problem = FileFixity.check(bag.appendingPathComponent(path), sha256: sha256, size: nil) {
                    problems.append("\(path): \(problem)")
                }
            }
            if manifestName == BagTagFiles.payloadManifest {
                let listed = Set(entries.map(\.path))
                for path in FileFixity.files(under: bag.appendingPathComponent("data")) where !listed.contains("data/\(path)") {
                    problems.append("data/\(path): not listed in \(manifestName)")
                }
                if let oxum = BagTagFiles.payloadOxum(in: bag), oxum != BagTagFiles.measureOxum(bag: bag) {
                    problems.append("bag-info.txt: Payload-Oxum \(oxum) does not match the payload (\(BagTagFiles.measureOxum(bag: bag)))")
                }
            }
        }
        return problems
    }

    /// True when the bag in place has these tag files and its payload files are the same files
    /// (the same inode) or have the same bytes.
    private static func isCurrent(_ bag: URL, tags: BagTagFiles, payload: [BagTagFiles.Payload]) -> Bool {
        for (name, data) in tags.files {
            guard let existing = try? Data(contentsOf: bag.appendingPathComponent(name)), existing == data else { return false }
        }
        for file in payload {
            let copy = bag.appendingPathComponent("data/\(file.path)")
            if let linked = FileSystem.stamp(of: copy), let source = FileSystem.stamp(of: file.source), linked.inode == source.inode {
                continue
            }
            if FileFixity.check(copy, sha256: file.sha256, size: file.size) != nil { return false }
        }
        let expected = Set(payload.map(\.path))
        return FileFixity.files(under: bag.appendingPathComponent("data")).allSatisfy(expected.contains)
    }
}
