import BudgetCore

/// `render.xsl`'s tables: the contents' list, then each table as printed (its header paths, one
/// HTML row per printed line, cells in the columns' order, lines a finding involves highlighted
/// and linked to it), a form's fields and a table's notes.
extension ReportPage {
    /// `name="tables"`.
    mutating func tables() {
        out.element(.h2, ["id": "tables"], text: "表格")
        out.element(.p, text: "目录列出的表：")
        out.start(.ul)
        let promised = root.all("contents", "promisedTable")
        for table in promised {
            let id = table["id"] ?? ""
            let name = "表\(id)\u{A0}\(table.stringValue)"
            out.start(.li, ["id": "L\(table["line"] ?? "")"])
            if table["missing"] == "true" {
                out.element(.span, ["class": "fail-text"], text: "\(name)（正文中没有）")
            } else if let tableID = table["id"], index.hasTable(tableID) {
                out.element(.a, ["href": "#t-\(id)"], text: name)
            } else {
                out.text(name)
            }
            out.element(.span, ["class": "line"], text: " 第\(table["line"] ?? "")行")
            out.end()
        }
        out.end()
        if promised.isEmpty { out.element(.p, ["class": "muted"], text: "报告没有目录。") }
        for table in root.all("tables", "table") { self.table(table) }
    }

    /// The columns of a table as `match="b:table"` works them out once: the code column's index
    /// (`$codeColumn`), whether it is column 0 (`$offset`), whether the columns are numbered 0, 1,
    /// 2, … in order with the code column, if any, first (`$plain`), and whether a finding
    /// involves any of the table's lines (`$flagged`).
    struct Columns {
        let columns: [ReportElement]
        let code: String
        let offset: Int
        let plain: Bool
        let flagged: Bool
    }

    /// `match="b:table"`.
    private mutating func table(_ table: ReportElement) {
        let columns = table.all("columns", "column")
        let code = columns.first { $0["role"] == "code" }?["index"] ?? ""
        let plain = (code == "" || code == "0") && columns.enumerated().allSatisfy { ExactString.same($0.element["index"], String($0.offset)) }
        let rows = table.all("rows", "row")
        let flagged = index.anyFindings && index.anyFindings(anyOf: rows.compactMap { $0["line"] })
        let layout = Columns(columns: columns, code: code, offset: code == "0" ? 1 : 0, plain: plain, flagged: flagged)
        let id = table["id"] ?? ""
        out.element(.h3, ["id": "t-\(id)"], text: "表\(id)\u{A0}\(table.value("title"))")
        out.start(.p, ["class": "muted"])
        out.text("第\(table["line"] ?? "")行")
        if let page = table["page"] { out.text("（第\(page)页）") }
        if let parent = table["parent"] {
            out.text("，属于表单 ")
            out.element(.a, ["href": "#t-\(parent)"], text: "表\(parent)")
        }
        if let unit = table.first("unitName") { out.text("，\(unit.stringValue)") }
        if let unit = table["amountUnit"] { out.text("，金额单位：\(unit)") }
        if table["empty"] == "true" { out.text("；表中没有数据行") }
        out.end()
        if !columns.isEmpty {
            out.start(.div, ["class": "scroll"])
            out.start(.table)
            out.start(.tr)
            for column in columns {
                out.start(.th, ["class": column["role"] == "amount" ? "amount" : nil])
                for (position, header) in column.children("header").enumerated() {
                    if position > 0 { out.start(.br) }
                    out.text(header.stringValue)
                }
                out.end()
            }
            out.end()
            if table["layout"] == "paired" {
                // One HTML row per printed line: the first row of each line's group, by line.
                let firsts = rows.filter { index.rowsOnLine(of: $0, in: table).first == $0 }
                for row in Self.sortedByLine(firsts) { printedRow(index.rowsOnLine(of: row, in: table), layout) }
            } else {
                for row in rows { printedRow([row], layout) }
            }
            out.end()
            out.end()
        }
        if table.has("fields") { fields(table) }
        for note in table.all("notes", "note") {
            out.element(.p, ["class": "muted", "id": "L\(note["line"] ?? "")"], text: note.stringValue)
        }
    }

    /// `xsl:sort select="@line" data-type="number"`: stable, and what is not a number first.
    private static func sortedByLine(_ rows: [ReportElement]) -> [ReportElement] {
        let keyed = rows.enumerated().map { (offset: $0.offset, line: ReportPageXPath.number($0.element["line"]), row: $0.element) }
        return keyed.sorted { left, right in
            if left.line.isNaN != right.line.isNaN { return left.line.isNaN }
            if !left.line.isNaN && left.line != right.line { return left.line < right.line }
            return left.offset < right.offset
        }.map(\.row)
    }

    /// The fields of a form, one row each.
    private mutating func fields(_ table: ReportElement) {
        out.start(.table)
        for fields in table.children("fields") {
            var previous: ReportElement?
            for field in fields.children("field") {
                defer { previous = field }
                let findings = index.findings(field["line"])
                // Several fields may share a printed line; the first carries its anchor.
                let sharesLine = ExactString.same(previous?["line"], field["line"])
                out.start(.tr, ["id": sharesLine ? nil : "L\(field["line"] ?? "")", "class": Self.worst(findings)])
                out.start(.th)
                flags(findings)
                out.text(field["label"] ?? "")
                out.end()
                out.start(.td)
                let paragraphs = field.children("paragraph")
                if paragraphs.isEmpty {
                    out.text(field.value("value"))
                } else {
                    for paragraph in paragraphs { out.element(.p, text: paragraph.stringValue) }
                }
                if let amount = field["amount"] { out.element(.span, ["class": "muted"], text: "（\(amount)\u{A0}\(field["unit"] ?? "")）") }
                out.end()
                out.end()
            }
        }
        out.end()
    }

