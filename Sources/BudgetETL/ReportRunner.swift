import BudgetCore
import BudgetExport
import Foundation

/// What happened to one report in a run.
public struct ReportOutcome: Sendable, Equatable {
    public var reportID: String
    public var source: String
    public var ran: [StageName]
    public var skipped: [StageName]
    /// Why the report failed; nil when it succeeded.
    public var error: ReportError? {
        get { boxedError?.error }
        set { boxedError = newValue.map(ErrorBox.init) }
    }
    /// The report's manifest after the run (nil when it could not be written).
    public var manifest: Manifest? {
        get { boxedManifest?.manifest }
        set { boxedManifest = newValue.map(ManifestBox.init) }
    }
    public var durationMicroseconds: Int = 0
    /// The manifest held by reference: an outcome is handed on by value (to the observer, the
    /// log, the summary when it failed), and a manifest held inline would make every copy several
    /// hundred bytes larger, even once let go of.
    private var boxedManifest: ManifestBox?
    /// The error held by reference likewise: inline, an optional `ReportError` (six fields) would
    /// double every outcome's size, though most reports have none.
    private var boxedError: ErrorBox?

    public init(reportID: String, source: String, ran: [StageName], skipped: [StageName], error: ReportError?,
                manifest: Manifest? = nil, durationMicroseconds: Int = 0, failedChecks: Int = 0, unverifiedChecks: Int = 0) {
        (self.reportID, self.source, self.ran, self.skipped) = (reportID, source, ran, skipped)
        self.boxedError = error.map(ErrorBox.init)
        self.boxedManifest = manifest.map(ManifestBox.init)
        (self.durationMicroseconds, self.failedChecks, self.unverifiedChecks) = (durationMicroseconds, failedChecks, unverifiedChecks)
    }

    /// Reconciliation checks that failed (the manifest's summary), kept apart so the driver can
    /// let go of the manifest.
    public var failedChecks: Int = 0
    /// Reconciliation checks that could not be judged (`unverified`), kept apart likewise.
    public var unverifiedChecks: Int = 0

    public var succeeded: Bool { boxedError == nil }
}

private final class ErrorBox: Sendable, Equatable {
    let error: ReportError

    init(_ error: ReportError) { self.error = error }

    static func == (left: ErrorBox, right: ErrorBox) -> Bool { left.error == right.error }
}

private final class ManifestBox: Sendable, Equatable {
    let manifest: Manifest

    init(_ manifest: Manifest) { self.manifest = manifest }

    static func == (left: ManifestBox, right: ManifestBox) -> Bool { left.manifest == right.manifest }
}

