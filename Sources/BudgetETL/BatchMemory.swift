import CMalloc

/// How a batch process asks the C allocator to keep what it frees.
///
/// A run allocates and frees much the same few megabytes for every report. glibc's default gives
/// the top of the heap back to the kernel once 128 KB of it is free, and serves a large block (a
/// growing file buffer) from a mapping of its own, unmapped when freed; its own adjustment of
/// those thresholds lags. So every report took its memory from the kernel again: some 110 page
/// faults a report, each a page the kernel maps and zeroes, a third of the run's system time
/// (`make bench` prints page faults per report). Fixing both thresholds at 32 MB keeps freed
/// memory in the process for the next report. Peak memory hardly changes (what is kept was in
/// use a moment before); between reports the process may hold up to 32 MB it does not need.
///
/// Called by the command-line tool, which owns its process, never by the library on its own: a
/// program embedding the library keeps its own allocator settings.
package enum BatchMemory {
    /// The ceiling glibc's own adjustment of the mapping threshold stops at on 64-bit systems
    /// (`DEFAULT_MMAP_THRESHOLD_MAX`); a larger block is still mapped, and unmapped when freed.
    package static let threshold: Int32 = 32 << 20

    /// Where the C library is not glibc, nothing is asked.
    package static func keepFreedMemory() {
        #if os(Linux) && canImport(Glibc)
        mallopt(M_TRIM_THRESHOLD, threshold)
        mallopt(M_MMAP_THRESHOLD, threshold)
        #endif
    }
}
