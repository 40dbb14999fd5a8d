/// The lookups `render.xsl` declares as keys (`xsl:key`), each built once from the record in one
/// pass, so the page takes time linear in the record: tables by id, checks by id, the checks
/// that did not pass by each line their figures are on, and a table's rows by printed line.
/// The keys match their elements anywhere; the schema puts them in one place each (checks in
/// `checks`, tables in `tables`, rows in a table's `rows`), which is where they are looked for.
struct ReportPageIndex {
    /// `key('table-by-id', …)`.
    private(set) var tableIDs: Set<String> = []
    /// `key('check-by-id', …)`.
    private(set) var checkIDs: Set<String> = []
    /// `key('findings-by-line', …)`: each check once per line it involves, in document order.
    private(set) var findingsByLine: [String: [ReportElement]] = [:]
    /// `key('rows-by-line', concat(table id, '|', line))`: the rows in document order.
    private(set) var rowsByLine: [String: [ReportElement]] = [:]
    /// Whether any check is in the record (`$anyFindings`).
    let anyFindings: Bool

    init(_ root: ReportElement) {
        var anyFindings = false
        for checks in root.children("checks") {
            for check in checks.children("check") {
                anyFindings = true
                if let id = check["id"] { checkIDs.insert(id) }
                var lines: Set<String> = []
                for involves in check.children("involves") {
                    guard let line = involves["line"], lines.insert(line).inserted else { continue }
                    findingsByLine[line, default: []].append(check)
                }
            }
        }
        self.anyFindings = anyFindings
        for tables in root.children("tables") {
            for table in tables.children("table") {
                if let id = table["id"] { tableIDs.insert(id) }
                for rows in table.children("rows") {
                    for row in rows.children("row") {
                        rowsByLine[Self.rowKey(table: table, row: row), default: []].append(row)
                    }
                }
            }
        }
    }

    /// `concat(../../@id, '|', @line)` for a row of `table`.
    static func rowKey(table: ReportElement, row: ReportElement) -> String {
        "\(table["id"] ?? "")|\(row["line"] ?? "")"
    }

    /// The checks involving `line` (none for nil).
    func findings(_ line: String?) -> [ReportElement] {
        line.flatMap { findingsByLine[$0] } ?? []
    }

    /// Whether a check involves any of `lines` (`key()` over a node-set, as a boolean).
    func anyFindings(anyOf lines: [String]) -> Bool {
        lines.contains { findingsByLine[$0] != nil }
    }
}
