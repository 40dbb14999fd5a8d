import ArgumentParser
import BudgetCore
import BudgetETL
import Foundation

/// `budget-etl`: argument parsing and exit statuses only; the work is in the BudgetETL library.
@main
struct BudgetETLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget-etl",
        abstract: "Turn Chinese government budget reports into reconciled CSV and archival XML.",
        discussion: """
            Exit status: 0 all reports succeeded; 1 some report failed (the others were still \
            processed); 2 usage or configuration error (nothing was processed); 3 reconciliation \
            checks failed (unless failOnCheckFailures is false); 4 another run is using the output \
            folder (nothing was done).
            """,
        version: PipelineVersion.current,
        subcommands: [RunCommand.self, StageCommand.self, ConfigCommand.self, VerifyCommand.self, CatalogCommand.self]
    )

    /// Parses and runs, mapping failures to the documented exit statuses: a usage or
    /// configuration error is 2 (ArgumentParser's own default would be 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ConfigurationError {
            printError("error: \(error)")
            Foundation.exit(ExitStatus.usage)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .validationFailure {
                let message = fullMessage(for: error)
                if code == .success { print(message) } else { printError(message) }
                Foundation.exit(code == .success ? 0 : ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    static let someReportsFailed: Int32 = 1
    static let usage: Int32 = 2
    static let checksFailed: Int32 = 3
    static let alreadyRunning: Int32 = 4
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The `--config` option every subcommand shares.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The pipeline configuration file.")
    var config: String = "pipeline.json"

    func load() throws -> Pipeline {
        let url = URL(fileURLWithPath: config)
        let configuration = try PipelineConfiguration.load(from: url)
        return Pipeline(configuration: configuration, baseFolder: url.deletingLastPathComponent())
    }
}

extension StageName: ExpressibleByArgument {
    public init?(argument: String) {
        guard StageTable.stage(named: StageName(rawValue: argument)) != nil else { return nil }
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] { StageTable.names.map(\.rawValue) }
}
