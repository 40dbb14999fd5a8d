import BudgetCore

/// `segment.json` written with `JSONWriter` (it is the largest intermediate file). Keys are the
/// property names, so `JSONDecoder` reads it back through the synthesized `Decodable`.
extension SegmentedReport: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("lines", lines)
            json.key("counts")
            json.object { json in
                for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
                    json.key(kind)
                    json.int(count)
                }
            }
            json.member("unassigned", unassigned)
            json.member("contents", contents)
            json.member("missingTables", strings: missingTables)
            json.member("tables", tables)
            json.member("narrative", narrative)
            json.member("notes", notes)
            json.member("pageMarks", ints: pageMarks)
            json.member("diagnostics", diagnostics)
        }
    }
}

extension SourceLine: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("text", text)
        }
    }
}

extension ContentsEntry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("text", text)
            json.member("tableId", tableId)
            json.member("title", title)
        }
    }
}

extension Diagnostic: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("lines", ints: lines)
            json.member("message", message)
        }
    }
}

extension NarrativeBlock: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("kind", kind.rawValue)
            json.member("lines", ints: lines)
            json.member("text", text)
            json.member("level", level)
            json.member("ordinal", ordinal)
        }
    }
}

extension SegmentedTable: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("kind", kind)
            json.member("label", label)
            json.member("layout", layout.rawValue)
            json.member("caption", caption)
            json.member("title", title)
            json.member("unitName", unitName)
            json.member("amountUnit", amountUnit)
            json.member("amountUnitLine", amountUnitLine)
            json.member("columns", columns)
            json.member("headerRows", headerRows)
            json.member("repeatedHeaderRows", repeatedHeaderRows)
            json.member("rows", rows)
            json.member("sections", sections)
            json.member("notes", notes)
            json.member("empty", empty)
            json.member("fields", fields)
            json.member("grids", grids)
            json.member("realignedRows", realignedRows)
            json.member("diagnostics", diagnostics)
        }
    }
}

extension SegmentedTable.Column: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("index", index)
            json.member("path", strings: path)
        }
    }
}

extension SegmentedTable.Row: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("cells", strings: cells)
        }
    }
}

extension SegmentedTable.Section: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("name", name)
            json.member("columns", ints: columns)
            json.member("rows", ints: rows)
        }
    }
}

extension SegmentedTable.Field: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("label", label)
            json.member("value", value)
            if let paragraphs { json.member("paragraphs", strings: paragraphs) }
        }
    }
}

extension SegmentedTable.Realignment: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("shift", shift)
        }
    }
}
