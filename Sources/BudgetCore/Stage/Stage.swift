import Foundation

/// One step of the pipeline, declared once: its name, the stages whose files it reads, its
/// options, the compiled-in data that shapes its output, how it runs and how its result is read
/// back. The pipeline's stage table lists the stages in order; nothing else names them.
///
/// A stage reads what it needs through a `StageContext` (the source file, or the typed
/// artifacts of earlier stages) and returns its files and its artifact. The driver writes the
/// files (atomically) and hands the artifact to the next stage directly, so a full run parses
/// nothing twice; `loadArtifact` rebuilds it from the files when a later stage runs alone or
/// after this one was skipped as up to date.
public protocol Stage: Sendable {
    /// What the stage hands to later stages (`SegmentedReport` …).
    associatedtype Artifact: Sendable
    /// The stage's options, `options.<name>` in `pipeline.json`.
    associatedtype Options: StageOptions = NoOptions

    static var name: StageName { get }
    /// Stages whose files this stage reads; they must be listed (and run) before it.
    static var needs: [StageName] { get }
    /// Compiled-in data that changes what the stage writes (word lists, code tables): part of
    /// its up-to-date check, with its options and the pipeline version.
    static var fingerprint: Data { get }

    init(options: Options)

    /// Processes one report. Throws `ReportError` for a problem in the report itself.
    func run(_ context: StageContext) throws -> StageProduct<Artifact>

    /// Reads back the artifact this stage wrote to `folder`.
    static func loadArtifact(from folder: StageFolder) throws -> Artifact
}

extension Stage {
    public static var fingerprint: Data { Data() }

    /// Whether the stage takes options (a stage with `NoOptions` has no key under `options`).
    public static var hasOptions: Bool { Options.self != NoOptions.self }
}

extension Stage where Options == NoOptions {
    public init() { self.init(options: NoOptions()) }
}

/// A file a stage produced, by name inside the stage's folder.
public struct OutputFile: Sendable {
    public var name: String
    public var data: Data
    /// The same bytes for every report (a schema): stored once per output folder, under
    /// `_shared/<sha256>`, and hard-linked into each report's folder rather than written again.
    public var sameInEveryReport: Bool
    /// An earlier stage's file that holds these very bytes (a path inside the report folder,
    /// `04-reconcile/checks.csv`): the writer gives it a second name (a hard link) rather than
    /// writing the bytes again, when the file is still the one that stage recorded.
    public var sameAs: String?
    /// The SHA-256 of `data` (lowercase hex) when the stage already computed it (the export
    /// does, for the bag's manifest), so the writer does not hash the same bytes again.
    public var sha256: String?
    /// Written in the report's folder, beside the stage folders, rather than in the stage's own
    /// (`output/<id>/report.html`, a view of the export outside its bag); recorded in the stage's
    /// manifest entry like its other files, by its path in the report folder.
    public var inReportFolder: Bool

    public init(name: String, data: Data, sameInEveryReport: Bool = false, sameAs: String? = nil, sha256: String? = nil,
                inReportFolder: Bool = false) {
        self.name = name
        self.data = data
        self.sameInEveryReport = sameInEveryReport
        self.sameAs = sameAs
        self.sha256 = sha256
        self.inReportFolder = inReportFolder
    }
}

/// What one stage run produced: the value later stages consume, and the files to write.
public struct StageProduct<Artifact: Sendable>: Sendable {
    public var artifact: Artifact
    public var files: [OutputFile]
    /// Facts for the catalog (`unit`, `year`, `kind`, `title`, `amountUnit`, `tables`, `facts`,
    /// `warnedChecks`, `failedChecks`), merged into the manifest's summary.
    public var summary: [String: String]

    public init(artifact: Artifact, files: [OutputFile], summary: [String: String] = [:]) {
        self.artifact = artifact
        self.files = files
        self.summary = summary
    }
}
