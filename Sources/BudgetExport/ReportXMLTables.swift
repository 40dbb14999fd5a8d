import BudgetCore
import BudgetNormalize
import BudgetSegment

/// The `<tables>` part of `report.xml`: each table with its columns (header path levels), rows
/// (code, scheme, level, parent, label cleaned and as printed) and cells (printed text, exact
/// value, unit), a form's fields and a table's notes. A table, each row and each field carry the
/// page they are printed on (when the text marks pages), so a reader finds them in the PDF
/// without working it out from the page starts in `<provenance>`.
package enum ReportXMLTables {
    package static func write(_ tables: [NormalizedTable], pages: PageIndex, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("tables")
        try xml.attribute("count", tables.count)
        for table in tables { try write(table, printed: PrintedRows(table: table), pages: pages, xml) }
        try xml.end()
    }

    private static func write(_ table: NormalizedTable, printed: PrintedRows, pages: PageIndex, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("table")
        try xml.attributes(["id": table.id, "kind": table.kind, "layout": table.layout.rawValue, "parent": table.parentId])
        try xml.attribute("line", table.line)
        try xml.attribute("page", pages.page(of: table.line))
        try xml.attribute("amountUnit", table.amountUnit)
        try xml.attribute("empty", table.empty)
        try xml.element("title", required: table.title)
        try xml.element("unitName", table.unitName)
        try xml.start("columns")
        for column in table.columns {
            try xml.start("column")
            try xml.attribute("index", column.index)
            try xml.attribute("role", column.role.rawValue)
            try xml.attribute("section", column.section)
            try xml.attribute("phase", column.phase)
            for level in column.path { try xml.element("header", required: level) }
            try xml.end()
        }
        try xml.end()
        try xml.start("rows")
        for row in table.rows { try write(row, itemColumn: printed.itemColumn(of: row), page: pages.page(of: row.line), xml) }
        try xml.end()
        if !table.fields.isEmpty {
            try xml.start("fields")
            for field in table.fields { try write(field, page: pages.page(of: field.line), xml) }
            try xml.end()
        }
        if !table.notes.isEmpty {
            try xml.start("notes")
            for note in table.notes {
                try xml.start("note")
                try xml.attribute("line", note.line)
                try xml.text(note.text)
                try xml.end()
            }
            try xml.end()
        }
        try xml.end()
    }

    private static func write(_ row: NormalizedRow, itemColumn: Int?, page: Int?, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("row")
        try xml.attribute("number", row.number)
        try xml.attribute("line", row.line)
        try xml.attribute("page", page)
        try xml.attribute("section", row.section)
        try xml.attribute("code", row.code)
        try xml.attribute("codeScheme", row.codeScheme?.rawValue)
        try xml.attribute("level", row.level)
        try xml.attribute("parent", row.parent)
        try xml.attribute("total", whenTrue: row.isTotal)
        if row.item != nil || row.printedItem != nil {
            try xml.start("item")
            try xml.attribute("column", itemColumn)
            try xml.attribute("printed", row.printedItem)
            try xml.attribute("ordinal", row.ordinal)
            try xml.attribute("source", row.itemSource)
            try xml.text(row.item ?? "")
            try xml.end()
        }
        // Each cell read in place (see `ChecksCSV.write`).
        let cells = row.cells
        for index in cells.indices {
            try xml.start("cell")
            try xml.attribute("column", cells[index].column)
            try xml.attribute("value", cells[index].value)
            try xml.attribute("unit", cells[index].unit)
            try xml.attribute("qualifier", cells[index].qualifier)
            try xml.attribute("blank", whenTrue: cells[index].blank)
            try xml.text(cells[index].raw)
            try xml.end()
        }
        try xml.end()
    }

    private static func write(_ field: NormalizedField, page: Int?, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("field")
        try xml.attribute("line", field.line)
        try xml.attribute("page", page)
        try xml.attribute("label", required: field.label)
        try xml.attribute("amount", field.amount)
        try xml.attribute("unit", field.unit)
        try xml.element("value", required: field.value)
        for paragraph in field.paragraphs ?? [] { try xml.element("paragraph", required: paragraph) }
        try xml.end()
    }
}
