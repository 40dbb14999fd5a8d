import Foundation

/// A file written a piece at a time under a temporary name beside it, and put in place whole by
/// `finish()` (a rename, as `FileSystem.writeAtomically` does for a file written at once): for
/// files that grow with the collection (the catalog, the run's index page), which are never held
/// in memory whole. Until `finish()`, the file there stays as it was; if the writer is dropped
/// unfinished (an error, a crash), the temporary file is removed (or, after a crash, left for the
/// next writer of the same file to remove: `removeLeftovers(of:)`).
package struct StreamedFile: ~Copyable {
    package let url: URL
    private let temporary: URL
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    package init(replacing url: URL) throws {
        let temporary = URL(fileURLWithPath: FileSystem.temporaryPath(in: url.deletingLastPathComponent().path, for: url.path))
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(path: url.path, action: "write", reason: String(cString: strerror(errno)))
        }
        (self.url, self.temporary, self.descriptor) = (url, temporary, descriptor)
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        close(descriptor)
        unlink(temporary.path)
    }

    /// Removes what writers of `url` that died left behind; only for a caller that knows no other
    /// writer of `url` is at work (one that holds the output folder's lock).
    package static func removeLeftovers(of url: URL) {
        let prefix = "\(FileSystem.temporaryPrefix)\(url.lastPathComponent)."
        let folder = url.deletingLastPathComponent()
        // The folder is the output folder, with a folder per report: only the names that match
        // are made into strings.
        for name in FileSystem.names(inFolderAtPath: folder.path, startingWith: prefix) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    package mutating func append(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    package mutating func append(_ text: String) throws {
        try append(text.utf8)
    }

    /// Puts the file in place, unless it holds the same bytes as the file there (which is then
    /// left untouched). Returns whether it was replaced.
    @discardableResult
    package mutating func finish() throws -> Bool {
        try flush()
        guard !FileSystem.sameContents(temporary, url) else { return false }
        try FileSystem.move(temporary, to: url)
        return true
    }

    private mutating func flush() throws {
        let failed = buffer.withUnsafeBytes { FileSystem.writeAll($0, to: descriptor) }
        guard failed == 0 else { throw FileSystemError(path: url.path, action: "write", reason: String(cString: strerror(failed))) }
        buffer.removeAll(keepingCapacity: true)
    }
}
