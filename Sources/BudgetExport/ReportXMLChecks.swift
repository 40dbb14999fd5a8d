import BudgetCore
import BudgetReconcile

/// The `<checks>` part of `report.xml`: the reconcile stage's summary and every check with its
/// exact amounts, the source lines involved and its message.
package enum ReportXMLChecks {
    package static func write(_ reconciled: ReconcileReport, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("checks")
        try xml.attribute("pass", reconciled.summary.pass)
        try xml.attribute("warn", reconciled.summary.warn)
        try xml.attribute("fail", reconciled.summary.fail)
        for check in reconciled.checks {
            try xml.start("check")
            try xml.attribute("id", check.id)
            try xml.attribute("rule", check.rule)
            try xml.attribute("status", check.status.rawValue)
            try xml.attribute("table", check.table)
            try xml.attribute("expected", check.expected)
            try xml.attribute("actual", check.actual)
            try xml.attribute("difference", check.difference)
            try xml.attribute("tolerance", check.tolerance)
            try xml.attribute("lines", check.lines.isEmpty ? nil : check.lines.map { String($0) }.joined(separator: " "))
            try xml.element("location", required: check.location)
            try xml.element("message", check.message)
            try xml.end()
        }
        try xml.end()
    }
}
