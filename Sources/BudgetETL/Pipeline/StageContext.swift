import Foundation

/// The input a report comes from.
public struct ReportSource: Sendable {
    public var url: URL
    /// The path as people see it: relative to the configuration's folder when inside it.
    public var displayPath: String
    public var reportID: String
}

/// A stage's window on one report: its source, its configuration and earlier stages' results.
/// It notes every file the stage reads, with its checksum, for the manifest.
/// Used by one report on one thread; never shared.
public final class StageContext {
    public let source: ReportSource
    public let configuration: PipelineConfiguration
    let workspace: ReportWorkspace
    private var artifacts: [StageName: any Sendable]
    private let producedRecords: (StageName) -> [FileRecord]?
    private(set) var inputs: [FileRecord] = []

    init(source: ReportSource, configuration: PipelineConfiguration, workspace: ReportWorkspace,
         artifacts: [StageName: any Sendable], producedRecords: @escaping (StageName) -> [FileRecord]?) {
        self.source = source
        self.configuration = configuration
        self.workspace = workspace
        self.artifacts = artifacts
        self.producedRecords = producedRecords
    }

    public var reportID: String { source.reportID }

    /// The bytes of the report's input file.
    public func readSource() throws -> Data {
        let data = try FileSystem.read(source.url)
        inputs.append(FileRecord(path: source.displayPath, sha256: Checksum.sha256(data), size: data.count,
                                 stamp: FileSystem.stamp(of: source.url)))
        return data
    }

    /// The artifact of an earlier stage: from memory when it ran (or was loaded) in this run,
    /// else read back from its folder.
    public func artifact<T>(of stage: StageName, as type: T.Type = T.self) throws -> T {
        if let value = artifacts[stage] as? T {
            inputs.append(contentsOf: producedRecords(stage) ?? [])
            return value
        }
        let folder = StageFolder(stage: stage, workspace: workspace, source: source)
        let loaded = try StageCatalog.stage(stage).loadArtifact(from: folder)
        inputs.append(contentsOf: folder.records)
        artifacts[stage] = loaded
        guard let value = loaded as? T else {
            preconditionFailure("stage \(stage) loads \(Swift.type(of: loaded)), not \(T.self)")
        }
        return value
    }

    var loadedArtifacts: [StageName: any Sendable] { artifacts }
}

/// Read access to one stage's folder of a report, for `Stage.loadArtifact`. Records what it reads.
public final class StageFolder {
    public let stage: StageName
    let workspace: ReportWorkspace
    let source: ReportSource
    private(set) var records: [FileRecord] = []

    init(stage: StageName, workspace: ReportWorkspace, source: ReportSource) {
        self.stage = stage
        self.workspace = workspace
        self.source = source
    }

    /// The bytes of `name` in this stage's folder; a missing file says which command makes it.
    public func read(_ name: String) throws -> Data {
        let url = workspace.folder(for: stage).appendingPathComponent(name)
        let relative = "\(stage.folderName)/\(name)"
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReportError(
                file: workspace.root.appendingPathComponent(relative).path, message: "missing",
                hint: "run `budget-etl run --report \(source.reportID) --to \(stage.rawValue)` to make it")
        }
        let data = try FileSystem.read(url)
        records.append(FileRecord(path: relative, sha256: Checksum.sha256(data), size: data.count,
                                  stamp: FileSystem.stamp(of: url)))
        return data
    }

    /// Decodes a JSON file of this folder, naming the file when it does not decode.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let data = try read(name)
        do {
            return try JSONCoding.decode(type, from: data)
        } catch {
            throw ReportError(
                file: workspace.folder(for: stage).appendingPathComponent(name).path,
                message: "cannot be read back: \(error)",
                hint: "re-run the \(stage.rawValue) stage for report \(source.reportID)")
        }
    }
}

/// The output folder of one report and the stage folders inside it.
public struct ReportWorkspace: Sendable {
    public var root: URL

    public func folder(for stage: StageName) -> URL {
        root.appendingPathComponent(stage.folderName, isDirectory: true)
    }

    public var manifestURL: URL { root.appendingPathComponent("manifest.json") }
}
