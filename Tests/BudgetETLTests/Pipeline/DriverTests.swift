import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExport
@testable import BudgetExtract
@testable import BudgetSegment

/// The driver: per-report output folders and manifests, skipping what is up to date, re-running
/// what changed, and a bad report failing alone.
@Suite struct DriverTests {
    let folder = TemporaryFolder()

    func pipeline(_ configuration: PipelineConfiguration = PipelineConfiguration()) -> Pipeline {
        Pipeline(configuration: configuration, baseFolder: folder.url)
    }

    func manifest(_ id: String) throws -> Manifest {
        try JSONCoding.decode(Manifest.self, from: try #require(folder.read("output/\(id)/manifest.json")))
    }

    @Test func runWritesStageFilesAndManifest() throws {
        folder.write("input/Report A.txt", text: TinyReport.text().replacingOccurrences(of: "\n", with: "\r\n"))
        let summary = try pipeline().run()
        #expect(summary.failed.isEmpty)
        #expect(summary.stagesRun == StageName.allCases.count)
        #expect(folder.text("output/report-a/01-extract/text.txt") == TinyReport.text())
        let info = try JSONCoding.decode(ExtractInfo.self, from: try #require(folder.read("output/report-a/01-extract/extract.json")))
        #expect(info.lineEndings.style == "CRLF")
        #expect(info.source.file == "Report A.txt")

        let manifest = try manifest("report-a")
        #expect(manifest.status == .ok)
        #expect(manifest.source.path == "input/Report A.txt")
        #expect(manifest.source.sha256 == Checksum.sha256(try #require(folder.read("input/Report A.txt"))))
        let record = try #require(manifest.record(for: .extract))
        #expect(record.pipelineVersion == PipelineVersion.current)
        #expect(record.inputs.map(\.path) == ["input/Report A.txt"])
        #expect(record.outputs.map(\.path).sorted() == ["01-extract/extract.json", "01-extract/text.txt"])
        for output in record.outputs {
            #expect(output.sha256 == Checksum.sha256(try #require(folder.read("output/report-a/\(output.path)"))))
        }
    }

    @Test func secondRunWithNothingChangedRunsNothingAndWritesNothing() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        let before = try FileSystem.stamp(of: folder.path("output/r/manifest.json")).unwrap()
        let summary = try pipeline().run()
        #expect(summary.stagesRun == 0)
        #expect(summary.stagesSkipped == StageName.allCases.count)
        #expect(summary.description.contains("no stage ran"))
        #expect(FileSystem.stamp(of: folder.path("output/r/manifest.json")) == before)
    }

    @Test func changedInputContentReRunsTheStage() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        folder.write("input/r.txt", text: TinyReport.text(2))
        let run = try pipeline().runCollectingOutcomes()
        #expect(run.outcomes.first?.ran == StageName.allCases)
        #expect(folder.text("output/r/01-extract/text.txt") == TinyReport.text(2))
    }

