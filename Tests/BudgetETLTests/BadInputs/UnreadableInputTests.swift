import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

extension BadInputs {
    /// An input that cannot be read as a file is a located error for that report alone. A named
    /// pipe is the dangerous one: reading it would wait, and a nightly run would never end.
    @Suite struct UnreadableInputTests {
        @Test func aNamedPipeIsRefusedWithoutWaitingAndTheBatchGoesOn() throws {
            let folder = TemporaryFolder()
            folder.write("input/good.txt", Data(BadInputRun.sample.utf8))
            try FileManager.default.createDirectory(at: folder.path("input"), withIntermediateDirectories: true)
            #expect(mkfifo(folder.path("input/pipe.txt").path, 0o644) == 0)
            let summary = try Pipeline(configuration: PipelineConfiguration(failOnCheckFailures: false), baseFolder: folder.url).run()
            let failure = try #require(summary.failed.first?.error)
            #expect(summary.failed.count == 1 && failure.file.hasSuffix("input/pipe.txt"), "\(failure)")
            #expect(failure.message.contains("it is a named pipe, not a regular file"), "\(failure)")
            #expect(folder.exists("output/_quarantine/pipe.json"))
            #expect(folder.exists("output/good/05-export/data/facts.csv"))
        }
    }
}
