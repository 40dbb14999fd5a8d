import BudgetCore
import Foundation

/// The reconcile stage's artifact, read back from `04-reconcile/checks.csv`: one record per check run, and
/// how many passed, warned, failed and could not be judged.
public struct ReconcileReport: Codable, Sendable, Equatable {
    public var checks: [CheckResult]
    public var summary: CheckSummary
    /// `04-reconcile/checks.csv` as the stage just wrote it, so the export delivers those bytes
    /// and their checksum instead of encoding and hashing the same checks again (nil when read
    /// back from the file: the export then encodes the checks it read). A cache beside the
    /// value, not part of it: left out of equality and of JSON.
    package var checksFile: ChecksFile?

    public init(checks: [CheckResult], summary: CheckSummary) {
        self.checks = checks
        self.summary = summary
    }

    private enum CodingKeys: String, CodingKey {
        case checks, summary
    }

    public static func == (left: ReconcileReport, right: ReconcileReport) -> Bool {
        left.checks == right.checks && left.summary == right.summary
    }
}

/// The bytes of a `checks.csv` (`ChecksCSV.write` without a byte-order mark) for one report,
/// with their SHA-256.
package struct ChecksFile: Sendable {
    package var reportID: String
    package var data: Data
    package var sha256: String
}

/// One identity checked: what was expected, what was printed, and by how much they differ.
public struct CheckResult: Codable, Sendable, Equatable {
    /// Stable within a report for the same input: `<rule>:<table>:<location>` (e.g.
    /// `hierarchy:5-1:20801:合计`), so two runs' results can be compared line by line.
    public var id: String
    /// The rule's stable id (`hierarchy`, `header-sum`, `paired`, `cross-table`, `narrative`,
    /// `breakdown`, `arithmetic`, `completeness`).
    public var rule: String
    public var status: CheckStatus
    /// The table the check is about (the first, for a check across tables).
    public var table: String?
    /// The row (code or item) and column path the check is about.
    public var location: String
    public var expected: ExactDecimal?
    public var actual: ExactDecimal?
    /// `actual − expected`.
    public var difference: ExactDecimal?
    /// The largest difference that rounding explains.
    public var tolerance: ExactDecimal?
    /// A sentence a person can act on: what disagrees with what, where.
    public var message: String
    /// Source lines of the values involved.
    public var lines: [Int]
}

/// The outcome of a check.
public enum CheckStatus: String, Codable, Sendable, CaseIterable {
    case pass, warn, fail
    /// The check could not be judged, and its message says why: a term of the identity is a
    /// cell that is not a number (the cell itself is a `number` failure), or no table holds what a
    /// narrative claim states. It does not fail a run; it says what was not verified.
    case unverified
}

public struct CheckSummary: Codable, Sendable, Equatable {
    public var pass: Int
    public var warn: Int
    public var fail: Int
    public var unverified: Int

    public init(pass: Int, warn: Int, fail: Int, unverified: Int = 0) {
        self.pass = pass
        self.warn = warn
        self.fail = fail
        self.unverified = unverified
    }
}

extension CheckSummary {
    /// How many of `checks` passed, warned, failed and could not be judged.
    public init(counting checks: [CheckResult]) {
        var pass = 0, warn = 0, fail = 0, unverified = 0
        for check in checks {
            switch check.status {
            case .pass: pass += 1
            case .warn: warn += 1
            case .fail: fail += 1
            case .unverified: unverified += 1
            }
        }
        self.init(pass: pass, warn: warn, fail: fail, unverified: unverified)
    }
}
