import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a file at a second path as a hard link, so no bytes are written; where the file system
/// cannot link (another device, a file system without links, too many links) it copies.
package enum FileLinker {
    package static func place(_ source: URL, at target: URL) throws {
        try FileSystem.createDirectory(target.deletingLastPathComponent())
        if link(source.path, target.path) == 0 { return }
        let reason = errno
        guard [EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP, EACCES].contains(reason) else {
            throw FileSystemError(path: target.path, action: "link to \(source.path)", reason: String(cString: strerror(reason)))
        }
        try FileSystem.writeAtomically(try FileSystem.read(source), to: target)
    }
}
