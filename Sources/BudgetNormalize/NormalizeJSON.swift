import Foundation
import BudgetCore

/// `normalize.json` written with `JSONWriter`; read back through the synthesized `Decodable`.
extension NormalizedReport: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("metadata", metadata)
            json.member("tables", tables)
            json.member("claims", claims)
            json.member("promisedTables", promisedTables)
            json.member("missingTables", strings: missingTables)
            json.member("repeatedTables", repeatedTables)
            json.member("diagnostics", diagnostics)
        }
    }
}

extension ReportMetadata: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("title", title)
            json.member("unitName", unitName)
            json.member("fiscalYear", fiscalYear)
            json.member("kind", kind?.rawValue)
            json.member("amountUnit", amountUnit)
            json.key("sourceLines")
            json.object { json in
                for (key, line) in sourceLines.sorted(by: { $0.key < $1.key }) {
                    json.key(key)
                    json.int(line)
                }
            }
        }
    }
}

extension RepeatedTable: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("line", line)
            json.member("repeats", repeats)
            json.member("repeatsLine", repeatsLine)
        }
    }
}

extension PromisedTable: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("title", title)
            json.member("line", line)
        }
    }
}

extension NormalizedTable: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("kind", kind)
            json.member("title", title)
            json.member("layout", layout.rawValue)
            json.member("parentId", parentId)
            json.member("line", line)
            json.member("amountUnit", amountUnit)
            json.member("unitName", unitName)
            json.member("columns", columns)
            json.member("rows", rows)
            json.member("fields", fields)
            json.member("notes", notes)
            json.member("empty", empty)
        }
    }
}

extension NormalizedColumn: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("index", index)
            json.member("path", strings: path)
            json.member("role", role.rawValue)
            json.member("section", section)
        }
    }
}

extension NormalizedRow: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("number", number)
            json.member("line", line)
            json.member("section", section)
            json.member("code", code)
            json.member("codeScheme", codeScheme?.rawValue)
            json.member("level", level)
            json.member("parent", parent)
            json.member("item", item)
            json.member("printedItem", printedItem)
            json.member("itemColumn", itemColumn)
            json.member("itemSource", itemSource)
            json.member("ordinal", ordinal)
            json.member("isTotal", isTotal)
            json.member("cells", cells)
        }
    }
}

extension NormalizedCell: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("column", column)
            json.member("raw", raw)
            json.member("value", value?.description)
            json.member("unit", unit)
            json.member("qualifier", qualifier)
            json.member("blank", blank)
        }
    }
}

extension NormalizedField: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("label", label)
            json.member("value", value)
            json.member("amount", amount?.description)
            json.member("unit", unit)
            if let paragraphs { json.member("paragraphs", strings: paragraphs) }
        }
    }
}

extension NormalizeDiagnostic: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("table", table)
            json.member("row", row)
            json.member("column", column)
            json.member("text", text)
            json.member("message", message)
        }
    }
}

extension NarrativeClaim: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("line", line)
            json.member("sentence", sentence)
            json.member("subject", subject)
            json.member("amount", amount)
            json.member("year", year)
            json.member("comparison", comparison)
            json.member("share", share)
            json.member("measure", measure)
        }
    }
}

extension ClaimSubject: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("category", category.rawValue)
            json.member("label", label)
            if let classification { json.member("classification", strings: classification) }
        }
    }
}

extension ClaimValue: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("raw", raw)
            json.member("value", value.description)
            json.member("unit", unit)
        }
    }
}

extension ClaimComparison: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("year", year)
            json.member("direction", direction.rawValue)
            json.member("change", change)
            json.member("percent", percent)
        }
    }
}
