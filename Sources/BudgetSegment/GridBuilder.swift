import BudgetCore

/// Builds a table from its raw rows: finds the header rows and each column's header path, drops
/// headers repeated after page breaks, lines up rows an extractor shifted, reconciles rows of
/// different lengths, and splits a paired (收入 | 支出) layout into its two sides.
package struct GridBuilder {
    package typealias Row = SegmentedTable.Row

    package var maxHeaderRows: Int

    package struct Result {
        package var layout: TableLayout
        package var columns: [SegmentedTable.Column] = []
        package var headerRows: [Row] = []
        package var repeatedHeaderRows: [Row] = []
        package var rows: [Row] = []
        package var sections: [SegmentedTable.Section] = []
        package var realignedRows: [SegmentedTable.Realignment] = []
        package var joinedCodes: [SegmentedTable.JoinedCode] = []
        package var diagnostics: [Diagnostic] = []
    }

    /// - Parameters:
    ///   - inheritedHeader: the header of an earlier grid this one continues without repeating it.
    ///   - labelColumn: the first column holds a form grid's label, so body rows leave it empty.
    package func build(_ input: [Row], layout: TableLayout, inheritedHeader: [Row]? = nil, labelColumn: Bool = false) -> Result {
        var result = Result(layout: layout)
        guard !input.isEmpty || inheritedHeader != nil else { return result }

        // Header rows.
        var header: [Row] = inheritedHeader ?? []
        var bodyStart = 0
        if inheritedHeader == nil, let first = input.first {
            if Self.looksLikeData(first.cells) {
                result.diagnostics.append(Diagnostic(lines: [first.line], message: "no header row found: the first row holds data"))
            } else {
                header = [first]
                bodyStart = 1
                while header.count < maxHeaderRows, bodyStart < input.count {
                    let candidate = input[bodyStart]
                    let width = ([candidate] + header).map { Self.contentLength($0.cells) }.max() ?? 0
                    guard HeaderPaths(rows: header.map(\.cells), width: width).isContinued(by: candidate.cells) else { break }
                    header.append(candidate)
                    bodyStart += 1
                }
            }
        }
        if inheritedHeader == nil { result.headerRows = header }

        // Body rows, without headers repeated after a page break.
        var body: [Row] = []
        var index = bodyStart
        while index < input.count {
            if !header.isEmpty, Self.sameCells(input[index].cells, header[0].cells) {
                var matched = 0
                while matched < header.count, index + matched < input.count,
                      Self.sameCells(input[index + matched].cells, header[matched].cells) {
                    matched += 1
                }
                result.repeatedHeaderRows += input[index..<index + matched]
                index += matched
                continue
            }
            body.append(input[index])
            index += 1
        }

        let headerWidth = header.map { Self.contentLength($0.cells) }.max() ?? 0
        let width = max(headerWidth, body.map { Self.contentLength($0.cells) }.max() ?? 0)
        if layout == .grid || layout == .form {
            body = realign(body, width: width, labelColumn: labelColumn, skipFirst: inheritedHeader != nil, result: &result)
        }
        let wider = body.filter { Self.contentLength($0.cells) > headerWidth }.map(\.line)
        if !header.isEmpty, !wider.isEmpty {
            result.diagnostics.append(Diagnostic(lines: wider, message: "rows wider than the header (\(headerWidth) columns)"
                + ": their extra columns have no header"))
        }

        let headerPaths = HeaderPaths(rows: header.map(\.cells), width: width)
        result.columns = headerPaths.paths().enumerated().map { SegmentedTable.Column(index: $0.offset, path: $0.element) }
        result.rows = body.map { Row(line: $0.line, cells: Self.padded($0.cells, to: width)) }
        result.headerRows = result.headerRows.map { Row(line: $0.line, cells: Self.padded($0.cells, to: width)) }

        if layout == .paired {
            split(into: &result, header: headerPaths)
        }
        return result
    }

    /// Splits a paired table by the labels of its first header row (`收 入` | `支 出`): each side
    /// gets its columns and the rows that have something on that side.
    private func split(into result: inout Result, header: HeaderPaths) {
        guard !header.rows.isEmpty else {
            result.layout = .grid
            return
        }
        var sides: [(label: Int, columns: [Int])] = []
        for c in 0..<header.width {
            guard let label = header.origins[0][c] else { continue }
            if let last = sides.last, last.label == label {
                sides[sides.count - 1].columns.append(c)
            } else {
                sides.append((label, [c]))
            }
        }
        guard sides.count >= 2, sides.allSatisfy({ $0.columns.count >= 2 }) else {
            result.diagnostics.append(Diagnostic(lines: result.headerRows.map(\.line),
                message: "a paired table needs two sides (收入 | 支出) in its first header row; read as a plain grid"))
            result.layout = .grid
            return
        }
        result.sections = sides.map { side in
            SegmentedTable.Section(
                name: header.rows[0][side.label],
                columns: side.columns,
                rows: result.rows.indices.filter { index in
                    side.columns.contains { !TextPatterns.isBlank(result.rows[index].cells[$0]) }
                })
        }
    }

    /// Moves right the rows whose leading empty cells an extractor dropped: in a form grid the
    /// first column is the grid's label, empty in every body row; in a plain grid, a first column
    /// empty in two thirds of the rows (and at least four) is treated the same way. A row with
    /// text there and room on its right is shifted by the number of such leading empty columns.
    private func realign(_ body: [Row], width: Int, labelColumn: Bool, skipFirst: Bool, result: inout Result) -> [Row] {
        let candidates = skipFirst ? Array(body.dropFirst()) : body
        /// Whether at least two thirds of the rows leave `column` empty.
        func mostlyEmpty(_ column: Int) -> Bool {
            let blank = candidates.filter { column >= $0.cells.count || TextPatterns.isBlank($0.cells[column]) }.count
            return !candidates.isEmpty && blank * 3 >= candidates.count * 2
        }
        var leading = 0
        if labelColumn {
            leading = 1
        } else if candidates.count >= 4 {
            while leading < width - 1, mostlyEmpty(leading) { leading += 1 }
        }
        guard leading > 0 else { return body }
        return body.enumerated().map { position, row in
            guard !(skipFirst && position == 0), let first = row.cells.first, !TextPatterns.isBlank(first) else { return row }
            let shift = min(leading, width - Self.contentLength(row.cells))
            guard shift > 0 else { return row }
            result.realignedRows.append(SegmentedTable.Realignment(line: row.line, shift: shift))
            return Row(line: row.line, cells: Array(repeating: "", count: shift) + row.cells.prefix(Self.contentLength(row.cells)))
        }
    }

    /// A row that holds amounts or starts with a code is data, not a header.
    package static func looksLikeData(_ cells: [String]) -> Bool {
        if cells.contains(where: TextPatterns.isAmount) { return true }
        guard let first = cells.first(where: { !TextPatterns.isBlank($0) }) else { return false }
        return TextPatterns.isCode(first)
    }

    /// Cells up to the last non-empty one.
    package static func contentLength(_ cells: some BidirectionalCollection<String>) -> Int {
        cells.reversed().drop(while: TextPatterns.isBlank).count
    }

    /// Whether two rows print the same cells, ignoring spaces, bracket widths and trailing
    /// empty cells (how a header repeated after a page break is recognized).
    package static func sameCells(_ a: some BidirectionalCollection<String>, _ b: some BidirectionalCollection<String>) -> Bool {
        let length = contentLength(a)
        guard length == contentLength(b) else { return false }
        return zip(a.prefix(length), b.prefix(length)).allSatisfy { TextKey.equal($0, $1) }
    }

    package static func padded(_ cells: [String], to width: Int) -> [String] {
        var result = cells
        pad(&result, to: width)
        return result
    }

    /// `cells` without the blank cells past `width`, and padded with empty ones to `width`, in
    /// place: a row already `width` wide is left as it is (a prefix, then a concatenation, made
    /// two or three arrays a row).
    package static func pad(_ cells: inout [String], to width: Int) {
        let kept = max(width, contentLength(cells))
        if cells.count > kept { cells.removeSubrange(kept...) }
        if cells.count < width { cells.append(contentsOf: repeatElement("", count: width - cells.count)) }
    }
}
