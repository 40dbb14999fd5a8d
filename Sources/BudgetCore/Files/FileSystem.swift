import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies a file's current state cheaply: size, modification time and inode.
/// When all three match a manifest's record, the recorded checksum is trusted instead of
/// reading the file again (git's index makes the same bargain).
public struct FileStamp: Codable, Equatable, Sendable {
    public var size: Int
    public var modifiedNanoseconds: Int64
    public var inode: UInt64

    package init(size: Int, modifiedNanoseconds: Int64, inode: UInt64) {
        (self.size, self.modifiedNanoseconds, self.inode) = (size, modifiedNanoseconds, inode)
    }
}

extension FileStamp {
    init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(size: Int(info.st_size), modifiedNanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec),
                  inode: UInt64(info.st_ino))
    }
}

/// Thin POSIX wrappers: the pipeline's file handling in one place, with errors that name the path.
public enum FileSystem {
    public static func stamp(of url: URL) -> FileStamp? {
        stamp(atPath: url.path)
    }

    public static func stamp(atPath path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    public static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The file's bytes. Only a regular file (or a link to one) is read: a named pipe would block
    /// the run until something writes to it, and a device or socket is not a report.
    public static func read(_ url: URL) throws -> Data {
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw FileSystemError(path: url.path, action: "read", reason: "it is \(kind(of: info.st_mode)), not a regular file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw FileSystemError(path: url.path, action: "read", reason: describe(error))
        }
    }

    /// The bytes of the regular file at `path`, or nil when there is none or it cannot be read:
    /// `read(_:)` for a file that may well be missing (a report's manifest), without building a
    /// URL or an error. A named pipe is neither waited for nor read.
    package static func contents(atPath path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size, to see the end in the same read; a file that grew since
        // is read on to its end.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return Data(bytes[..<total]) }
            total += count
        }
    }

    /// Creates the folder and any missing parents (POSIX `mkdir`, cheaper than FileManager's
    /// version, which this runs for every stage of every report). Returns whether the folder is
    /// new: a new folder has nothing left in it to clean up.
    @discardableResult
    public static func createDirectory(_ url: URL) throws -> Bool {
        let path = url.path
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        guard errno == ENOENT else {
            throw FileSystemError(path: path, action: "create folder", reason: String(cString: strerror(errno)))
        }
        let parent = url.deletingLastPathComponent()
        guard parent.path != path else {
            throw FileSystemError(path: path, action: "create folder", reason: "no parent folder")
        }
        try createDirectory(parent)
        if mkdir(path, 0o755) == 0 { return true }
        guard errno == EEXIST else {
            throw FileSystemError(path: path, action: "create folder", reason: String(cString: strerror(errno)))
        }
        return false
    }

    /// Writes `data` to `url` atomically: into a temporary file in the same folder, then
    /// renamed over the target, so a crash leaves either the old file or the new one, never half.
    /// Returns the new file's stamp (taken from the open file: no second look-up by path).
    ///
    /// The temporary file is made in `staging` when given (a folder on the same file system),
    /// so that one folder, not every folder written to, is where a killed run's leftovers are.
    @discardableResult
    public static func writeAtomically(_ data: Data, to url: URL, staging: URL? = nil) throws -> FileStamp {
        try writeAtomically(data, toPath: url.path, stagingPath: (staging ?? url.deletingLastPathComponent()).path)
    }

