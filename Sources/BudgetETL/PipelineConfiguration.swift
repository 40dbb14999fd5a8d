import BudgetCore
import BudgetExport
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import BudgetSegment
import Foundation

/// `pipeline.json`: where reports come from and go to, which stages run, and each stage's
/// options. Every key is optional (absent means the default: `{}` is a valid configuration);
/// an unknown key, a wrong type, an unknown stage or a stage listed before one it needs is refused.
public struct PipelineConfiguration: Codable, Equatable, Sendable {
    /// The configuration format this build understands; a newer file is refused, not guessed at.
    public static let formatVersion = 1

    /// Format version of the file (`1`).
    public var version: Int
    /// Folder of reports to ingest, relative to the configuration file's folder.
    public var input: String
    /// Folder the per-report output folders go to, relative to the configuration file's folder.
    public var output: String
    /// File name extensions (without the dot, any case) that count as reports in `input`.
    public var inputExtensions: [String]
    /// The stages to run, in order.
    public var stages: [StageName]
    /// Reports processed at once; absent means one per processor core.
    public var jobs: Int?
    /// Whether failed reconciliation checks make the run's exit status 3 (else they are only
    /// reported).
    public var failOnCheckFailures: Bool
    /// Whether a symbolic link in the input folder may lead to a file outside it (by default such
    /// a link is refused: a link to a system file must not be read as a report).
    public var allowLinksOutsideInput: Bool
    /// Options of each stage, keyed by stage name.
    public var options: OptionsByStage

    public init(version: Int = formatVersion, input: String = "input", output: String = "output",
                inputExtensions: [String] = ["txt", "pdf"], stages: [StageName] = StageTable.names,
                jobs: Int? = nil, failOnCheckFailures: Bool = true, allowLinksOutsideInput: Bool = false,
                options: OptionsByStage = OptionsByStage()) {
        self.version = version
        self.input = input
        self.output = output
        self.inputExtensions = inputExtensions
        self.stages = stages
        self.jobs = jobs
        self.failOnCheckFailures = failOnCheckFailures
        self.allowLinksOutsideInput = allowLinksOutsideInput
        self.options = options
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case version, input, output, inputExtensions, stages, jobs, failOnCheckFailures, allowLinksOutsideInput, options
    }

    public init(from decoder: Decoder) throws {
        let defaults = PipelineConfiguration()
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        version = try values.decode(.version, default: defaults.version)
        input = try values.decode(.input, default: defaults.input)
        output = try values.decode(.output, default: defaults.output)
        inputExtensions = try values.decode(.inputExtensions, default: defaults.inputExtensions)
        stages = try values.decode(.stages, default: defaults.stages)
        jobs = try values.decodeIfPresent(Int.self, forKey: .jobs)
        failOnCheckFailures = try values.decode(.failOnCheckFailures, default: defaults.failOnCheckFailures)
        allowLinksOutsideInput = try values.decode(.allowLinksOutsideInput, default: defaults.allowLinksOutsideInput)
        options = try values.decode(.options, default: defaults.options)
    }

    /// Reports processed at once: `jobs`, or the number of processor cores.
    public var effectiveJobs: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The configuration as it will be used: defaults filled in, `jobs` resolved.
    public var effective: PipelineConfiguration {
        var copy = self
        copy.jobs = effectiveJobs
        return copy
    }

    /// Checks what types alone cannot: the version, the stage order, sensible numbers.
    public func validate(source: String) throws(ConfigurationError) {
        func refuse(_ key: String, _ message: String) -> ConfigurationError {
            ConfigurationError(source: source, key: key, message: message)
        }
        guard version == Self.formatVersion else {
            throw refuse("version", "version \(version) is not understood by this budget-etl, which reads version \(Self.formatVersion)")
        }
        guard !input.isEmpty else { throw refuse("input", "must name a folder") }
        guard !output.isEmpty else { throw refuse("output", "must name a folder") }
        guard !inputExtensions.isEmpty, !inputExtensions.contains(where: \.isEmpty) else {
            throw refuse("inputExtensions", "must list at least one extension, e.g. [\"txt\"]")
        }
        guard !stages.isEmpty else {
            throw refuse("stages", "must list at least one stage; valid stages in order: \(StageTable.validNames)")
        }
        for (index, stage) in stages.enumerated() {
            guard StageTable.stage(named: stage) != nil else {
                throw refuse("stages[\(index)]", "unknown stage \"\(stage.rawValue)\"; valid stages: \(StageTable.validNames)")
            }
            if stages[..<index].contains(stage) {
                throw refuse("stages[\(index)]", "\"\(stage.rawValue)\" is listed twice")
            }
            for needed in stage.requires where !stages[..<index].contains(needed) {
                throw refuse("stages[\(index)]",
                    "\"\(stage.rawValue)\" needs \"\(needed.rawValue)\" listed before it; valid order: \(StageTable.validNames)")
            }
        }
        if let jobs, jobs < 1 {
            throw refuse("jobs", "must be 1 or more (or absent for one per core)")
        }
        try options.validate(source: source)
    }

    /// Reads, decodes and validates a configuration file.
    public static func load(from url: URL) throws(ConfigurationError) -> PipelineConfiguration {
        let source = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigurationError(source: source, key: "", message: "cannot read the configuration file")
        }
        return try decode(data, source: source)
    }

    /// Decodes and validates configuration text; `source` names it in error messages.
    public static func decode(_ data: Data, source: String) throws(ConfigurationError) -> PipelineConfiguration {
        let configuration: PipelineConfiguration
        do {
            configuration = try JSONDecoder().decode(PipelineConfiguration.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw ConfigurationError(source: source, key: "", message: "not valid JSON: \(JSONCoding.syntaxError(in: data))")
        } catch let error as DecodingError {
            throw ConfigurationError(source: source, decoding: error)
        } catch {
            throw ConfigurationError(source: source, key: "", message: "\(error)")
        }
        try configuration.validate(source: source)
        return configuration
    }
}
