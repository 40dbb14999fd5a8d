import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// The built `budget-etl` binary, run as a user or cron would: its output and exit status.
@Suite struct CommandLineTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary `swift build` put beside the test bundle.
    static let binary: URL = {
        var folder = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" { folder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return folder.appendingPathComponent("budget-etl")
    }()

    let folder = TemporaryFolder()

    func run(_ arguments: String...) throws -> Result {
        try Self.run(arguments, in: folder.url)
    }

    /// Runs the binary to completion in `directory`; a run longer than `timeout` seconds is killed
    /// and fails the test (see `Subprocess`).
    static func run(_ arguments: [String], in directory: URL,
                    timeout: TimeInterval = Subprocess.defaultTimeout) throws -> Result {
        let result = try Subprocess.run(Self.binary, arguments, in: directory, timeout: timeout)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    @Test func configPrintsTheEffectiveConfiguration() throws {
        folder.write("pipeline.json", text: #"{"input": "reports"}"#)
        let result = try run("config")
        #expect(result.status == 0)
        let printed = try PipelineConfiguration.decode(Data(result.stdout.utf8), source: "stdout")
        #expect(printed.input == "reports")
        #expect(printed.output == "output")
        #expect(printed.jobs != nil, "the effective configuration resolves jobs")
    }

    @Test func badConfigurationExitsTwoNamingTheKey() throws {
        folder.write("pipeline.json", text: #"{"options": {"extract": {"encodnig": "auto"}}}"#)
        folder.write("input/r.txt", text: TinyReport.text(1))
        let result = try run("run")
        #expect(result.status == 2)
        #expect(result.stderr.contains("options.extract.encodnig"))
        #expect(result.stderr.contains("encoding, maxInputBytes"))
        #expect(!folder.exists("output"), "nothing is processed")
    }

    @Test func missingConfigurationExitsTwo() throws {
        let result = try run("run", "--config", "nowhere.json")
        #expect(result.status == 2)
        #expect(result.stderr.contains("nowhere.json"))
    }

    @Test func usageErrorExitsTwo() throws {
        #expect(try run("run", "--no-such-flag").status == 2)
        #expect(try run("run", "--from", "nonsense").status == 2)
    }

    @Test func aFailedReportGivesExitOneAndTheOthersAreProcessed() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/good.txt", text: "表1\n收支总表\n")
        folder.write("input/bad.txt", Data("第一行\n".utf8) + Data([0xFF, 0xFE, 0xFD]))
        let result = try run("run")
        #expect(result.status == 1)
        #expect(result.stderr.contains("input/bad.txt:2:"))
        #expect(result.stderr.contains("byte offset 10"))
        #expect(result.stdout.contains("2 reports: 1 ok, 1 failed"))
        #expect(folder.exists("output/good/01-extract/text.txt"))
        #expect(folder.exists("output/bad/manifest.json"))
    }

    @Test func rerunWithNothingChangedSaysNoStageRan() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/r.txt", text: TinyReport.text(1))
        #expect(try run("run").status == 0)
        let again = try run("run")
        #expect(again.status == 0)
        #expect(again.stdout.contains("no stage ran"))
    }

    @Test func stageCommandRunsOneStageForOneReport() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/a.txt", text: TinyReport.text(1))
        folder.write("input/b.txt", text: TinyReport.text(2))
        let result = try run("stage", "extract", "--report", "b")
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 report: 1 ok"))
        #expect(folder.exists("output/b/01-extract/text.txt"))
        #expect(!folder.exists("output/a"))
        #expect(try run("stage", "extract", "--report", "zzz").status == 2)
    }

    @Test func theSampleGoesThroughEveryStageAndVerifies() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/sample.txt", SampleReport.data)
        let result = try run("run")
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["05-export/data/facts.csv", "05-export/data/report.xml", "05-export/data/checks.csv", "05-export/data/datapackage.json",
                     "05-export/bagit.txt", "04-reconcile/checks.csv"] {
            #expect(folder.exists("output/sample/\(file)"), "\(file)")
        }
        #expect(try run("verify", "output/sample").status == 0)
        var facts = try #require(folder.read("output/sample/05-export/data/facts.csv"))
        facts[facts.count - 3] ^= 0x01
        try facts.write(to: folder.path("output/sample/05-export/data/facts.csv"))
        let tampered = try run("verify", "output/sample")
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("facts.csv"))
        // The next run notices the altered file and rebuilds it.
        #expect(try run("run").status == 0)
        #expect(try run("verify", "output/sample").status == 0)
    }

    @Test func configPathsAreRelativeToTheConfigurationFile() throws {
        folder.write("project/pipeline.json", text: "{}")
        folder.write("project/input/r.txt", text: TinyReport.text(1))
        #expect(try run("run", "--config", "project/pipeline.json").status == 0)
        #expect(folder.exists("project/output/r/01-extract/text.txt"))
    }
}
