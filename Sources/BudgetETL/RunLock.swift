import BudgetCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run at a time per output folder: an exclusive `flock` on `output/.lock`, which holds the
/// owner's process id. The kernel drops the lock when its process dies, however it dies, so a
/// lock left by a dead run is simply free again — no stale-lock guessing.
public final class RunLock {
    public static let fileName = ".lock"
    private let descriptor: Int32

    /// Another run holds the lock.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var pid: Int?
        public var description: String {
            "another budget-etl run\(pid.map { " (process \($0))" } ?? "") is using \(path); nothing was done. Try again when it has finished."
        }
    }

    public init(outputFolder: URL) throws {
        try FileSystem.createDirectory(outputFolder)
        let path = outputFolder.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, action: "open the lock file", reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = read(descriptor, &buffer, buffer.count)
            close(descriptor)
            let owner = count > 0 ? Int(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            throw Busy(path: outputFolder.path, pid: owner)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
