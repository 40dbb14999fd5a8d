import BudgetCore

/// Builds a table whose header an extractor garbled, from a header template of its kind
/// (`headers` in `table-kinds.json`). Some extractors print a merged header label once over
/// the columns it covers, wrap a label onto a line of its own (`机关运行经费预算` / `数`) or put
/// two labels in one cell (`编码 经济分类科目名称`): the header rows cannot be read cell by cell.
/// A template names the columns of one template of report (Shanghai's 支出预算总表); it is used
/// only when every one of its labels is printed in the table's header lines, and it has a
/// column for every cell of the body rows (but a tenth of them, which keep their extra cells and
/// are reported), so a template never names what the report does not print. The body is read as printed, codes in split columns joined (`SplitCodes`), and rows
/// that lost their empty cells put back in their columns (a total row without a code; a paired
/// row without its income side, `PairedRows`).
package struct HeaderTemplates {
    package typealias Row = SegmentedTable.Row

    /// Header words of split code columns (`类`, `款`, `项`).
    package let codeParts: [String]

    /// The table built from the first matching template of `kind`, or nil when none matches.
    /// `placed`: lines whose cells already stand in their columns (space-aligned text,
    /// `AlignedColumns`), kept there when they fit the template.
    package func build(_ input: [Row], kind: TableKinds.Kind, placed: Set<Int> = []) -> GridBuilder.Result? {
        guard let templates = kind.headers, !templates.isEmpty, kind.layout != .form, !input.isEmpty else { return nil }
        let splitCodes = SplitCodes(parts: codeParts)
        // The header is everything down to the row of code parts (`类 | 款 | 项`, or its names
        // one to a line), or else to the first row of data.
        let firstData = input.firstIndex { GridBuilder.looksLikeData($0.cells) } ?? input.count
        let partsRow = input.firstIndex { splitCodes.leadingParts($0.cells) > 0 }
        let stacked = partsRow == nil ? splitCodes.stackedParts(input, before: firstData) : nil
        let headerEnd = (partsRow ?? stacked?.index).map { $0 + 1 } ?? firstData
        guard headerEnd > 0 else { return nil }
        let header = Array(input[..<headerEnd])
        let headerKey = TextKey.of(header.flatMap(\.cells).concatenated())
        let headerCells = Set(header.flatMap(\.cells).map(TextKey.of).filter { !$0.isEmpty }.map(ExactString.init))
        // The templates whose every label the header prints, in their order: most tables have
        // none, and are left before their body is read.
        let printedTemplates = templates.filter { template in
            template.allSatisfy { path in !path.isEmpty && path.allSatisfy { Self.printed(TextKey.of($0), in: headerKey, cells: headerCells) } }
        }
        guard !printedTemplates.isEmpty else { return nil }

        // Header lines printed again on the next page are not data.
        let headerLines = Set(header.map { ExactString(TextKey.of($0.cells.concatenated())) })
        var body: [Row] = []
        var repeated: [Row] = []
        for row in input[headerEnd...] {
            if headerLines.contains(ExactString(TextKey.of(row.cells.concatenated()))) { repeated.append(row) } else { body.append(row) }
        }
        var joined: [SegmentedTable.JoinedCode] = []
        if let slots = partsRow.map({ splitCodes.leadingParts(input[$0].cells) }) ?? stacked?.count {
            (body, joined) = splitCodes.join(body, slots: slots)
        }
        // A row or two of many may print more cells than the template has columns (a code part the
        // PDF's text garbled, `301 | 2`, is not joined): those rows are kept as printed, and
        // normalize reports their extra cells; a template narrower than more rows is not this one.
        let widths = body.map { GridBuilder.contentLength($0.cells) }
        guard let template = printedTemplates.first(where: { template in widths.count { $0 > template.count } <= widths.count / 10 }) else {
            return nil
        }

        var result = GridBuilder.Result(layout: kind.layout)
        let width = template.count
        result.columns = template.enumerated().map { SegmentedTable.Column(index: $0.offset, path: $0.element) }
        result.headerRows = header
        result.repeatedHeaderRows = repeated
        result.joinedCodes = joined
        if kind.layout == .paired {
            let sides = Self.sides(of: template)
            var placer = PairedRows(sides: sides, width: width)
            let items = Set(sides.map(\.item)), amounts = Set(sides.flatMap(\.amounts))
            result.rows = body.map { row in
                let standing = placed.contains(row.line) && row.cells.count <= width && row.cells.indices.allSatisfy { index in
                    TextPatterns.isBlank(row.cells[index])
                        || (TextPatterns.isAmount(row.cells[index]) ? amounts.contains(index) : items.contains(index))
                }
                return standing ? Row(line: row.line, cells: GridBuilder.padded(row.cells, to: width))
                    : placer.place(row, realigned: &result.realignedRows, diagnostics: &result.diagnostics)
            }
            result.sections = sides.map { side in
                SegmentedTable.Section(name: side.name, columns: [side.item] + side.amounts, rows: result.rows.indices.filter { index in
                    ([side.item] + side.amounts).contains { !TextPatterns.isBlank(result.rows[index].cells[$0]) }
                })
            }
        } else {
            // A first column of codes: a row printed without one (`合计`) starts one column on.
            let coded = body.filter { $0.cells.first.map(TextPatterns.isCode) == true }.count
            let codeColumn = coded * 2 > body.count
            result.rows = body.map { row in
                let length = GridBuilder.contentLength(row.cells)
                // One array a row, sized for the padding to come.
                var cells: [String] = []
                cells.reserveCapacity(max(width, length + 1))
                if codeColumn, length > 0, !TextPatterns.isCode(row.cells[0]), length < width {
                    cells.append("")
                    result.realignedRows.append(SegmentedTable.Realignment(line: row.line, shift: 1))
                }
                cells.append(contentsOf: row.cells[..<length])
                GridBuilder.pad(&cells, to: width)
                return Row(line: row.line, cells: cells)
            }
        }
        return result
    }

    /// Whether a template's label is printed in the header: within its words, or wrapped over
    /// lines as header cells that join to it (`事业单位` over `经营收入`, with another column's
    /// label between them in the text; `2023年机关运行经` over `费预算数`): the end of one cell,
    /// whole cells, then the start of another.
    static func printed(_ label: String, in headerKey: String, cells: Set<ExactString>) -> Bool {
        if TextPatterns.contains(headerKey, label) { return true }
        let scalars = Array(label.unicodeScalars)
        // Each piece is cut from the label's UTF-8 bytes (where each scalar starts), not rebuilt
        // a scalar at a time: a label is tried in pieces for every template of every table.
        let bytes = Array(label.utf8)
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
        let piece = { (start: Int, end: Int) -> Bool in
            let text = bytes[offsets[start]..<offsets[end]]
            if cells.contains(ExactString(String(decoding: text, as: UTF8.self))) { return true }
            if start == 0 && cells.contains(where: { TextPatterns.hasSuffix($0.string, text) }) { return true }
            return end == scalars.count && cells.contains { TextPatterns.hasPrefix($0.string, text) }
        }
        // reachable[i]: the label's first i scalars are such pieces, at least two of them.
        var reachable = Array(repeating: false, count: scalars.count + 1)
        reachable[0] = true
        for start in 0..<scalars.count where reachable[start] {
            for end in (start + 1)...scalars.count where !reachable[end] && end - start < scalars.count && piece(start, end) {
                reachable[end] = true
            }
        }
        return reachable[scalars.count]
    }

    /// The sides of a paired template: columns grouped by their top label (`本年收入`, `本年支出`),
    /// the first column of each its item, the others its amounts.
    static func sides(of template: [[String]]) -> [PairedRows.Side] {
        var sides: [PairedRows.Side] = []
        for (index, path) in template.enumerated() {
            if let last = sides.last, last.name == path[0] {
                sides[sides.count - 1].amounts.append(index)
            } else {
                sides.append(PairedRows.Side(name: path[0], item: index, amounts: []))
            }
        }
        return sides
    }
}
