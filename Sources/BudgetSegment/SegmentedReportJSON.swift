import BudgetCore

// segment.json's most numerous values write their own JSON (see `JSONDirectEncodable`): the
// members and order of the synthesized `Encodable` conformances in SegmentedReport.swift, nil
// optionals left out. A member added there must be added here too; `JSONDirectEncodingTests`
// fails until it is.

extension SegmentedTable.Row: JSONDirectEncodable {
    package func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"cells\":")
        out.array(cells)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SegmentedTable.Column: JSONDirectEncodable {
    package func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"index\":")
        out.int(index)
        out.raw(",\"path\":")
        out.array(path)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SourceLine: JSONDirectEncodable {
    package func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"text\":")
        out.string(text)
        out.byte(UInt8(ascii: "}"))
    }
}

extension NarrativeBlock: JSONDirectEncodable {
    package func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"kind\":")
        out.string(kind.rawValue)
        out.raw(",\"lines\":")
        out.array(lines)
        out.raw(",\"text\":")
        out.string(text)
        if let level { out.raw(",\"level\":"); out.int(level) }
        if let ordinal { out.raw(",\"ordinal\":"); out.string(ordinal) }
        out.byte(UInt8(ascii: "}"))
    }
}
