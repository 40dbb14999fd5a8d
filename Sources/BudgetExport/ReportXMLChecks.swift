import BudgetCore
import BudgetReconcile
import BudgetSegment

/// The `<checks>` part of `report.xml`: the reconcile stage's summary, the same counted per rule
/// (so passes are summarized, not listed), and each check that did not pass (warned, failed or
/// could not be judged) with its exact amounts, the source lines involved and where each of them
/// is in this record (`<involves>`: the table row, field, note, contents entry or narrative
/// block) and on which page, and its message. Every check, passes included, is in `checks.csv` beside it in the bag
/// (`allChecks`): a pass is a record there, not spelled out a second time here.
package enum ReportXMLChecks {
    package static func write(_ reconciled: ReconcileReport, places: LinePlaces, pages: PageIndex, _ xml: XMLStreamWriter)
        throws(ReportError) {
        try xml.start("checks")
        try xml.attribute("pass", reconciled.summary.pass)
        try xml.attribute("warn", reconciled.summary.warn)
        try xml.attribute("fail", reconciled.summary.fail)
        try xml.attribute("unverified", reconciled.summary.unverified)
        try xml.attribute("allChecks", ChecksCSV.fileName)
        for (rule, summary) in summaries(of: reconciled.checks) {
            try xml.start("rule")
            try xml.attribute("name", rule)
            try xml.attribute("pass", summary.pass)
            try xml.attribute("warn", summary.warn)
            try xml.attribute("fail", summary.fail)
            try xml.attribute("unverified", summary.unverified)
            try xml.end()
        }
        // By index: `for check in …` copied every check, passes included, before looking at its
        // status (a loop over an array whose body calls a `throws(ReportError)` function copies
        // each element first).
        for index in reconciled.checks.indices where reconciled.checks[index].status != .pass {
            let check = reconciled.checks[index]
            try xml.start("check")
            try xml.attributes(["id": check.id, "rule": check.rule, "status": check.status.rawValue, "table": check.table])
            try xml.attributes(["expected": check.expected, "actual": check.actual, "difference": check.difference,
                                "tolerance": check.tolerance])
            try xml.attribute("lines", check.lines.isEmpty ? nil : check.lines.map { String($0) }.joined(separator: " "))
            try xml.element("location", required: check.location)
            try xml.element("message", check.message)
            for line in check.lines {
                let place = places.place(of: line)
                try xml.start("involves")
                try xml.attribute("line", line)
                try xml.attribute("page", pages.page(of: line))
                try xml.attribute("part", place?.part.rawValue)
                try xml.attribute("table", place?.table)
                try xml.end()
            }
            try xml.end()
        }
        try xml.end()
    }

    /// Each rule's counts, in the order the rules first ran.
    package static func summaries(of checks: [CheckResult]) -> [(rule: String, summary: CheckSummary)] {
        // A dozen rules at most, their checks mostly one after another: the rule of the check
        // before is tried first, then the others in order (hashing each rule's name twice a
        // check cost more than the rest of the record's checks).
        var summaries: [(rule: String, summary: CheckSummary)] = []
        // Each check's rule and status read in place (`for check in checks` copied whole checks).
        var current = 0
        for index in checks.indices {
            let rule = checks[index].rule
            if current >= summaries.count || summaries[current].rule != rule {
                if let found = summaries.firstIndex(where: { $0.rule == rule }) {
                    current = found
                } else {
                    current = summaries.count
                    summaries.append((rule, CheckSummary(pass: 0, warn: 0, fail: 0)))
                }
            }
            switch checks[index].status {
            case .pass: summaries[current].summary.pass += 1
            case .warn: summaries[current].summary.warn += 1
            case .fail: summaries[current].summary.fail += 1
            case .unverified: summaries[current].summary.unverified += 1
            }
        }
        return summaries
    }
}