    @Test func touchedButUnchangedInputIsStillUpToDate() throws {
        let url = folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: url.path)
        #expect(try pipeline().run().stagesRun == 0)
    }

    @Test func changedStageOptionsReRunTheStage() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        var configuration = PipelineConfiguration()
        configuration.options[ExtractStage.self].maxInputBytes = 1000
        // Extract re-runs; its files come out the same, so segment, which reads them, stays up to date.
        #expect(try pipeline(configuration).runCollectingOutcomes().outcomes.first?.ran == [.extract])
        #expect(try pipeline(configuration).run().stagesRun == 0)
        configuration.jobs = 1
        #expect(try pipeline(configuration).run().stagesRun == 0, "jobs is not a stage option")
    }

    /// With `reportPage` off the report has no page (and a page an earlier run wrote goes), the
    /// index lists the report without a link, and the bag is the same.
    @Test func theReportPageCanBeTurnedOff() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        #expect(folder.exists("output/r/report.html"))
        let bag = folder.read("output/r/05-export/manifest-sha256.txt")
        var configuration = PipelineConfiguration()
        configuration.options[ExportStage.self].reportPage = false
        #expect(try pipeline(configuration).runCollectingOutcomes().outcomes.first?.ran == [.export])
        #expect(!folder.exists("output/r/report.html"))
        #expect(folder.read("output/r/05-export/manifest-sha256.txt") == bag)
        #expect(folder.text("output/index.html")?.contains("report.html") == false)
        #expect(try manifest("r").record(for: .export)?.outputs.contains { $0.path == "report.html" } == false)
        #expect(try pipeline(configuration).run().stagesRun == 0)
    }

    @Test func alteredOutputFileIsRebuilt() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        folder.write("output/r/01-extract/text.txt", text: "tampered\n")
        // The bag's `data/source/text.txt` is the same file (a hard link), so export re-runs too.
        #expect(try pipeline().runCollectingOutcomes().outcomes.first?.ran == [.extract, .export])
        #expect(folder.text("output/r/05-export/data/source/text.txt") == TinyReport.text(1))
        #expect(folder.text("output/r/01-extract/text.txt") == TinyReport.text(1))
        folder.write("output/r/02-segment/segment.json", text: "{}")
        #expect(try pipeline().runCollectingOutcomes().outcomes.first?.ran == [.segment])
        #expect(folder.text("output/r/01-extract/text.txt") == TinyReport.text(1))
    }

    @Test func changedSegmentOptionsReRunOnlySegment() throws {
        folder.write("input/r.txt", text: "表3\n支出总表\n科目编码\t科目名称\t合计\n208\t甲\t1.00\n")
        _ = try pipeline().run()
        var configuration = PipelineConfiguration()
        configuration.options[SegmentStage.self].maxHeaderRows = 2
        let outcome = try pipeline(configuration).runCollectingOutcomes().outcomes.first
        // Segment re-runs; its output is the same, so the stages after it stay up to date.
        #expect(outcome?.ran == [.segment])
        #expect(outcome?.skipped == StageName.allCases.filter { $0 != .segment })
    }

    @Test func segmentAloneReadsTheExtractFilesOfAnEarlierRun() throws {
        folder.write("input/r.txt", text: "表3\n支出总表\n科目编码\t科目名称\t合计\n208\t甲\t1.00\n")
        var extractOnly = PipelineConfiguration()
        extractOnly.stages = [.extract]
        _ = try pipeline(extractOnly).run()
        #expect(!folder.exists("output/r/02-segment"))
        let run = try pipeline().runCollectingOutcomes(RunSelection(reportIDs: ["r"], from: .segment, to: .segment))
        #expect(run.outcomes.first?.ran == [.segment])
        let segmented = try JSONCoding.decode(SegmentedReport.self, from: try #require(folder.read("output/r/02-segment/segment.json")))
        #expect(segmented.tables.first?.rows.count == 1)
        let record = try #require(try manifest("r").record(for: .segment))
        #expect(record.inputs.map(\.path).sorted() == ["01-extract/extract.json", "01-extract/text.txt"])
    }

    @Test func segmentWithoutExtractFilesFailsSayingWhatToRun() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        let summary = try pipeline().run(RunSelection(from: .segment, to: .segment))
        let error = try #require(summary.failed.first?.error)
        #expect(error.message == "missing")
        #expect(error.hint?.contains("--to extract") == true)
    }

    @Test func fromForcesTheStageToRun() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try pipeline().run()
        #expect(try pipeline().run(RunSelection(from: .extract)).stagesRun == StageName.allCases.count)
        let segmentOnly = try pipeline().runCollectingOutcomes(RunSelection(from: .segment, to: .segment)).outcomes.first
        #expect(segmentOnly?.ran == [.segment])
        #expect(segmentOnly?.skipped == [])
    }

    @Test func undecodableReportFailsAloneAndIsRecorded() throws {
        folder.write("input/a.txt", text: TinyReport.text(1))
        folder.write("input/b.txt", Data("line one\nline two \u{FF}".utf8.map { $0 }) + Data([0xFF, 0xFF]))
        folder.write("input/c.txt", text: TinyReport.text(3))
        let (summary, outcomes) = try pipeline().runCollectingOutcomes()
        #expect(outcomes.map(\.reportID) == ["a", "b", "c"])
        #expect(summary.reports == 3)
        #expect(summary.failed.map(\.reportID) == ["b"])
        #expect(folder.exists("output/a/01-extract/text.txt"))
        #expect(folder.exists("output/c/01-extract/text.txt"))
        #expect(!folder.exists("output/b/01-extract/text.txt"), "a failed stage writes nothing")
        let error = try #require(summary.failed.first?.error)
        #expect(error.file == "input/b.txt")
        #expect(error.line == 2)
        #expect(error.byteOffset != nil)
        let manifest = try manifest("b")
        #expect(manifest.status == .failed)
        #expect(manifest.error == error)
        #expect(manifest.record(for: .extract)?.status == .failed)
    }

    @Test func theSummaryCountsEveryReportAndListsTheFailuresRefusedFirstThenInIDOrder() throws {
        var configuration = PipelineConfiguration()
        configuration.jobs = 2
        let undecodable = Data("line one\nline two \u{FF}".utf8.map { $0 }) + Data([0xFF, 0xFF])
        for id in ["e", "c", "a"] { folder.write("input/\(id).txt", undecodable) }
        for id in ["b", "d", "f"] { folder.write("input/\(id).txt", text: TinyReport.text()) }
        try FileManager.default.createSymbolicLink(atPath: folder.path("input/z.txt").path, withDestinationPath: "gone.txt")
        let (summary, outcomes) = try pipeline(configuration).runCollectingOutcomes()
        #expect(summary.failed.map(\.reportID) == ["z", "a", "c", "e"])
        #expect(summary.failed.allSatisfy { $0.manifest == nil && $0.error != nil })
        #expect(summary.reports == 7)
        #expect(summary.stagesRun == outcomes.reduce(0) { $0 + $1.ran.count })
        #expect(summary.description.hasPrefix("7 reports: 3 ok, 4 failed; "))
        #expect(outcomes.map(\.reportID) == ["a", "b", "c", "d", "e", "f", "z"], "the observer is told of every report")
    }

    @Test func inputsGivingTheSameIDFailTogetherAndOthersGoOn() throws {
        folder.write("input/Report 1.txt", text: TinyReport.text(1))
        folder.write("input/report_1.txt", text: TinyReport.text(2))
        folder.write("input/report-1.txt", text: TinyReport.text(3))
        folder.write("input/other.txt", text: TinyReport.text(4))
        let summary = try pipeline().run()
        #expect(summary.failed.map(\.source).sorted() == ["input/Report 1.txt", "input/report-1.txt"])
        let message = try #require(summary.failed.first { $0.source == "input/Report 1.txt" }?.error?.message)
        #expect(message.contains("input/report-1.txt"))
        #expect(folder.exists("output/report_1/01-extract/text.txt"))
        #expect(folder.exists("output/other/01-extract/text.txt"))
        #expect(!folder.exists("output/report-1"))
    }

    @Test func onlyConfiguredExtensionsAndNoHiddenFilesAreInputs() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        folder.write("input/r.rtf", text: "{\\rtf1")
        folder.write("input/.r2.txt", text: TinyReport.text(1))
        #expect(try pipeline().runCollectingOutcomes().outcomes.map(\.reportID) == ["r"])
    }

    @Test func reportSelectionRunsOnlyThoseReports() throws {
        folder.write("input/a.txt", text: TinyReport.text(1))
        folder.write("input/b.txt", text: TinyReport.text(2))
        #expect(try pipeline().runCollectingOutcomes(RunSelection(reportIDs: ["b"])).outcomes.map(\.reportID) == ["b"])
        #expect(!folder.exists("output/a"))
        #expect(throws: ConfigurationError.self) { try pipeline().run(RunSelection(reportIDs: ["nope"])) }
    }

    @Test func missingInputFolderIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) { try pipeline().run() }
    }

    @Test func noTemporaryFilesAreLeftAndOutputsAreDeterministic() throws {
        folder.write("input/r.txt", Encoded.gb18030("预算\r\n表1\r\n"))
        _ = try pipeline().run()
        let first = folder.read("output/r/01-extract/extract.json")
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) })
        _ = try pipeline().run(RunSelection(from: .extract))
        #expect(folder.read("output/r/01-extract/extract.json") == first)
    }

    /// A run killed after writing a report's files but before its manifest: the next run writes
    /// them again over links to the same files (the bag's links to the extracted text, to
    /// checks.csv and to the shared schema), which must leave no temporary name behind.
    @Test func aRunAfterTheManifestWasLostLeavesNoTemporaryFiles() throws {
        folder.write("input/r.txt", text: TinyReport.text())
        #expect(try pipeline().run().failed.isEmpty)
        let written = folder.allFiles().filter { !$0.contains("/_logs/") }
        try FileManager.default.removeItem(at: folder.path("output/r/manifest.json"))
        #expect(try pipeline().run().failed.isEmpty)
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) }, "\(folder.allFiles())")
        #expect(folder.allFiles().filter { !$0.contains("/_logs/") } == written)
    }

    @Test func manyReportsInParallelGiveTheSameOutputsAsOneAtATime() throws {
        for index in 0..<40 {
            folder.write("input/r\(index).txt", text: TinyReport.text(index).replacingOccurrences(of: "\n", with: "\r\n"))
        }
        var sequential = PipelineConfiguration()
        sequential.jobs = 1
        sequential.output = "sequential"
        var parallel = PipelineConfiguration()
        parallel.jobs = 4
        parallel.output = "parallel"
        #expect(try pipeline(sequential).run().failed.isEmpty)
        #expect(try pipeline(parallel).run().failed.isEmpty)
        for index in 0..<40 {
            for file in ["01-extract/text.txt", "01-extract/extract.json"] {
                #expect(folder.read("sequential/r\(index)/\(file)") == folder.read("parallel/r\(index)/\(file)"))
            }
        }
    }
}

extension Optional {
    func unwrap(sourceLocation: SourceLocation = #_sourceLocation) throws -> Wrapped {
        try #require(self, sourceLocation: sourceLocation)
    }
}
