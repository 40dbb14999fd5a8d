import BudgetCore
import BudgetNormalize
import BudgetSegment

/// The `<narrative>` and `<lineAccounting>` parts of `report.xml`: the report's headings and
/// paragraphs with the lines they are printed on (segment keeps them), and what every line of the
/// text was read as, so an archive holds the prose as well as the figures it states, and can see
/// that nothing was dropped.
package enum ReportXMLNarrative {
    package static func write(_ blocks: [NarrativeBlock], _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("narrative")
        for block in blocks {
            try xml.start(block.kind == .heading ? "heading" : "paragraph")
            try xml.attribute("lines", block.lines.map { String($0) }.joined(separator: " "))
            try xml.attribute("level", block.level)
            try xml.attribute("ordinal", block.ordinal)
            try xml.text(block.text)
            try xml.end()
        }
        try xml.end()
    }

    /// Each kind's count in `LineKind` order (the schema's), then the lines no rule claimed.
    package static func writeAccounting(_ segmented: SegmentedReport, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("lineAccounting")
        try xml.attribute("lines", segmented.lines)
        for kind in LineKind.allCases {
            guard let count = segmented.counts[kind.rawValue], count > 0 else { continue }
            try xml.start("kind")
            try xml.attribute("name", kind.rawValue)
            try xml.attribute("lines", count)
            try xml.end()
        }
        for line in segmented.unassigned {
            try xml.start("unassigned")
            try xml.attribute("line", line.line)
            try xml.text(line.text)
            try xml.end()
        }
        try xml.end()
    }
}

/// Where each line of the text is in the record, for the checks' `<involves>`: a table's body
/// row, a form's field or a table's note (with the table's id), an entry of the contents, or a
/// heading or paragraph of the narrative. Built once per document, in one pass over each part.
package struct LinePlaces {
    package enum Part: String {
        case row, field, note, contents, narrative
    }

    private var places: [Int: (part: Part, table: String?)] = [:]

    package init(_ normalized: NormalizedReport, narrative: [NarrativeBlock]) {
        for table in normalized.tables {
            for row in table.rows where places[row.line] == nil { places[row.line] = (.row, table.id) }
            for field in table.fields where places[field.line] == nil { places[field.line] = (.field, table.id) }
            for note in table.notes where places[note.line] == nil { places[note.line] = (.note, table.id) }
        }
        for promised in normalized.promisedTables where places[promised.line] == nil { places[promised.line] = (.contents, nil) }
        for block in narrative {
            for line in block.lines where places[line] == nil { places[line] = (.narrative, nil) }
        }
    }

    package func place(of line: Int) -> (part: Part, table: String?)? { places[line] }
}
