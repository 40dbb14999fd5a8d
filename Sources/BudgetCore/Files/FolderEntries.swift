import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's entries as one `readdir` pass gives them: each name with the kind of file the
/// folder itself records (`d_type`), so listing a folder of thousands of reports takes no `stat`
/// or `readlink` per file. A file system that does not record kinds says `unknown`, and the
/// caller then looks (`stat`) as before.
package struct FolderEntry: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        case regularFile, folder, symbolicLink, other, unknown
    }

    package var name: String
    package var kind: Kind
}

extension FileSystem {
    /// The entries of the folder at `path`, `.` and `..` left out, in no particular order.
    package static func entries(inFolderAtPath path: String) throws -> [FolderEntry] {
        guard let stream = opendir(path) else {
            throw FileSystemError(path: path, action: "list", reason: String(cString: strerror(errno)))
        }
        defer { closedir(stream) }
        var entries: [FolderEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let kind: FolderEntry.Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .regularFile
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = .unknown
            default: kind = .other
            }
            entries.append(FolderEntry(name: name, kind: kind))
        }
        return entries
    }

    /// The names in the folder at `path` that start with `prefix` (none when it cannot be listed):
    /// what a killed run may have left, looked for on every run, so without building a URL or a
    /// string for the other names.
    package static func names(inFolderAtPath path: String, startingWith prefix: String) -> [String] {
        guard let stream = opendir(path) else { return [] }
        return names(in: stream, startingWith: prefix)
    }

    /// The names read from `stream` that start with `prefix`; closes `stream`.
    fileprivate static func names(in stream: OpaquePointer, startingWith prefix: String) -> [String] {
        defer { closedir(stream) }
        var found: [String] = []
        let prefixBytes = Array(prefix.utf8CString.dropLast())
        while let entry = readdir(stream) {
            withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { name in
                    // Bytes first (cheap); then as `String.hasPrefix` judges, for the few that match.
                    guard strncmp(name, prefixBytes, prefixBytes.count) == 0 else { return }
                    let text = String(cString: name)
                    if text.hasPrefix(prefix) { found.append(text) }
                }
            }
        }
        return found
    }
}

/// A folder held open while a report is checked, so each recorded file's stamp is looked up from
/// it (`fstatat` with a relative path) rather than from `/` through every folder above: on a
/// run with nothing to do, walking those folders was most of each look-up's time.
package final class OpenFolder {
    package let path: String
    /// -1 when the folder could not be opened (not made yet): look-ups then go by full path.
    private let descriptor: Int32

    package init(path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The names in the folder (or in its folder `subfolder`) that start with `prefix`; none when
    /// it cannot be listed.
    package func names(in subfolder: String? = nil, startingWith prefix: String) -> [String] {
        guard descriptor >= 0 else {
            return FileSystem.names(inFolderAtPath: subfolder.map { "\(path)/\($0)" } ?? path, startingWith: prefix)
        }
        // A descriptor of its own for the listing (`closedir` closes it), found from this folder.
        let listed = openat(descriptor, subfolder ?? ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listed >= 0 else { return [] }
        guard let stream = fdopendir(listed) else {
            close(listed)
            return []
        }
        return FileSystem.names(in: stream, startingWith: prefix)
    }

    /// The stamp of the file at `relativePath` inside the folder (following links, as `stat`).
    package func stamp(of relativePath: String) -> FileStamp? {
        guard descriptor >= 0, !relativePath.hasPrefix("/") else { return FileSystem.stamp(atPath: "\(path)/\(relativePath)") }
        var info = stat()
        guard fstatat(descriptor, relativePath, &info, 0) == 0 else { return nil }
        return FileStamp(info)
    }
}
