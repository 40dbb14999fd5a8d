import Foundation

/// The input a report comes from.
public struct ReportSource: Sendable {
    public var url: URL
    /// The path as people see it: relative to the configuration's folder when inside it.
    public var displayPath: String
    public var reportID: String

    public init(url: URL, displayPath: String, reportID: String) {
        self.url = url
        self.displayPath = displayPath
        self.reportID = reportID
    }
}

/// A stage's window on one report: its source and earlier stages' results, typed by the stage
/// that made them. It notes every file the stage reads, with its checksum, for the manifest.
/// Used by one report on one thread; never shared.
public final class StageContext {
    public let source: ReportSource
    public let layout: StageLayout
    /// The report's output folder.
    public let reportFolder: URL
    private var artifacts: [StageName: any Sendable]
    private let producedRecords: (StageName) -> [FileRecord]?
    public private(set) var inputs: [FileRecord] = []

    /// `artifacts` are earlier stages' results already in memory, by stage; `producedRecords`
    /// gives the files a stage wrote (from the manifest), to record as this stage's inputs.
    public init(source: ReportSource, layout: StageLayout, reportFolder: URL, artifacts: [StageName: any Sendable],
                producedRecords: @escaping (StageName) -> [FileRecord]?) {
        self.source = source
        self.layout = layout
        self.reportFolder = reportFolder
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

    /// The artifact of an earlier stage, of the type that stage declares: from memory when it ran
    /// (or was loaded) in this run, else read back from its folder.
    public func artifact<S: Stage>(of stage: S.Type) throws -> S.Artifact {
        if let value = artifacts[S.name] {
            inputs.append(contentsOf: producedRecords(S.name) ?? [])
            // Only the driver stores artifacts, each under the name of the stage that made it.
            return value as! S.Artifact
        }
        let folder = StageFolder(stage: S.name, folderName: layout.folderName(S.name), reportFolder: reportFolder,
                                 reportID: source.reportID)
        let loaded = try S.loadArtifact(from: folder)
        inputs.append(contentsOf: folder.records)
        artifacts[S.name] = loaded
        return loaded
    }

    /// Every artifact this context holds, those it loaded included: what the next stage starts from.
    public var loadedArtifacts: [StageName: any Sendable] { artifacts }
}

/// Read access to one stage's folder of a report, for `Stage.loadArtifact`. Records what it reads.
public final class StageFolder {
    public let stage: StageName
    public let folderName: String
    let reportFolder: URL
    let reportID: String
    public private(set) var records: [FileRecord] = []

    init(stage: StageName, folderName: String, reportFolder: URL, reportID: String) {
        self.stage = stage
        self.folderName = folderName
        self.reportFolder = reportFolder
        self.reportID = reportID
    }

    /// Where `name` of this stage's folder is.
    public func url(of name: String) -> URL {
        reportFolder.appendingPathComponent("\(folderName)/\(name)")
    }

    /// The bytes of `name` in this stage's folder; a missing file says which command makes it.
    public func read(_ name: String) throws -> Data {
        let relative = "\(folderName)/\(name)"
        let url = reportFolder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReportError(
                file: url.path, message: "missing",
                hint: "run `budget-etl run --report \(reportID) --to \(stage.rawValue)` to make it")
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
                file: reportFolder.appendingPathComponent("\(folderName)/\(name)").path,
                message: "cannot be read back: \(error)",
                hint: "re-run the \(stage.rawValue) stage for report \(reportID)")
        }
    }
}

/// A file and its checksum; `stamp` lets a later run trust the checksum without re-reading.
///
/// In JSON the stamp is flat beside the size (`modified`, `inode`): a manifest holds dozens of
/// these, and a re-run with nothing to do spends most of its time reading manifests, where a
/// nested object per record cost more than the rest of the record. A stamp whose size is not
/// the record's is left out (the file is then hashed again rather than trusted). The nested
/// `stamp` object of earlier versions still reads.
public struct FileRecord: Codable, Equatable, Sendable {
    public var path: String
    public var sha256: String
    public var size: Int
    public var stamp: FileStamp?

    public init(path: String, sha256: String, size: Int, stamp: FileStamp?) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.stamp = stamp
    }

    private enum CodingKeys: String, CodingKey {
        case path, sha256, size, modified, inode, stamp
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        sha256 = try container.decode(String.self, forKey: .sha256)
        size = try container.decode(Int.self, forKey: .size)
        if let modified = try container.decodeIfPresent(Int64.self, forKey: .modified),
           let inode = try container.decodeIfPresent(UInt64.self, forKey: .inode) {
            stamp = FileStamp(size: size, modifiedNanoseconds: modified, inode: inode)
        } else {
            stamp = try container.decodeIfPresent(FileStamp.self, forKey: .stamp)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(size, forKey: .size)
        if let stamp, stamp.size == size {
            try container.encode(stamp.modifiedNanoseconds, forKey: .modified)
            try container.encode(stamp.inode, forKey: .inode)
        }
    }
}
