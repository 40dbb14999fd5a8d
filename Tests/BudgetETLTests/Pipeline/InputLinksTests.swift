import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// What the pipeline reads from its input folder: links inside it are followed, links out of it
/// are refused unless allowed, a dangling link is a located error; awkward file names work.
@Suite struct InputLinksTests {
    let folder = TemporaryFolder()

    func run(_ configuration: PipelineConfiguration = PipelineConfiguration()) throws -> RunSummary {
        try Pipeline(configuration: configuration, baseFolder: folder.url).run()
    }

    @Test func aLinkToAReportInsideTheInputFolderIsRead() throws {
        folder.write("input/reports/a.txt", text: TinyReport.text())
        try FileManager.default.createSymbolicLink(atPath: folder.path("input/link.txt").path, withDestinationPath: "reports/a.txt")
        let summary = try run()
        #expect(summary.failed.isEmpty)
        #expect(folder.exists("output/link/05-export/data/facts.csv"))
    }

    @Test func aLinkOutOfTheInputFolderIsRefusedUnlessAllowed() throws {
        folder.write("elsewhere/secret.txt", text: TinyReport.text())
        folder.write("input/good.txt", text: TinyReport.text(2))
        try FileManager.default.createSymbolicLink(atPath: folder.path("input/r.txt").path,
                                                   withDestinationPath: folder.path("elsewhere/secret.txt").path)
        let summary = try run()
        let failure = try #require(summary.failed.first)
        #expect(summary.failed.count == 1)
        #expect(failure.error?.message.contains("outside the input folder") == true)
        #expect(failure.error?.hint?.contains("allowLinksOutsideInput") == true)
        #expect(!folder.exists("output/r/01-extract"))
        #expect(folder.exists("output/_quarantine/r.json"))
        #expect(folder.exists("output/good/05-export/data/facts.csv"))

        var allowing = PipelineConfiguration()
        allowing.allowLinksOutsideInput = true
        #expect(try run(allowing).failed.isEmpty)
        #expect(folder.exists("output/r/05-export/data/facts.csv"))
    }

    @Test func aDanglingLinkIsALocatedError() throws {
        try FileManager.default.createDirectory(at: folder.path("input"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("input/gone.txt").path, withDestinationPath: "nowhere.txt")
        let summary = try run()
        let error = try #require(summary.failed.first?.error)
        #expect(error.file == "input/gone.txt")
        #expect(error.message == "is a symbolic link to nowhere.txt, which does not exist")
    }

    @Test(arguments: ["with space.txt", "预算 报告.txt", "-leading-dash.txt", "e\u{301}tude.txt", "ｆｕｌｌ.txt"])
    func awkwardFileNamesWork(_ name: String) throws {
        folder.write("input/\(name)", text: TinyReport.text())
        let (summary, outcomes) = try Pipeline(configuration: PipelineConfiguration(), baseFolder: folder.url).runCollectingOutcomes()
        #expect(summary.failed.isEmpty, "\(summary.failed.map { $0.error?.description ?? "" })")
        let id = try #require(outcomes.first?.reportID)
        #expect(folder.exists("output/\(id)/05-export/data/facts.csv"))
    }

    @Test func theConfigurationKeyIsDocumentedByItsDefault() throws {
        let configuration = try PipelineConfiguration.decode(Data("{}".utf8), source: "test")
        #expect(configuration.allowLinksOutsideInput == false)
        let allowing = try PipelineConfiguration.decode(Data(#"{"allowLinksOutsideInput": true}"#.utf8), source: "test")
        #expect(allowing.allowLinksOutsideInput)
    }
}