/// Runs the planned stages for one report: skips a stage whose inputs, options and outputs are
/// unchanged since its last success, runs the rest, writes their files atomically and records
/// everything in the report's manifest. A failing stage stops this report only.
package struct ReportRunner {
    package let source: ReportSource
    package let configuration: PipelineConfiguration
    package let workspace: ReportWorkspace
    package let baseFolder: URL
    /// Stages to consider, in pipeline order.
    package let plan: [StageName]
    /// Stages to run even when up to date.
    package let forced: Set<StageName>
    /// Each planned stage's `optionsSHA256` (`optionsSHA256(of:configuration:)`): the same for every
    /// report of a run, so worked out once per run, not once per report.
    package let optionsSHA256: [StageName: String]

    /// SHA-256 of the pipeline version, a stage's options and its compiled-in data, per stage: a
    /// change to any of them re-runs the stage.
    package static func optionsSHA256(of stages: [StageName], configuration: PipelineConfiguration) -> [StageName: String] {
        var result: [StageName: String] = [:]
        for stage in stages {
            guard let stageType = StageTable.stage(named: stage) else { continue }
            result[stage] = Checksum.sha256(Data(PipelineVersion.current.utf8) + configuration.options.fingerprint(of: stageType))
        }
        return result
    }

    package func run() -> ReportOutcome {
        let clock = ContinuousClock()
        let runStarted = clock.now
        // Paths as strings, not URLs, for what every report does even with nothing to do:
        // building a URL (which validates it) cost more than the system call it names.
        let rootPath = workspace.root.path
        let root = OpenFolder(path: rootPath)
        removeTemporaryFiles(root)
        let previous = loadManifest(rootPath: rootPath)
        var manifest = previous ?? Manifest(
            schemaVersion: Manifest.currentSchemaVersion, reportId: source.reportID,
            source: FileRecord(path: source.displayPath, sha256: "", size: 0, stamp: nil),
            software: .current, status: .ok, error: nil, stages: [], updated: "")
        var checksums = ChecksumCache()
        var artifacts: [StageName: any Sendable] = [:]
        var ran: [StageName] = []
        var skipped: [StageName] = []
        var failure: ReportError?

        for stage in plan {
            guard let stageType = StageTable.stage(named: stage) else { preconditionFailure("unplanned stage \(stage)") }
            guard let optionsSHA256 = optionsSHA256[stage] else { preconditionFailure("no options checksum for \(stage)") }
            if !forced.contains(stage), let record = manifest.record(for: stage),
               isUpToDate(record, stage: stage, optionsSHA256: optionsSHA256, root: root, checksums: &checksums) {
                skipped.append(stage)
                continue
            }
            let upstreamRecords = manifest
            let context = StageContext(
                source: source, layout: StageTable.layout, reportFolder: workspace.root, artifacts: artifacts,
                producedRecords: { upstream in upstreamRecords.record(for: upstream)?.outputs })
            let started = clock.now
            do {
                let product = try Self.run(stageType, options: configuration.options, context: context)
                if stage.requires.isEmpty, let read = context.inputs.first, !manifest.source.sha256.isEmpty,
                   read.sha256 != manifest.source.sha256 {
                    try keepVersion(of: &manifest)
                }
                if stage.requires.isEmpty, let read = context.inputs.first, read.sha256 != manifest.source.sha256 {
                    manifest.ingested = Self.now()
                }
                if !product.summary.isEmpty { manifest.summary = (manifest.summary ?? [:]).merging(product.summary) { $1 } }
                let outputs = try write(product.files, for: stage, replacing: manifest.record(for: stage), upstream: { path in
                    checksums.produced[path] ?? upstreamRecords.stages.lazy.flatMap(\.outputs).first { $0.path == path }
                })
                for output in outputs { checksums.produced[output.path] = output }
                artifacts = context.loadedArtifacts
                artifacts[stage] = product.artifact
                if stage.requires.isEmpty, let read = context.inputs.first { manifest.source = read }
                manifest.setRecord(StageRecord(
                    stage: stage.rawValue, status: .ok, pipelineVersion: PipelineVersion.current,
                    optionsSHA256: optionsSHA256, inputs: context.inputs, outputs: outputs, error: nil,
                    finished: Self.now(), durationMicroseconds: Self.microseconds(clock.now - started)))
                ran.append(stage)
            } catch {
                let reportError = describe(error, stage: stage)
                manifest.setRecord(StageRecord(
                    stage: stage.rawValue, status: .failed, pipelineVersion: PipelineVersion.current,
                    optionsSHA256: optionsSHA256, inputs: context.inputs, outputs: [], error: reportError,
                    finished: Self.now(), durationMicroseconds: Self.microseconds(clock.now - started)))
                failure = reportError
                break
            }
        }

        manifest.status = failure == nil ? .ok : .failed
        manifest.error = failure
        manifest.software = .current
        if previous == nil || !ran.isEmpty || failure != nil || manifest != previous {
            manifest.updated = Self.now()
            do {
                try FileSystem.createDirectory(workspace.root)
                try FileSystem.writeAtomically(try JSONStreamEncoder.encode(manifest, capacity: 1 << 13), to: workspace.manifestURL)
            } catch {
                failure = failure ?? describe(error, stage: nil)
            }
        }
        return ReportOutcome(reportID: source.reportID, source: source.displayPath, ran: ran, skipped: skipped,
                             error: failure, manifest: manifest, durationMicroseconds: Self.microseconds(clock.now - runStarted),
                             failedChecks: (manifest.summary?["failedChecks"]).flatMap { Int($0) } ?? 0,
                             unverifiedChecks: (manifest.summary?["unverifiedChecks"]).flatMap { Int($0) } ?? 0)
    }

    /// One stage built with its options and run; its result with the types erased, so the
    /// driver can hold the results of every stage side by side.
    private static func run<S: Stage>(_: S.Type, options: OptionsByStage, context: StageContext) throws -> ErasedProduct {
        let stage = S.make(with: options)
        let product = try stage.run(context)
        return ErasedProduct(artifact: product.artifact, files: product.files, summary: product.summary)
    }

    private struct ErasedProduct {
        var artifact: any Sendable
        var files: [OutputFile]
        var summary: [String: String]
    }

    /// Keeps the current version's files before a changed source replaces them: hard links under
    /// `versions/<sha256>/` (no bytes copied), and a record in the manifest.
    private func keepVersion(of manifest: inout Manifest) throws {
        let folder = "versions/\(manifest.source.sha256)"
        let target = workspace.root.appendingPathComponent(folder, isDirectory: true)
        if !FileManager.default.fileExists(atPath: target.path) {
            let staging = workspace.root.appendingPathComponent("versions/\(FileSystem.temporaryPrefix)\(manifest.source.sha256)")
            try? FileManager.default.removeItem(at: staging)
            try FileSystem.createDirectory(staging)
            for folder in StageTable.layout.allFolderNames {
                let source = workspace.root.appendingPathComponent(folder, isDirectory: true)
                for path in FileSystem.relativeFiles(under: source) where !path.hasPrefix(FileSystem.temporaryPrefix) {
                    let target = staging.appendingPathComponent("\(folder)/\(path)")
                    try FileSystem.createDirectory(target.deletingLastPathComponent())
                    try FileSystem.hardLink(source.appendingPathComponent(path), to: target)
                }
            }
            if FileManager.default.fileExists(atPath: workspace.manifestURL.path) {
                try FileSystem.hardLink(workspace.manifestURL, to: staging.appendingPathComponent("manifest.json"))
            }
            try FileSystem.move(staging, to: target)
        }
        var versions = manifest.versions ?? []
        versions.removeAll { $0.sha256 == manifest.source.sha256 }
        versions.append(ReportVersion(sha256: manifest.source.sha256, source: manifest.source.path, ingested: manifest.ingested,
                                      status: manifest.status, error: manifest.error, summary: manifest.summary, folder: folder))
        manifest.versions = versions
        manifest.summary = nil
    }

    /// Removes temporary files a killed run left. Every file of a report is staged in its folder
    /// (and a kept version in `versions/`) before it is renamed into place, so only those two
    /// folders are looked at.
    private func removeTemporaryFiles(_ root: OpenFolder) {
        for folder in [nil, "versions"] {
            for name in root.names(in: folder, startingWith: FileSystem.temporaryPrefix) {
                try? FileManager.default.removeItem(atPath: folder.map { "\(root.path)/\($0)/\(name)" } ?? "\(root.path)/\(name)")
            }
        }
    }

    /// True when the stage last succeeded under this version and these options, everything it
    /// read still has the checksum it had then, and everything it wrote is still there unchanged.
    ///
    /// Every file the record names is looked at (`stat`) once per run, however many stages name
    /// it: its size, modification time and inode are what tell an edited or replaced file, and a
    /// deleted one has none. Nothing cheaper says as much (a folder's time changes when a file in
    /// it is added, removed or renamed over, not when one is edited in place). Files of the report
    /// are looked up from the report's folder held open (`root`), not from `/`.
    private func isUpToDate(_ record: StageRecord, stage: StageName, optionsSHA256: String, root: OpenFolder,
                            checksums: inout ChecksumCache) -> Bool {
        guard record.status == .ok, record.pipelineVersion == PipelineVersion.current,
              record.optionsSHA256 == optionsSHA256, !record.outputs.isEmpty else { return false }
        // Paths as strings, not URLs: a no-op run checks dozens of files per report, and building
        // a URL (which validates it) cost more than the `stat` itself.
        // The first stage reads the source, relative to the configuration's folder; the others
        // earlier stages' files, relative to the report's folder.
        let inputBase = stage.requires.isEmpty ? baseFolder.path : root.path
        for input in record.inputs {
            let current: String?
            if input.path.hasPrefix("/") || stage.requires.isEmpty {
                let path = input.path.hasPrefix("/") ? input.path : "\(inputBase)/\(input.path)"
                current = checksums.current(input, stamp: { FileSystem.stamp(atPath: path) }, at: path)
            } else {
                current = checksums.current(input, stamp: { root.stamp(of: input.path) }, at: "\(inputBase)/\(input.path)")
            }
            guard current == input.sha256 else { return false }
        }
        for output in record.outputs {
            guard checksums.current(output, stamp: { root.stamp(of: output.path) }, at: "\(root.path)/\(output.path)") == output.sha256
            else { return false }
        }
        return true
    }

    /// Writes a stage's files into its folder and removes files left there by an earlier run.
    /// A file whose bytes equal what is already on disk (per the last record) is not rewritten;
    /// one that repeats an earlier stage's file (`sameAs`, still as `upstream` recorded it) is
    /// linked to it.
    private func write(_ files: [OutputFile], for stage: StageName, replacing old: StageRecord?,
                       upstream: (String) -> FileRecord?) throws -> [FileRecord] {
        let folder = workspace.folder(for: stage)
        let isNew = try FileSystem.createDirectory(folder)
        // Paths as strings: building and taking apart a `URL` for every file of every report took
        // about 2 % of a run's time.
        let rootPath = workspace.root.path, folderPath = folder.path
        var madeFolders: Set<String> = []
        var records: [FileRecord] = []
        for file in files {
            let filePath = "\(file.inReportFolder ? rootPath : folderPath)/\(file.name)"
            // A byte search: `contains("/")` is Foundation's search for a string, some 5,000
            // instructions a file.
            if file.name.utf8.contains(UInt8(ascii: "/")), let slash = filePath.lastIndex(of: "/"),
               case let parent = String(filePath[..<slash]), madeFolders.insert(parent).inserted {
                try FileSystem.createDirectory(URL(fileURLWithPath: parent, isDirectory: true))
            }
            let path = file.inReportFolder ? file.name : "\(stage.folderName)/\(file.name)"
            let sha256 = file.sha256 ?? Checksum.sha256(file.data)
            if !isNew, let previous = old?.outputs.first(where: { $0.path == path }), previous.sha256 == sha256,
               let stamp = FileSystem.stamp(atPath: filePath), stamp == previous.stamp {
                records.append(previous)
                continue
            }
            let stamp: FileStamp?
            if let sameAs = file.sameAs, let recorded = upstream(sameAs), recorded.sha256 == sha256,
               case let source = "\(rootPath)/\(sameAs)", let current = FileSystem.stamp(atPath: source),
               current == recorded.stamp {
                try FileSystem.linkAtomically(fromPath: source, toPath: filePath, stagingPath: rootPath)
                stamp = current
            } else if file.sameInEveryReport {
                stamp = try linkShared(file.data, sha256: sha256, toPath: filePath)
            } else {
                stamp = try FileSystem.writeAtomically(file.data, toPath: filePath, stagingPath: rootPath)
            }
            records.append(FileRecord(path: path, sha256: sha256, size: file.data.count, stamp: stamp))
        }
        // A file this stage wrote in the report's folder last time and not this time (a page
        // since turned off) goes, as a stage folder's file does.
        for previous in old?.outputs ?? [] where !previous.path.hasPrefix("\(stage.folderName)/")
            && !files.contains(where: { $0.inReportFolder && $0.name == previous.path }) {
            try FileSystem.remove(workspace.root.appendingPathComponent(previous.path))
        }
        // Files an earlier run left that this one did not write, and folders that emptied; a
        // folder made just now has none, and is not walked.
        guard !isNew else { return records }
        let keep = Set(files.filter { !$0.inReportFolder }.map(\.name))
        for path in FileSystem.relativeFiles(under: folder) where !keep.contains(path) {
            try FileSystem.remove(folder.appendingPathComponent(path))
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let child = folder.appendingPathComponent(name)
            if FileSystem.isDirectory(child), FileSystem.relativeFiles(under: child).isEmpty { try? FileManager.default.removeItem(at: child) }
        }
        return records
    }

    /// Places bytes every report shares: written once to `<output>/_shared/<sha256>`, then given
    /// the target's name by a hard link (atomic, like every other write: `linkAtomically`).
    private func linkShared(_ data: Data, sha256: String, toPath target: String) throws -> FileStamp? {
        let root = workspace.root.path
        let store = "\(root.lastIndex(of: "/").map { root[..<$0] } ?? ".")/\(Self.sharedFolder)"
        let shared = "\(store)/\(sha256)"
        var stamp = FileSystem.stamp(atPath: shared)
        if stamp == nil {
            try FileSystem.createDirectory(URL(fileURLWithPath: store, isDirectory: true))
            // Reports run at once may store the same bytes at the same moment: the first stored
            // is the one every report links to.
            stamp = try FileSystem.publishOnce(data, at: URL(fileURLWithPath: shared))
        }
        try FileSystem.linkAtomically(fromPath: shared, toPath: target, stagingPath: root)
        return stamp
    }

    /// Folder of the output folder that holds bytes shared by every report.
    package static let sharedFolder = "_shared"

    private func loadManifest(rootPath: String) -> Manifest? {
        guard let data = FileSystem.contents(atPath: "\(rootPath)/\(ReportWorkspace.manifestName)"), let manifest = ManifestReader.decode(data),
              manifest.schemaVersion == Manifest.currentSchemaVersion else { return nil }
        return manifest
    }

    private func describe(_ error: Error, stage: StageName?) -> ReportError {
        var reportError: ReportError
        switch error {
        case let error as ReportError: reportError = error
        case let error as FileSystemError: reportError = ReportError(file: error.path, message: "cannot \(error.action): \(error.reason)")
        default: reportError = ReportError(file: source.displayPath, message: "\(error)")
        }
        if reportError.stage == nil { reportError.stage = stage?.rawValue }
        return reportError
    }

    package static func now() -> String { Date().formatted(.iso8601) }

    package static func microseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
    }
}

/// Current checksums of files, as cheaply as honesty allows: a file written in this run is known;
/// a file whose size, time and inode match its record keeps the recorded checksum; anything else
/// is read and hashed (once per run).
package struct ChecksumCache {
    package var produced: [String: FileRecord] = [:]
    private var hashed: [String: String?] = [:]

    /// `stamp` looks the file up (at `path`, or the same file from a folder held open); `path` is
    /// only built when the file has to be read.
    package mutating func current(_ record: FileRecord, stamp: () -> FileStamp?, at path: @autoclosure () -> String) -> String? {
        if let fresh = produced[record.path] { return fresh.sha256 }
        if let known = hashed[record.path] { return known }
        guard let stamp = stamp() else { return nil }
        if let recorded = record.stamp, recorded == stamp {
            hashed[record.path] = record.sha256
            return record.sha256
        }
        let sha256 = (try? FileSystem.read(URL(fileURLWithPath: path()))).map(Checksum.sha256)
        hashed[record.path] = sha256
        return sha256
    }
}
