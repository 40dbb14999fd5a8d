import Foundation

/// One step of the pipeline. A stage reads what it needs through a `StageContext` (the source
/// file, or the artifacts of earlier stages) and returns its files and its in-memory artifact.
///
/// The driver writes the files (atomically) and hands the artifact to the next stage directly,
/// so a full run parses nothing twice; `loadArtifact` rebuilds the artifact from the files when
/// a later stage runs alone or after this one was skipped as up to date.
public protocol Stage: Sendable {
    var name: StageName { get }

    /// Processes one report. Throws `ReportError` for a problem in the report itself.
    func run(_ context: StageContext) throws -> StageProduct

    /// Reads back the artifact this stage wrote to `folder`.
    func loadArtifact(from folder: StageFolder) throws -> any Sendable

    /// Work that needs the stage's files in place (the export stage's archive bag links to them).
    /// Returns the files it wrote, relative to the report folder, to record as the stage's outputs.
    func finish(reportFolder: URL) throws -> [String]
}

extension Stage {
    public func finish(reportFolder: URL) throws -> [String] { [] }
}

/// A file a stage produced, by name inside the stage's folder.
public struct OutputFile: Sendable {
    public var name: String
    public var data: Data
    /// The same bytes for every report (a schema): stored once per output folder, under
    /// `_shared/<sha256>`, and hard-linked into each report's folder rather than written again.
    public var sameInEveryReport: Bool

    public init(name: String, data: Data, sameInEveryReport: Bool = false) {
        self.name = name
        self.data = data
        self.sameInEveryReport = sameInEveryReport
    }
}

/// What one stage run produced: the value the next stage consumes, and the files to write.
public struct StageProduct: Sendable {
    public var artifact: any Sendable
    public var files: [OutputFile]
    /// Facts for the catalog (`unit`, `year`, `kind`, `tables`, `facts`, `failedChecks`),
    /// merged into the manifest's summary.
    public var summary: [String: String]

    public init(artifact: any Sendable, files: [OutputFile], summary: [String: String] = [:]) {
        self.artifact = artifact
        self.files = files
        self.summary = summary
    }
}

/// The implementation of every stage, by name: the one place stage names meet stage code.
public enum StageCatalog {
    public static func stage(_ name: StageName) -> any Stage {
        switch name {
        case .extract: ExtractStage()
        case .segment: SegmentStage()
        case .normalize: NormalizeStage()
        case .reconcile: ReconcileStage()
        case .export: ExportStage()
        }
    }
}
