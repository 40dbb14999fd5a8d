import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a helper program (poppler's `pdftotext`, `pdfinfo`) with bounds, so that one hostile or
/// broken input cannot stall or flood an unattended batch: the run is killed after `timeout`
/// seconds, and standard output is read as it is written and the program killed as soon as it has
/// written more than `maxOutputBytes`. Standard error is kept up to a few KB (for messages).
/// Standard input is empty.
final class BoundedProcess: @unchecked Sendable {
    struct Result {
        /// The exit status, or the signal number when `signalled`.
        var status: Int32
        var signalled: Bool
        var stdout: Data
        var stderr: Data
        /// Killed because it ran longer than the timeout.
        var timedOut: Bool
        /// Killed because it wrote more than `maxOutputBytes` (stdout holds what came before).
        var outputExceeded: Bool

        /// The first line of what the program said on standard error, for a message.
        var firstErrorLine: String {
            String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
    }

    /// Enough of standard error for a message.
    private static let maxErrorBytes = 8_192
    /// After being killed, how long the pipes may take to close (a grandchild could hold them).
    private static let drainGrace: TimeInterval = 5

    private let process = Process()
    private let exited = DispatchSemaphore(value: 0)
    private let readers = DispatchGroup()
    private let lock = NSLock()
    private let maxOutputBytes: Int
    private var output = Data()
    private var errors = Data()
    private var exceeded = false

    private init(maxOutputBytes: Int) {
        self.maxOutputBytes = maxOutputBytes
    }

    /// Runs `executable` to completion or until a bound ends it. Throws only when it cannot be
    /// started at all (no such file, not executable).
    static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval, maxOutputBytes: Int) throws -> Result {
        try BoundedProcess(maxOutputBytes: maxOutputBytes).run(executable, arguments, timeout: timeout)
    }

    private func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval) throws -> Result {
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        collect(out.fileHandleForReading, limit: maxOutputBytes, isOutput: true)
        collect(err.fileHandleForReading, limit: Self.maxErrorBytes, isOutput: false)
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        _ = readers.wait(timeout: .now() + Self.drainGrace)
        lock.lock()
        defer { lock.unlock() }
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                      stdout: output, stderr: errors, timedOut: timedOut, outputExceeded: exceeded)
    }

    /// Reads `handle` to its end, keeping at most `limit` bytes; output beyond the limit kills the
    /// program (there is no use reading a text that will be refused for its size).
    private func collect(_ handle: FileHandle, limit: Int, isOutput: Bool) {
        readers.enter()
        DispatchQueue.global().async { [self] in
            defer { readers.leave() }
            while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
                lock.lock()
                var kept = isOutput ? output.count : errors.count
                let room = max(0, limit - kept)
                if isOutput { output.append(chunk.prefix(room)) } else { errors.append(chunk.prefix(room)) }
                kept += chunk.count
                let overflow = isOutput && kept > limit && !exceeded
                if overflow { exceeded = true }
                lock.unlock()
                if overflow, process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
    }
}
