import BudgetCore

/// One of `count` parts of a batch, for running it on several machines: each report belongs to
/// exactly one part, chosen from its report id alone, so a report stays in its part as files are
/// added or removed and the parts need no coordination. `index` counts from 0 (as Kubernetes'
/// `JOB_COMPLETION_INDEX` and `$SLURM_ARRAY_TASK_ID` with `--array=0-N` do).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `i/N`, e.g. `0/4` … `3/4`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the report with this id is in this part: the first 64 bits of the SHA-256 of the
    /// id, modulo the number of parts. A hash rather than the id's position in the folder, so
    /// that adding a file never moves another report to a different part.
    public func contains(reportID: String) -> Bool {
        let hex = Checksum.sha256(Array(reportID.utf8)).prefix(16)
        return Int(UInt64(hex, radix: 16)! % UInt64(count)) == index
    }
}
