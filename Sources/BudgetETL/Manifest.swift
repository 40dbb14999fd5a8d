import BudgetCore
import Foundation

/// `output/<report-id>/manifest.json`: what each stage read and wrote (with SHA-256), under which
/// pipeline version and options, and whether the report as a whole succeeded. It is how a
/// re-run knows what is up to date, and how anyone can check the files were not changed since.
public struct Manifest: Codable, Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var reportId: String
    /// The input file, its path relative to the configuration's folder.
    public var source: FileRecord
    public var software: Software
    public var status: Status
    /// Why the report failed, when it did.
    public var error: ReportError?
    /// One record per stage that has run, in pipeline order.
    public var stages: [StageRecord]
    /// When this manifest was last written (UTC, ISO 8601). Times live here, never in exports.
    public var updated: String
    /// When the current version of the source (its SHA-256) was first processed.
    public var ingested: String?
    /// What the stages found worth listing in the catalog: `unit`, `year`, `kind`, `title`,
    /// `amountUnit`, `tables`, `facts`, `warnedChecks`, `failedChecks`.
    public var summary: [String: String]?
    /// Earlier versions of the source (same report id, other content), newest last; their files
    /// are kept under `versions/<sha256>/`.
    public var versions: [ReportVersion]?

    public enum Status: String, Codable, Sendable {
        case ok, failed
    }

    public struct Software: Codable, Equatable, Sendable {
        public var name: String
        public var version: String
        public var libxml2: String

        public static var current: Software {
            Software(name: "budget-etl", version: PipelineVersion.current, libxml2: LibXML.version)
        }
    }

    public func record(for stage: StageName) -> StageRecord? {
        stages.first { $0.stage == stage.rawValue }
    }

    package mutating func setRecord(_ record: StageRecord) {
        stages.removeAll { $0.stage == record.stage }
        stages.append(record)
        let order = { (name: String) in StageName(rawValue: name).number }
        stages.sort { (order($0.stage), $0.stage) < (order($1.stage), $1.stage) }
    }
}

/// An earlier version of a report's source and what was made of it.
public struct ReportVersion: Codable, Equatable, Sendable {
    public var sha256: String
    public var source: String
    public var ingested: String?
    public var status: Manifest.Status
    /// Why it failed, when it did.
    public var error: ReportError?
    public var summary: [String: String]?
    /// Its files, relative to the report folder (`versions/<sha256>`).
    public var folder: String
}

/// One stage's last run for a report.
public struct StageRecord: Codable, Equatable, Sendable {
    /// The stage's name. Kept as text so a manifest written by a newer budget-etl still loads.
    public var stage: String
    public var status: Manifest.Status
    public var pipelineVersion: String
    /// SHA-256 of the stage's options as canonical JSON: a changed option re-runs the stage.
    public var optionsSHA256: String
    /// What the stage read: the source file for the first stage, else earlier stages' files
    /// (paths relative to the report's folder).
    public var inputs: [FileRecord]
    /// What the stage wrote, relative to the report's folder.
    public var outputs: [FileRecord]
    public var error: ReportError?
    public var finished: String
    public var durationMicroseconds: Int
}

