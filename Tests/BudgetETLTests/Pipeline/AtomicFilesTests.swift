import Foundation
import Testing
@testable import BudgetCore

/// The runner's writes by path: a file or a second name appears whole or not at all, replaces
/// what was there, and leaves no temporary name behind.
@Suite struct AtomicFilesTests {
    private func inode(_ path: String) -> UInt64? { FileSystem.stamp(atPath: path)?.inode }

    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(FileSystem.temporaryPrefix) }
    }

    @Test func aNewNameIsTheSameFileAndNothingIsLeftBehind() throws {
        let folder = TemporaryFolder()
        let source = folder.write("a/checks.csv", text: "x,y\r\n")
        try FileSystem.createDirectory(folder.url.appendingPathComponent("b"))
        let target = folder.url.appendingPathComponent("b/checks.csv").path
        try FileSystem.linkAtomically(fromPath: source.path, toPath: target, stagingPath: folder.url.path)
        #expect(inode(target) != nil && inode(target) == inode(source.path))
        #expect(try leftovers(in: folder.url).isEmpty)
    }

    @Test func aNameAlreadyTakenIsReplacedAndNothingIsLeftBehind() throws {
        let folder = TemporaryFolder()
        let source = folder.write("a/checks.csv", text: "new\r\n")
        let target = folder.write("b/checks.csv", text: "old, and longer\r\n")
        try FileSystem.linkAtomically(fromPath: source.path, toPath: target.path, stagingPath: folder.url.path)
        #expect(inode(target.path) == inode(source.path))
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\r\n")
        #expect(try leftovers(in: folder.url).isEmpty)
        // Linking again, onto the name that already is the file, changes nothing and leaves nothing.
        try FileSystem.linkAtomically(fromPath: source.path, toPath: target.path, stagingPath: folder.url.path)
        #expect(inode(target.path) == inode(source.path))
        #expect(try leftovers(in: folder.url).isEmpty)
    }

    @Test func aLinkFromNothingFailsNamingTheTarget() throws {
        let folder = TemporaryFolder()
        let target = folder.url.appendingPathComponent("b.csv").path
        #expect(throws: FileSystemError.self) {
            try FileSystem.linkAtomically(fromPath: folder.url.appendingPathComponent("missing").path, toPath: target,
                                          stagingPath: folder.url.path)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try leftovers(in: folder.url).isEmpty)
    }

    @Test func aWriteReplacesTheFileAndItsStampIsTheFilesOwn() throws {
        let folder = TemporaryFolder()
        let target = folder.write("segment.json", text: "{\"old\":true}")
        let stamp = try FileSystem.writeAtomically(Data("{}".utf8), toPath: target.path, stagingPath: folder.url.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "{}")
        #expect(stamp == FileSystem.stamp(atPath: target.path))
        #expect(try leftovers(in: folder.url).isEmpty)
    }

    @Test func aWriteIntoAMissingFolderFailsNamingTheFile() throws {
        let folder = TemporaryFolder()
        let target = folder.url.appendingPathComponent("no/such/folder/a.json").path
        let error = #expect(throws: FileSystemError.self) {
            try FileSystem.writeAtomically(Data("{}".utf8), toPath: target, stagingPath: folder.url.appendingPathComponent("no").path)
        }
        #expect(error?.path == target)
    }
}
