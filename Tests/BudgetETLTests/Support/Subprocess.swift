import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program a test runs, with a time limit: every test that starts a process goes through here,
/// so a hung child fails its test (naming the command) instead of hanging the whole suite.
///
/// Standard input is the given bytes or empty; standard output and error are collected (read as
/// the child writes them, so a chatty child cannot block on a full pipe). On timeout the child
/// and what it started get SIGTERM, then SIGKILL a few seconds later, and `wait` throws.
final class Subprocess: @unchecked Sendable {
    /// How long a child may run unless a test says otherwise.
    static let defaultTimeout: TimeInterval = 60
    /// How long a child has to exit after SIGTERM before it gets SIGKILL.
    static let terminationGrace: TimeInterval = 5

    struct Result {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
    }

    struct Timeout: Error, CustomStringConvertible {
        var command: String
        var seconds: TimeInterval
        var stdout: String
        var stderr: String

        var description: String {
            var text = "timed out after \(seconds) s and was killed: \(command)"
            if !stderr.isEmpty { text += "\nstderr:\n\(stderr)" }
            if !stdout.isEmpty { text += "\nstdout:\n\(stdout)" }
            return text
        }
    }

    /// The command line, for messages.
    let command: String
    private let process = Process()
    private let exited = DispatchSemaphore(value: 0)
    private let readers = DispatchGroup()
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()

    /// Starts `executable` with `arguments` in `directory` (the test's own when nil), with
    /// `environment` added to (or replacing entries of) the inherited environment.
    init(_ executable: URL, _ arguments: [String] = [], in directory: URL? = nil,
         environment: [String: String] = [:], stdin: Data? = nil) throws {
        command = ([executable.path] + arguments).joined(separator: " ")
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        collect(out.fileHandleForReading) { $0.output.append($1) }
        collect(err.fileHandleForReading) { $0.errors.append($1) }
        if let input, let stdin {
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
    }

    /// Runs a program to completion, or throws `Timeout` once it has run `timeout` seconds.
    static func run(_ executable: URL, _ arguments: [String] = [], in directory: URL? = nil,
                    environment: [String: String] = [:], stdin: Data? = nil,
                    timeout: TimeInterval = defaultTimeout) throws -> Result {
        try Subprocess(executable, arguments, in: directory, environment: environment, stdin: stdin).wait(timeout: timeout)
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Sends `signal` to the child (if it is still running).
    func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Foundation starts the child as the leader of its own process group; signalling the group
    /// reaches whatever the child started too.
    private func signalGroup(_ signal: Int32) {
        let pid = process.processIdentifier
        if kill(-pid, signal) != 0 { kill(pid, signal) }
    }

    /// Waits for the child to exit and returns what it did, or kills it and throws `Timeout`
    /// once `timeout` seconds have passed.
    func wait(timeout: TimeInterval = defaultTimeout) throws -> Result {
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            signalGroup(SIGTERM)
            var gone = exited.wait(timeout: .now() + Self.terminationGrace) == .success
            signalGroup(SIGKILL)  // the child if SIGTERM did not end it, and anything it started
            if !gone { gone = exited.wait(timeout: .now() + Self.terminationGrace) == .success }
            if gone { exited.signal() }
            let (stdout, stderr) = collected()
            throw Timeout(command: command, seconds: timeout, stdout: stdout, stderr: stderr)
        }
        exited.signal()  // a second `wait` returns at once
        let (stdout, stderr) = collected()
        return Result(status: process.terminationStatus, reason: process.terminationReason, stdout: stdout, stderr: stderr)
    }

    private func collect(_ handle: FileHandle, into append: @escaping @Sendable (Subprocess, Data) -> Void) {
        readers.enter()
        DispatchQueue.global().async { [self] in
            defer { readers.leave() }
            while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
                lock.lock()
                append(self, chunk)
                lock.unlock()
            }
        }
    }

    /// What the child wrote; the pipes normally close when it exits, but a grandchild may keep
    /// them open, so this waits a little at most.
    private func collected() -> (String, String) {
        _ = readers.wait(timeout: .now() + Self.terminationGrace)
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
