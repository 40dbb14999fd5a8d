import BudgetCore

// segment.json's most numerous values write their own JSON (see `JSONDirectEncodable`): the
// members and order of the synthesized `Encodable` conformances in SegmentedReport.swift, nil
// optionals left out. A member added there must be added here too; `JSONDirectEncodingTests`
// fails until it is.

extension SegmentedTable.Row: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"cells\":")
        out.array(cells)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SegmentedTable.Column: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"index\":")
        out.int(index)
        out.raw(",\"path\":")
        out.array(path)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SourceLine: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"text\":")
        out.string(text)
        out.byte(UInt8(ascii: "}"))
    }
}

extension NarrativeBlock: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
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

// A table as a whole, so that one dynamic cast per table finds its writer, not one per member.
extension SegmentedTable: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"id\":")
        out.string(id)
        if let kind { out.raw(",\"kind\":"); out.string(kind) }
        if let label { out.raw(",\"label\":"); out.string(label) }
        out.raw(",\"layout\":")
        out.string(layout.rawValue)
        if let caption { out.raw(",\"caption\":"); caption.writeJSON(to: &out) }
        if let title { out.raw(",\"title\":"); title.writeJSON(to: &out) }
        if let unitName { out.raw(",\"unitName\":"); unitName.writeJSON(to: &out) }
        if let amountUnit { out.raw(",\"amountUnit\":"); out.string(amountUnit) }
        if let amountUnitLine { out.raw(",\"amountUnitLine\":"); out.int(amountUnitLine) }
        out.raw(",\"columns\":")
        out.array(columns)
        out.raw(",\"headerRows\":")
        out.array(headerRows)
        out.raw(",\"repeatedHeaderRows\":")
        out.array(repeatedHeaderRows)
        out.raw(",\"rows\":")
        out.array(rows)
        out.raw(",\"sections\":")
        out.array(sections)
        out.raw(",\"notes\":")
        out.array(notes)
        out.raw(",\"empty\":")
        out.bool(empty)
        out.raw(",\"fields\":")
        out.array(fields)
        out.raw(",\"grids\":")
        out.array(grids)
        out.raw(",\"realignedRows\":")
        out.array(realignedRows)
        if let joinedCodes { out.raw(",\"joinedCodes\":"); out.array(joinedCodes) }
        out.raw(",\"diagnostics\":")
        out.array(diagnostics)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SegmentedTable.Section: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"name\":")
        out.string(name)
        out.raw(",\"columns\":")
        out.array(columns)
        out.raw(",\"rows\":")
        out.array(rows)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SegmentedTable.Field: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"label\":")
        out.string(label)
        out.raw(",\"value\":")
        out.string(value)
        if let paragraphs { out.raw(",\"paragraphs\":"); out.array(paragraphs) }
        out.byte(UInt8(ascii: "}"))
    }
}

extension SegmentedTable.JoinedCode: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"parts\":")
        out.array(parts)
        out.byte(UInt8(ascii: "}"))
    }
}

extension SegmentedTable.Realignment: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"shift\":")
        out.int(shift)
        out.byte(UInt8(ascii: "}"))
    }
}

extension Diagnostic: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"lines\":")
        out.array(lines)
        out.raw(",\"message\":")
        out.string(message)
        out.byte(UInt8(ascii: "}"))
    }
}
