import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run with nothing to do still notices, now that it looks at each recorded file once,
/// from the report's folder held open, and lists folders without a `stat` per entry: a deleted,
/// edited or replaced output re-runs the stage that wrote it, and temporary files a killed run
/// left are still cleared.
@Suite struct NoOpRunTests {
    let folder = TemporaryFolder()

    func run() throws -> ReportOutcome {
        try #require(try Pipeline(configuration: PipelineConfiguration(), baseFolder: folder.url).runCollectingOutcomes().outcomes.first)
    }

    init() throws {
        folder.write("input/r.txt", text: TinyReport.text(1))
        _ = try Pipeline(configuration: PipelineConfiguration(), baseFolder: folder.url).run()
    }

    @Test func nothingChangedRunsNothing() throws {
        #expect(try run().ran.isEmpty)
    }

    @Test func aDeletedOutputDeepInTheReportFolderIsRebuilt() throws {
        let facts = "output/r/05-export/data/facts.csv"
        let written = try #require(folder.read(facts))
        try FileManager.default.removeItem(at: folder.path(facts))
        #expect(try run().ran == [.export])
        #expect(folder.read(facts) == written)
    }

    @Test func aDeletedPageInTheReportFolderIsRebuilt() throws {
        try FileManager.default.removeItem(at: folder.path("output/r/report.html"))
        #expect(try run().ran == [.export])
        #expect(folder.exists("output/r/report.html"))
    }

    /// Same size, same inode, other bytes: only the modification time tells, and it is set far
    /// from the recorded one so the test does not depend on the clock's resolution.
    @Test func anOutputEditedInPlaceIsRebuilt() throws {
        let path = folder.path("output/r/02-segment/segment.json").path
        let written = try #require(FileSystem.contents(atPath: path))
        var edited = written
        edited[edited.startIndex] = edited[edited.startIndex] == UInt8(ascii: " ") ? UInt8(ascii: "\n") : UInt8(ascii: " ")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: edited)
        try handle.close()
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(try run().ran == [.segment])
        #expect(FileSystem.contents(atPath: path) == written)
    }

    /// Another file renamed over an output (a new inode), with the same size.
    @Test func anOutputReplacedByAnotherFileIsRebuilt() throws {
        let target = "output/r/04-reconcile/checks.csv"
        let written = try #require(folder.read(target))
        var other = written
        other[other.startIndex] ^= 0x01
        let staged = folder.write("elsewhere.csv", other)
        try FileSystem.move(staged, to: folder.path(target))
        let ran = try run().ran
        #expect(ran.first == .reconcile && !ran.contains(.normalize))
        #expect(folder.read(target) == written)
        #expect(try run().ran.isEmpty)
    }

    @Test func temporaryFilesOfAKilledRunAreClearedByARunWithNothingToDo() throws {
        let leftovers = ["output/r/\(FileSystem.temporaryPrefix)facts.csv.123.456", "output/r/versions/\(FileSystem.temporaryPrefix)abc/x"]
        for leftover in leftovers { folder.write(leftover, text: "half") }
        #expect(try run().ran.isEmpty)
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) }, "\(folder.allFiles())")
    }

    @Test func folderEntriesComeWithTheirKinds() throws {
        folder.write("listing/file.txt", text: "x")
        folder.write("listing/folder/inner.txt", text: "y")
        try FileManager.default.createSymbolicLink(atPath: folder.path("listing/link.txt").path, withDestinationPath: "file.txt")
        let entries = try FileSystem.entries(inFolderAtPath: folder.path("listing").path).sorted { $0.name < $1.name }
        // A file system that does not record kinds says `unknown`, and callers then look.
        #expect(entries.map(\.name) == ["file.txt", "folder", "link.txt"])
        let kinds = entries.map(\.kind)
        #expect(kinds == [.regularFile, .folder, .symbolicLink] || kinds.contains(.unknown))
        #expect(throws: FileSystemError.self) { try FileSystem.entries(inFolderAtPath: folder.path("missing").path) }
    }

    @Test func anOpenFolderSeesWhatAPathSees() throws {
        let report = OpenFolder(path: folder.path("output/r").path)
        for path in ["manifest.json", "05-export/data/facts.csv", "missing.txt", "../r/report.html"] {
            #expect(report.stamp(of: path) == FileSystem.stamp(atPath: folder.path("output/r/\(path)").path), "\(path)")
        }
        let missing = OpenFolder(path: folder.path("output/none").path)
        #expect(missing.stamp(of: "manifest.json") == nil)
        #expect(missing.names(startingWith: "") == [])
        #expect(FileSystem.contents(atPath: folder.path("output/r/manifest.json").path) == folder.read("output/r/manifest.json"))
        #expect(FileSystem.contents(atPath: folder.path("output/r").path) == nil)
    }
}
