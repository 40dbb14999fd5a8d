import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

extension BadInputs {
    /// An output folder that cannot be written, and a disk that fills up during a run: the run
    /// ends with a message naming the path and the system's reason, and no half-written file is
    /// left behind.
    ///
    /// The full and read-only disks are small tmpfs file systems the tests mount, which needs
    /// root (as `make test` runs here); where mounting is not allowed those two tests are skipped
    /// and say so. The file-in-the-way case needs nothing and always runs.
    @Suite(.serialized) struct UnwritableOutputTests {
        @Test func anOutputFolderThatIsAFileEndsTheRunNamingIt() throws {
            let folder = TemporaryFolder()
            folder.write("input/r.txt", Data(BadInputRun.sample.utf8))
            folder.write("output", text: "a file where the output folder should be\n")
            let configuration = PipelineConfiguration(output: "output", failOnCheckFailures: false)
            do {
                _ = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
                Issue.record("the run went on with no output folder")
            } catch {
                #expect("\(error)".contains(folder.path("output").path) && "\(error)".contains("Not a directory"), "\(error)")
            }
            #expect(folder.text("output") == "a file where the output folder should be\n")
        }

        @Test(.enabled(if: Tmpfs.canMount, "needs root to mount a small tmpfs"))
        func aReadOnlyOutputFolderEndsTheRunNamingIt() throws {
            let folder = TemporaryFolder()
            folder.write("input/r.txt", Data(BadInputRun.sample.utf8))
            let disk = try Tmpfs(at: folder.path("output"), options: "size=1m,ro")
            defer { disk.unmount() }
            let configuration = PipelineConfiguration(output: "output", failOnCheckFailures: false)
            do {
                _ = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
                Issue.record("the run went on with a read-only output folder")
            } catch {
                #expect("\(error)".contains(folder.path("output").path) && "\(error)".contains("Read-only file system"), "\(error)")
            }
        }

        /// 200 KB holds the first stages' files of the sample but not the rest: the report fails
        /// naming the file it could not write; every file on the disk is whole (the same bytes a
        /// run with room writes); and once there is room, the next run finishes the report.
        @Test(.enabled(if: Tmpfs.canMount, "needs root to mount a small tmpfs"))
        func aFullDiskFailsTheReportAndLeavesNoPartialFile() throws {
            let folder = TemporaryFolder()
            folder.write("input/r.txt", Data(BadInputRun.sample.utf8))
            let roomy = try BadInputRun(text: BadInputRun.sample)
            let disk = try Tmpfs(at: folder.path("output"), options: "size=200k")
            defer { disk.unmount() }
            let configuration = PipelineConfiguration(output: "output", failOnCheckFailures: false)

            let full = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
            let error = try #require(full.failed.first?.error)
            #expect(error.message.contains("No space left on device") && error.file.hasPrefix(folder.path("output/r/").path), "\(error)")
            let written = FileSystem.relativeFiles(under: folder.path("output/r"))
            #expect(!written.contains { $0.contains(FileSystem.temporaryPrefix) }, "\(written)")
            for path in written where path.contains("/") {
                #expect(folder.read("output/r/\(path)") == roomy.folder.read("output/\(roomy.name)/\(path)"), "\(path) is not whole")
            }

            try disk.resize(to: "size=8m")
            let second = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
            #expect(second.failed.isEmpty, "\(second.failed.first?.error?.description ?? "")")
            #expect(folder.read("output/r/05-export/data/facts.csv") == roomy.folder.read("output/\(roomy.name)/05-export/data/facts.csv"))
        }
    }
}

/// A small tmpfs file system mounted for a test (Linux, root only).
struct Tmpfs {
    let mountPoint: URL

    /// Whether this process may mount one: tried once, on a folder of its own.
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("budget-etl-tmpfs-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard let mounted = try? Tmpfs(at: probe, options: "size=64k") else { return false }
        mounted.unmount()
        return true
    }()

    init(at mountPoint: URL, options: String) throws {
        self.mountPoint = mountPoint
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try Self.run("/bin/mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.path)
    }

    func resize(to options: String) throws {
        try Self.run("/bin/mount", "-o", "remount,\(options)", mountPoint.path)
    }

    func unmount() {
        try? Self.run("/bin/umount", mountPoint.path)
    }

    private static func run(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: arguments.joined(separator: " ")])
        }
    }
}
