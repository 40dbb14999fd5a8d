import ArgumentParser
import BudgetCore
import BudgetETL
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the configured stages over the input folder.",
        discussion: "A stage whose inputs and options are unchanged since its last success is skipped.")

    @OptionGroup var options: ConfigOption

    @Option(name: .customLong("report"), parsing: .upToNextOption, help: "Only these report ids.")
    var reports: [String] = []

    @Option(help: "First stage to run; it and the stages after it run even when up to date.")
    var from: StageName?

    @Option(help: "Last stage to run.")
    var to: StageName?

    @Option(help: "Only part i of N of the inputs (0 ≤ i < N), chosen by report id: run each part on its own machine.")
    var shard: Shard?

    @Option(help: "The output folder, instead of the configuration's (e.g. one per shard).")
    var output: String?

    func run() throws {
        var pipeline = try options.load()
        if let output {
            var configuration = pipeline.configuration
            configuration.output = URL(fileURLWithPath: output).path
            pipeline = Pipeline(configuration: configuration, baseFolder: pipeline.baseFolder)
        }
        try runAndExit(pipeline, RunSelection(reportIDs: reports, from: from, to: to, shard: shard))
    }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage",
        abstract: "Run one stage alone for one report, on the files the previous stage wrote.")

    @OptionGroup var options: ConfigOption

    @Argument(help: "The stage to run.")
    var stage: StageName

    @Option(help: "The report id (its folder name under the output folder).")
    var report: String

    func run() throws {
        let pipeline = try options.load()
        try runAndExit(pipeline, RunSelection(reportIDs: [report], from: stage, to: stage))
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration: the file with every default filled in.")

    @OptionGroup var options: ConfigOption

    func run() throws {
        let pipeline = try options.load()
        FileHandle.standardOutput.write(try JSONCoding.encode(pipeline.configuration.effective))
    }
}

/// Runs, prints the one-line summary, and turns the outcome into the documented exit status.
func runAndExit(_ pipeline: Pipeline, _ selection: RunSelection) throws {
    BatchMemory.keepFreedMemory()
    let progress = ProgressLine()
    let summary: RunSummary
    do {
        summary = try pipeline.run(selection, observer: progress.observer)
    } catch let busy as RunLock.Busy {
        printError("error: \(busy)")
        throw ExitCode(ExitStatus.alreadyRunning)
    }
    progress.clear()
    print("budget-etl: \(summary.description)")
    if !summary.failed.isEmpty { throw ExitCode(ExitStatus.someReportsFailed) }
    if summary.failedChecks > 0 && pipeline.configuration.failOnCheckFailures { throw ExitCode(ExitStatus.checksFailed) }
}
