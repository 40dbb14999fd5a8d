import BudgetCore

/// The `<provenance>` part of `report.xml`, after PREMIS: the software agent, where each page of
/// the text begins (`<pages starts>`, the one record of the pages: each table, row, field, claim
/// and involved line carries the page this list gives it), and one event per stage with its
/// outcome and a sentence on what it found. No event carries a time: the same
/// input and version must give the same document (times are in the pipeline's `manifest.json`).
/// It comes last so that the export event can state how many characters the document replaced.
package enum ReportXMLProvenance {
    package static func write(_ input: ReportXML.Input, replacedCharacters: Int, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("provenance")
        try xml.start("agent")
        try xml.attribute("role", "software")
        try xml.attribute("name", "budget-etl")
        try xml.attribute("version", PipelineVersion.current)
        try xml.end()
        let pageStarts = input.segmented.pageStarts
        if !pageStarts.isEmpty {
            try xml.start("pages")
            try xml.attribute("starts", pageStarts.map { String($0) }.joined(separator: " "))
            try xml.end()
        }
        for (type, outcome, detail) in events(input, replacedCharacters: replacedCharacters) {
            try xml.start("event")
            try xml.attribute("type", type)
            try xml.attribute("outcome", outcome)
            try xml.text(detail)
            try xml.end()
        }
        try xml.end()
    }

    package static func events(_ input: ReportXML.Input, replacedCharacters: Int) -> [(String, String, String)] {
        let extract = input.extract
        let normalized = input.normalized
        let summary = input.reconciled.summary
        let grids = normalized.tables.filter { $0.parentId != nil }.count
        let rows = normalized.tables.reduce(0) { $0 + $1.rows.count }
        // Counted with each row's cells read in place: a row handed to a closure is a copy.
        var values = 0
        for table in normalized.tables {
            for row in table.rows.indices {
                for cell in table.rows[row].cells where cell.value != nil { values += 1 }
            }
        }
        let missing = normalized.missingTables
        let checks = input.reconciled.checks.count
        return [
            ("extracted", "success",
             "\(extract.source.file) (\(extract.source.size) bytes) decoded from \(extract.encoding.rawValue)"
                + (extract.byteOrderMark ? " with a byte-order mark" : "")
                + ": \(extract.lines) lines, \(extract.pages == 1 ? "1 page" : "\(extract.pages) pages"), line endings \(extract.lineEndings.style), "
                + "\(extract.removedControlCharacters.total) control characters removed."),
            ("segmented", missing.isEmpty ? "success" : "warning",
             "\(normalized.tables.count - grids) tables and \(grids) form grids found; the contents promise "
                + "\(normalized.promisedTables.count) tables"
                + (missing.isEmpty ? ", all found." : "; not found: \(missing.map { "表 \($0)" }.joined(separator: ", ")).")),
            ("normalized", normalized.diagnostics.isEmpty ? "success" : "warning",
             "\(rows) rows with \(values) exact values, \(normalized.claims.count) narrative claims; "
                + "\(normalized.diagnostics.count) cells or metadata could not be read."),
            ("reconciled", summary.fail > 0 ? "failure" : summary.warn > 0 ? "warning" : "success",
             "\(checks) checks: \(summary.pass) passed, \(summary.warn) warned, \(summary.fail) failed, "
                + "\(summary.unverified) unverified."),
            ("exported", "success",
             "\(input.factCount) facts in facts.csv; this document validated against budget-report.xsd "
                + "(schema version \(ReportSchema.version)) before it was published; \(replacedCharacters) characters "
                + "not allowed in XML 1.0 replaced by their control pictures."),
        ]
    }
}
