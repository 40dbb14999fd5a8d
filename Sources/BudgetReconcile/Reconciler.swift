import BudgetCore
import BudgetNormalize

/// Runs every rule over a normalized report and gathers their checks.
public enum Reconciler {
    /// The rules in the order their checks are listed: a table's own identities first, then
    /// agreement between tables, then the prose, the cost estimates and what is missing.
    package static let rules: [any ReconcileRule] = [
        HierarchyRule(), HeaderSumRule(), ShareRule(), PairedRule(), CrossTableRule(), NarrativeRule(),
        CompletionRule(), BreakdownRule(), ArithmeticRule(), CompletenessRule(),
    ]

    /// Ids of every rule, in order.
    public static var ruleIDs: [String] { rules.map { type(of: $0).id } }

    public static func reconcile(_ report: NormalizedReport, options: ReconcileOptions = ReconcileOptions()) -> ReconcileReport {
        let context = ReconcileContext(report, options: options)
        var log = CheckLog(tolerance: options.tolerance)
        for rule in rules {
            rule.check(context, into: &log)
        }
        DiagnosticChecks.record(report.diagnostics, into: &log)
        var checks = log.take()
        makeIDsUnique(&checks)
        return ReconcileReport(checks: checks, summary: CheckSummary(counting: checks))
    }

    /// Ids are built from table, row and column names, which a report may repeat (a code listed
    /// twice); later repeats get `#2`, `#3` … in check order, which is stable for the same input.
    package static func makeIDsUnique(_ checks: inout [CheckResult]) {
        var seen: [ExactString: Int] = [:]
        seen.reserveCapacity(checks.count)
        for index in checks.indices {
            let id = checks[index].id
            // One hash for an id not seen before (nearly all of them): insert it with a count of 1,
            // learning whether it was there.
            guard let previous = seen.updateValue(1, forKey: ExactString(id)) else { continue }
            let count = previous + 1
            seen[ExactString(id)] = count
            var next = count
            var candidate = "\(id)#\(next)"
            while seen[ExactString(candidate)] != nil {
                next += 1
                candidate = "\(id)#\(next)"
            }
            seen[ExactString(candidate)] = 1
            checks[index].id = candidate
        }
    }
}