    /// `writeAtomically(_:to:staging:)` by path: the runner writes every file of every report
    /// through this, and building and taking apart `URL`s for each took about 2 % of a run.
    @discardableResult
    package static func writeAtomically(_ data: Data, toPath path: String, stagingPath: String) throws -> FileStamp {
        let temporary = temporaryPath(in: stagingPath, for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, action: "write", reason: String(cString: strerror(errno)))
        }
        var failure = data.withUnsafeBytes { writeAll($0, to: descriptor) }
        var info = stat()
        if failure == 0 && fstat(descriptor, &info) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileSystemError(path: path, action: "write", reason: String(cString: strerror(failure)))
        }
        return FileStamp(info)
    }

    /// A name in `folder` no other writer uses at once, for the bytes that will become `target`:
    /// the temporary prefix (which a later run sweeps up), the target's name, process and a random
    /// number. Every temporary file of the pipeline is named so (`StreamedFile.removeLeftovers`).
    package static func temporaryPath(in folder: String, for target: String) -> String {
        let name = target.lastIndex(of: "/").map { target[target.index(after: $0)...] } ?? target[...]
        return "\(folder)/\(temporaryPrefix)\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Files in `folder` (not recursing), sorted by name; hidden files are left out.
    public static func listFiles(in folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FileSystemError(path: folder.path, action: "list", reason: describe(error))
        }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    public static func remove(_ url: URL) throws {
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw FileSystemError(path: url.path, action: "remove", reason: String(cString: strerror(errno)))
        }
    }

    /// Every file under `folder`, hidden ones included, as sorted relative paths (`tables/1.csv`).
    public static func relativeFiles(under folder: URL) -> [String] {
        var found: [String] = []
        func walk(_ url: URL, _ prefix: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() {
                let child = url.appendingPathComponent(name)
                if isDirectory(child) {
                    walk(child, prefix + name + "/")
                } else {
                    found.append(prefix + name)
                }
            }
        }
        walk(folder, "")
        return found
    }

    /// A second name for a file (a hard link); a copy where the file system has no hard links.
    public static func hardLink(_ source: URL, to target: URL) throws {
        if link(source.path, target.path) == 0 { return }
        if errno == EEXIST { return }
        do {
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw FileSystemError(path: target.path, action: "link or copy", reason: describe(error))
        }
    }

    /// Puts `data` at `url` unless a file is already there, and never replaces one: the bytes are
    /// written under a temporary name and given the name `url` with `link`, which fails rather
    /// than replace. Two threads storing the same shared bytes at once thus end with one file
    /// that both use. Returns the stamp of the file at `url`.
    public static func publishOnce(_ data: Data, at url: URL) throws -> FileStamp? {
        let temporary = URL(fileURLWithPath: temporaryPath(in: url.deletingLastPathComponent().path, for: url.path))
        try writeAtomically(data, to: temporary)
        defer { unlink(temporary.path) }
        if link(temporary.path, url.path) != 0 && errno != EEXIST {
            throw FileSystemError(path: url.path, action: "store", reason: String(cString: strerror(errno)))
        }
        return stamp(of: url)
    }

    /// Gives `source` the name `target`, atomically: a hard link straight to a name not yet
    /// taken; else a hard link (or copy) made under a temporary name beside the target (or in
    /// `staging`), then renamed over it, like every other write.
    public static func linkAtomically(_ source: URL, to target: URL, staging: URL? = nil) throws {
        try linkAtomically(fromPath: source.path, toPath: target.path,
                           stagingPath: (staging ?? target.deletingLastPathComponent()).path)
    }

    /// `linkAtomically(_:to:staging:)` by path. A name not yet taken is given with one `link`,
    /// which makes it whole or not at all (no half file can appear: the file linked is complete);
    /// only a name already taken, or a file system without hard links, needs the temporary name.
    package static func linkAtomically(fromPath source: String, toPath target: String, stagingPath: String) throws {
        if link(source, target) == 0 { return }
        let temporary = temporaryPath(in: stagingPath, for: target)
        try hardLink(URL(fileURLWithPath: source), to: URL(fileURLWithPath: temporary))
        // Unlinked in any case: when `target` is already a link to `source` (a re-run after a
        // crash between linking and recording), rename(2) succeeds without doing anything and
        // leaves the temporary name behind.
        defer { unlink(temporary) }
        guard rename(temporary, target) == 0 else {
            throw FileSystemError(path: target, action: "rename into place", reason: String(cString: strerror(errno)))
        }
    }

    /// Whether two files hold the same bytes (false when either cannot be read), read a chunk
    /// at a time.
    public static func sameContents(_ first: URL, _ second: URL) -> Bool {
        let one = open(first.path, O_RDONLY | O_CLOEXEC)
        let two = open(second.path, O_RDONLY | O_CLOEXEC)
        defer {
            if one >= 0 { close(one) }
            if two >= 0 { close(two) }
        }
        guard one >= 0, two >= 0 else { return false }
        var left = [UInt8](repeating: 0, count: 1 << 16)
        var right = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = left.withUnsafeMutableBytes { readFully(one, $0) }
            guard count > 0 else {
                // The first has ended: the same only if the second has too.
                var byte: UInt8 = 0
                return count == 0 && systemRead(two, &byte, 1) == 0
            }
            let other = right.withUnsafeMutableBytes { readFully(two, UnsafeMutableRawBufferPointer(rebasing: $0[..<count])) }
            guard other == count, left[..<count] == right[..<count] else { return false }
        }
    }

    /// Writes all of `bytes` (a write may take fewer than asked); 0, or the `errno` that stopped it.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Reads until `buffer` is full or the file ends; the count read, or -1.
    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var total = 0
        while total < buffer.count {
            let count = systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            if count < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Renames a file or folder (atomic within one file system).
    public static func move(_ source: URL, to target: URL) throws {
        guard rename(source.path, target.path) == 0 else {
            throw FileSystemError(path: target.path, action: "rename into place", reason: String(cString: strerror(errno)))
        }
    }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "an unusual kind of file"
        }
    }

    /// Name prefix of the temporary files `writeAtomically` makes (and a crash may leave behind).
    public static let temporaryPrefix = ".tmp-"

    private static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return (error as NSError).localizedDescription
    }
}

/// A file operation that failed, naming the path and the operating system's reason.
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var action: String
    public var reason: String
    public var description: String { "\(path): cannot \(action): \(reason)" }

    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }
}

/// POSIX `read`, under a name `FileSystem.read(_:)` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
