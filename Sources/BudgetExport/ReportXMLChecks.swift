import BudgetCore
import BudgetReconcile

/// The `<checks>` part of `report.xml`: the reconcile stage's summary, and each check that did
/// not pass (warned, failed or could not be judged) with its exact amounts, the source lines involved and its message. Every check,
/// passes included, is in `checks.csv` beside it in the bag (`allChecks`): a pass is a record
/// there, not spelled out a second time here.
package enum ReportXMLChecks {
    package static func write(_ reconciled: ReconcileReport, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("checks")
        try xml.attribute("pass", reconciled.summary.pass)
        try xml.attribute("warn", reconciled.summary.warn)
        try xml.attribute("fail", reconciled.summary.fail)
        try xml.attribute("unverified", reconciled.summary.unverified)
        try xml.attribute("allChecks", ChecksCSV.fileName)
        for check in reconciled.checks where check.status != .pass {
            try xml.start("check")
            try xml.attributes(["id": check.id, "rule": check.rule, "status": check.status.rawValue, "table": check.table])
            try xml.attributes(["expected": check.expected, "actual": check.actual, "difference": check.difference,
                                "tolerance": check.tolerance])
            try xml.attribute("lines", check.lines.isEmpty ? nil : check.lines.map { String($0) }.joined(separator: " "))
            try xml.element("location", required: check.location)
            try xml.element("message", check.message)
            try xml.end()
        }
        try xml.end()
    }
}
