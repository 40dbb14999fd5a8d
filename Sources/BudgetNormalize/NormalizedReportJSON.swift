import BudgetCore

// normalize.json's most numerous values write their own JSON (see `JSONDirectEncodable`): the
// members and order of the synthesized `Encodable` conformances in NormalizedReport.swift, nil
// optionals and usual `@OmittedWhenDefault` values left out. A member added there must be
// added here too; `JSONDirectEncodingTests` fails until it is.

extension NormalizedRow: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"number\":")
        out.int(number)
        out.raw(",\"line\":")
        out.int(line)
        if let section { out.raw(",\"section\":"); out.string(section) }
        if let group { out.raw(",\"group\":"); out.string(group) }
        if let code { out.raw(",\"code\":"); out.string(code) }
        if let codeScheme { out.raw(",\"codeScheme\":"); out.string(codeScheme.rawValue) }
        if let level { out.raw(",\"level\":"); out.int(level) }
        if let parent { out.raw(",\"parent\":"); out.string(parent) }
        if let item { out.raw(",\"item\":"); out.string(item) }
        if let printedItem { out.raw(",\"printedItem\":"); out.string(printedItem) }
        if let itemColumn { out.raw(",\"itemColumn\":"); out.int(itemColumn) }
        if let itemSource { out.raw(",\"itemSource\":"); out.string(itemSource) }
        if let ordinal { out.raw(",\"ordinal\":"); out.string(ordinal) }
        if isTotal { out.raw(",\"isTotal\":true") }
        out.raw(",\"cells\":")
        out.array(cells)
        out.byte(UInt8(ascii: "}"))
    }
}

extension NormalizedCell: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"column\":")
        out.int(column)
        if !raw.isEmpty { out.raw(",\"raw\":"); out.string(raw) }
        if let value { out.raw(",\"value\":"); out.decimal(value) }
        if let unit { out.raw(",\"unit\":"); out.string(unit) }
        if let qualifier { out.raw(",\"qualifier\":"); out.string(qualifier) }
        if blank { out.raw(",\"blank\":true") }
        out.byte(UInt8(ascii: "}"))
    }
}

extension NormalizedColumn: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"index\":")
        out.int(index)
        out.raw(",\"path\":")
        out.array(path)
        out.raw(",\"role\":")
        out.string(role.rawValue)
        if let section { out.raw(",\"section\":"); out.string(section) }
        if let phase { out.raw(",\"phase\":"); out.string(phase) }
        out.byte(UInt8(ascii: "}"))
    }
}

// A table as a whole, so that one dynamic cast per table finds its writer, not one per member.
extension NormalizedTable: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"id\":")
        out.string(id)
        if let kind { out.raw(",\"kind\":"); out.string(kind) }
        out.raw(",\"title\":")
        out.string(title)
        out.raw(",\"layout\":")
        out.string(layout.rawValue)
        if let parentId { out.raw(",\"parentId\":"); out.string(parentId) }
        if let project { out.raw(",\"project\":"); out.string(project) }
        out.raw(",\"line\":")
        out.int(line)
        if let amountUnit { out.raw(",\"amountUnit\":"); out.string(amountUnit) }
        if let unitName { out.raw(",\"unitName\":"); out.string(unitName) }
        out.raw(",\"columns\":")
        out.array(columns)
        out.raw(",\"rows\":")
        out.array(rows)
        out.raw(",\"fields\":")
        out.array(fields)
        out.raw(",\"notes\":")
        out.array(notes)
        if empty { out.raw(",\"empty\":true") }
        out.byte(UInt8(ascii: "}"))
    }
}

extension NormalizedField: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"label\":")
        out.string(label)
        out.raw(",\"value\":")
        out.string(value)
        if let amount { out.raw(",\"amount\":"); out.decimal(amount) }
        if let unit { out.raw(",\"unit\":"); out.string(unit) }
        if let paragraphs { out.raw(",\"paragraphs\":"); out.array(paragraphs) }
        out.byte(UInt8(ascii: "}"))
    }
}

// The narrative's claims: one or two per figure the prose prints.
extension NarrativeClaim: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"line\":")
        out.int(line)
        out.raw(",\"sentence\":")
        out.string(sentence)
        out.raw(",\"subject\":")
        subject.writeJSON(to: &out)
        out.raw(",\"amount\":")
        amount.writeJSON(to: &out)
        if let year { out.raw(",\"year\":"); out.int(year) }
        if let comparison { out.raw(",\"comparison\":"); comparison.writeJSON(to: &out) }
        if let share { out.raw(",\"share\":"); share.writeJSON(to: &out) }
        if let measure { out.raw(",\"measure\":"); out.string(measure) }
        if let phase { out.raw(",\"phase\":"); out.string(phase) }
        if let partOf { out.raw(",\"partOf\":"); out.int(partOf) }
        if statesNone { out.raw(",\"statesNone\":true") }
        out.byte(UInt8(ascii: "}"))
    }
}

extension ClaimValue: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"raw\":")
        out.string(raw)
        out.raw(",\"value\":")
        out.decimal(value)
        out.raw(",\"unit\":")
        out.string(unit)
        out.byte(UInt8(ascii: "}"))
    }
}

extension ClaimComparison: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.byte(UInt8(ascii: "{"))
        // `year` may be left out, so the first member written puts no comma before it.
        if let year { out.raw("\"year\":"); out.int(year); out.byte(UInt8(ascii: ",")) }
        out.raw("\"direction\":")
        out.string(direction.rawValue)
        if let change { out.raw(",\"change\":"); change.writeJSON(to: &out) }
        if let percent { out.raw(",\"percent\":"); percent.writeJSON(to: &out) }
        out.byte(UInt8(ascii: "}"))
    }
}

extension ClaimSubject: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"category\":")
        out.string(category.rawValue)
        out.raw(",\"label\":")
        out.string(label)
        if let classification { out.raw(",\"classification\":"); out.array(classification) }
        out.byte(UInt8(ascii: "}"))
    }
}