    /// `name="printed-row"`: one printed line (`line`: its rows, two for a paired table's sides),
    /// the short way when the columns are plain, no finding involves the line and its items and
    /// cells sit in consecutive columns; `any-printed-row` otherwise.
    private mutating func printedRow(_ line: [ReportElement], _ layout: Columns) {
        // Appended into one array sized once (a `flatMap` of `map`s made two arrays a row).
        var children: [(row: ReportElement, element: ReportElement)] = []
        children.reserveCapacity(8)
        for row in line {
            for child in row.children { children.append((row, child)) }
        }
        let first = ReportPageXPath.number(line.lazy.compactMap { $0.children.first?["column"] }.first)
        let consecutive = children.enumerated().allSatisfy { position, child in
            ExactString.same(child.element["column"], ReportPageXPath.string(Double(position) + first))
        }
        guard layout.plain, first >= Double(layout.offset), first + Double(children.count) <= Double(layout.columns.count), consecutive,
              !(layout.flagged && !index.findings(line.first?["line"]).isEmpty) else {
            anyPrintedRow(line, children, layout)
            return
        }
        let total = line.contains { $0["total"] == "true" }
        out.start(.tr, ["id": "L\(line.first?["line"] ?? "")", "class": total ? "total " : nil])
        for position in layout.columns.indices where Double(position + 1) <= first {
            out.element(.td, text: position == 0 && layout.offset != 0 ? Self.code(line) : "")
        }
        for (row, child) in children {
            if child.name == "item" {
                let level = row["level"]
                let indented = level.map { ReportPageXPath.number($0) > 1 } ?? false
                out.element(.td, ["title": child["printed"] ?? "", "class": indented ? "lv\(level ?? "")" : nil], text: child.stringValue)
            } else if let value = child["value"] {
                out.element(.td, ["class": "amount", "title": "\(value)\u{A0}\(child["unit"] ?? "")"], text: child.stringValue)
            } else {
                out.element(.td, text: child.stringValue)
            }
        }
        for position in layout.columns.indices where Double(position + 1) > first + Double(children.count) {
            out.element(.td, text: "")
        }
        out.end()
    }

    /// `name="any-printed-row"`: each column looked up among the line's items and cells.
    private mutating func anyPrintedRow(_ line: [ReportElement], _ children: [(row: ReportElement, element: ReportElement)], _ layout: Columns) {
        let findings = index.findings(line.first?["line"])
        let total = line.contains { $0["total"] == "true" }
        let highlight = findings.isEmpty && !total ? nil : (total ? "total " : "") + (Self.worst(findings) ?? "")
        out.start(.tr, ["id": "L\(line.first?["line"] ?? "")", "class": highlight])
        // Each child's column read once. A line has a few children: each column looks through
        // them all, where a dictionary of them by column (every key hashed, an array a column,
        // filtered twice) cost more than writing the row.
        let childColumns = children.map { $0.element["column"] }
        for (position, column) in layout.columns.enumerated() {
            let index = column["index"]
            let isCode = ExactString.same(index, layout.code)
            // The line's items and cells in this column, in document order.
            var items: [(row: ReportElement, element: ReportElement)] = []
            var cells: [ReportElement] = []
            for (child, childColumn) in zip(children, childColumns) where ExactString.same(childColumn, index) {
                if child.element.name == "item" {
                    items.append(child)
                } else if child.element.name == "cell" {
                    cells.append(child.element)
                }
            }
            if isCode {
                out.start(.td)
            } else if !items.isEmpty {
                let title = items.lazy.compactMap { $0.element["printed"] }.first ?? ""
                var rows: [ReportElement] = []
                for (row, _) in items where !rows.contains(where: { $0 == row }) { rows.append(row) }
                let indented = rows.contains { $0["level"].map { ReportPageXPath.number($0) > 1 } ?? false }
                let level = rows.lazy.compactMap { $0["level"] }.first ?? ""
                out.start(.td, ["title": title, "class": indented ? "lv\(level)" : nil])
            } else if cells.contains(where: { $0["value"] != nil }) {
                let value = cells.lazy.compactMap { $0["value"] }.first ?? ""
                let unit = cells.lazy.compactMap { $0["unit"] }.first ?? ""
                out.start(.td, ["class": "amount", "title": "\(value)\u{A0}\(unit)"])
            } else {
                out.start(.td)
            }
            if !findings.isEmpty && position == 0 { flags(findings) }
            if isCode {
                out.text(Self.code(line))
            } else if let item = items.first {
                out.text(item.element.stringValue)
            } else {
                out.text(cells.first?.stringValue ?? "")
            }
            out.end()
        }
        out.end()
    }

    /// `$line/@code`: the code of the line's first row that has one.
    private static func code(_ line: [ReportElement]) -> String {
        line.lazy.compactMap { $0["code"] }.first ?? ""
    }
}
