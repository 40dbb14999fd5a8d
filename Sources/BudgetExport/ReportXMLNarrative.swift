import BudgetCore
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
