import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a folder built elsewhere in place of another in one step, so a reader (or a crash) sees
/// the old folder or the new one, never a mix. `rename` does that when nothing is in the way;
/// over an existing folder Linux's `renameat2(RENAME_EXCHANGE)` swaps the two atomically, and
/// the old one, now at the staging path, is removed. Without it (older kernels, other systems)
/// the old folder is moved aside first: a crash between the two renames leaves no folder, and
/// the next run writes it again.
package enum DirectorySwap {
    package static func install(_ staged: URL, at target: URL) throws {
        if rename(staged.path, target.path) == 0 { return }
        guard errno == ENOTEMPTY || errno == EEXIST else { throw failure(target, errno) }
        if exchange(staged.path, target.path) {
            try FileManager.default.removeItem(at: staged)
            return
        }
        let aside = target.deletingLastPathComponent().appendingPathComponent(
            "\(FileSystem.temporaryPrefix)old-\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        guard rename(target.path, aside.path) == 0 else { throw failure(target, errno) }
        guard rename(staged.path, target.path) == 0 else {
            let reason = errno
            _ = rename(aside.path, target.path)
            throw failure(target, reason)
        }
        try FileManager.default.removeItem(at: aside)
    }

    /// Swaps the two paths atomically where the system can; false where it cannot.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        // glibc 2.28+ has renameat2, but its header declares it only under _GNU_SOURCE, which
        // Swift's Glibc module does not set: look it up at run time instead.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    private static func failure(_ target: URL, _ code: Int32) -> FileSystemError {
        FileSystemError(path: target.path, action: "put the new folder in place", reason: String(cString: strerror(code)))
    }
}
