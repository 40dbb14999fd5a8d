import BudgetCore

/// The lookups `render.xsl` declares as keys (`xsl:key`), each built once from the record in one
/// pass, so the page takes time linear in the record: tables by id, checks by id, the checks
/// that did not pass by each line their figures are on, and a table's rows by printed line.
/// The keys match their elements anywhere; the schema puts them in one place each (checks in
/// `checks`, tables in `tables`, rows in a table's `rows`), which is where they are looked for.
struct ReportPageIndex {
    /// `key('table-by-id', …)`.
    private var tableIDs: Set<ExactString> = []
    /// `key('check-by-id', …)`.
    private var checkIDs: Set<ExactString> = []
    /// `key('findings-by-line', …)`: each check once per line it involves, in document order.
    private var findingsByLine: [ExactString: [ReportElement]] = [:]
    /// `key('rows-by-line', concat(table id, '|', line))`: the rows in document order.
    private var rowsByLine: [ExactString: [ReportElement]] = [:]
    /// Whether any check is in the record (`$anyFindings`).
    let anyFindings: Bool

    init(_ root: ReportElement) {
        var anyFindings = false
        for checks in root.children("checks") {
            for check in checks.children("check") {
                anyFindings = true
                if let id = check["id"] { checkIDs.insert(ExactString(id)) }
                var lines: Set<ExactString> = []
                for involves in check.children("involves") {
                    guard let line = involves["line"].map(ExactString.init), lines.insert(line).inserted else { continue }
                    findingsByLine[line, default: []].append(check)
                }
            }
        }
        self.anyFindings = anyFindings
        for tables in root.children("tables") {
            for table in tables.children("table") {
                if let id = table["id"] { tableIDs.insert(ExactString(id)) }
                for rows in table.children("rows") {
                    for row in rows.children("row") {
                        rowsByLine[Self.rowKey(table: table, row: row), default: []].append(row)
                    }
                }
            }
        }
    }

    /// `concat(../../@id, '|', @line)` for a row of `table`.
    private static func rowKey(table: ReportElement, row: ReportElement) -> ExactString {
        ExactString("\(table["id"] ?? "")|\(row["line"] ?? "")")
    }

    func hasTable(_ id: String) -> Bool { tableIDs.contains(ExactString(id)) }

    func hasCheck(_ id: String) -> Bool { checkIDs.contains(ExactString(id)) }

    /// The rows of `table` printed on the line of `row` (`row` among them), in document order.
    func rowsOnLine(of row: ReportElement, in table: ReportElement) -> [ReportElement] {
        rowsByLine[Self.rowKey(table: table, row: row)] ?? [row]
    }

    /// The checks involving `line` (none for nil).
    func findings(_ line: String?) -> [ReportElement] {
        line.flatMap { findingsByLine[ExactString($0)] } ?? []
    }

    /// Whether a check involves any of `lines` (`key()` over a node-set, as a boolean).
    func anyFindings(anyOf lines: [String]) -> Bool {
        lines.contains { findingsByLine[ExactString($0)] != nil }
    }
}
