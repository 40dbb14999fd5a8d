import BudgetCore
import BudgetNormalize
import BudgetSegment
import Foundation

/// `facts.csv`: the tidy (long) form of every table, one record per numeric cell.
///
/// A fact is a cell of an amount column (`ColumnRole.amount`: every cell a number or blank)
/// that holds a value, in any table with a body, form grids included; percentages count (their
/// value is the printed number without `%`). A form's numeric fields are facts too (`项目总预算
/// 383.76`): the identities use them (the project's budget for the year), so a user filtering
/// `facts.csv` must find them. A field has no row or column of its own, so it is written as a
/// row of its form: `row` is its position among the form's fields (after any body rows, so the
/// primary key stays unique), `item` its label, `column` the fixed name `值` (value), as the
/// form prints the amount in the cell beside the label. Left out, and kept in `report.xml` and
/// `tables.csv` instead:
/// - numbers inside text cells (`1100余万人`, `月均11万条`): the number is part of a phrase with a
///   qualifier, an indicator's target and not an amount, and `value` would overstate how exact
///   it is;
/// - fields that are not amounts (a postcode, a year, a phone number: normalize gives only a
///   field whose label names money an `amount`).
///
/// Each record carries what an analyst filters and sums by, so facts of many reports can be
/// stacked and queried without joining anything: the report's year, unit and kind; the table's
/// kind; the row's group, code scheme, level, parent and whether it is a total; the phase of
/// the budget cycle its column's figures are of (a 决算 table prints 年初预算数 beside 决算数); and
/// last the page the row is printed on, derived from its line and the report's page starts
/// (`PageIndex`), where a reader looks the number up in the PDF. The columns of earlier versions
/// come first, in their old order, so scripts that read them by position still work; the context
/// columns follow, the newest last.
package enum FactsCSV {
    package static let fileName = "facts.csv"

    /// The `column` of a form field's fact: the form prints the amount beside its label, in a
    /// cell without a header of its own.
    package static let fieldColumn = "值"

    package static let header = ["report_id", "table_id", "table_title", "section", "row", "code", "item", "column",
                                 "raw", "value", "unit", "source_line",
                                 "fiscal_year", "unit_name", "report_kind", "table_kind", "group", "code_scheme", "level",
                                 "parent_code", "is_total", "phase", "page"]

    /// Every value of `phase` (besides empty: a column whose header names none): the phases of
    /// `phaseHeaders` in table-words.json.
    package static let phases = TableWords.standard.phaseHeaders.phases.map(\.phase)

    /// `code_scheme` of a row without a code.
    package static let noCodeScheme = "none"

    /// Every value of `code_scheme` (besides empty: a code of no known scheme).
    package static let codeSchemes = [CodeScheme.function, .economic, .unit, .project].map(\.rawValue) + [noCodeScheme]

    /// `pages`: the report's pages (none known by default: `page` is then empty).
    package static func write(reportID: String, metadata: ReportMetadata, tables: [NormalizedTable],
                              pages: PageIndex = PageIndex(starts: []), byteOrderMark: Bool) -> (data: Data, count: Int) {
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 1 << 16)
        csv.record(header)
        var count = 0
        // A form's grids are parts of the form: without a kind of their own, they take its kind.
        var formKinds: [String: String] = [:]
        for table in tables where table.layout == .form { formKinds[table.id] = table.kind }
        // The fields every fact of the report, or of a table, repeats: their bytes made once.
        let reportIDField = CSVWriter.prepared(reportID), unitNameField = CSVWriter.prepared(metadata.unitName)
        let kindField = CSVWriter.prepared(metadata.kind?.rawValue)
        for table in tables {
            let tableIDField = CSVWriter.prepared(table.id), titleField = CSVWriter.prepared(table.title)
            let columns = ColumnNames(table)
            var phases: [Int: String] = [:]
            for column in table.columns { phases[column.index] = column.phase }
            let tableKindField = CSVWriter.prepared(table.kind ?? table.parentId.flatMap { formKinds[$0] })
            for row in table.rows {
                let group = Self.group(project: table.project, row.group)
                let scheme = row.code == nil ? noCodeScheme : row.codeScheme?.rawValue
                // Each cell read in place (see `ChecksCSV.write`).
                let cells = row.cells
                for index in cells.indices where columns.role(cells[index].column) == .amount {
                    guard let value = cells[index].value else { continue }
                    // One field a line, in the order of `header` (a variadic `texts(…)` made an
                    // array on the heap for each call, four a fact).
                    csv.field(reportIDField)
                    csv.field(tableIDField)
                    csv.field(titleField)
                    csv.text(row.section)
                    csv.int(row.number)
                    csv.text(row.code)
                    csv.text(row.item)
                    csv.text(columns.path(cells[index].column))
                    csv.text(cells[index].raw)
                    csv.number(value)
                    // The unit of the cell's own column: a count (数量) has none or its own (台),
                    // never the table's amount unit.
                    csv.text(cells[index].unit)
                    csv.int(row.line)
                    csv.int(metadata.fiscalYear)
                    csv.field(unitNameField)
                    csv.field(kindField)
                    csv.field(tableKindField)
                    csv.text(group)
                    csv.text(scheme)
                    csv.int(row.level)
                    csv.text(row.parent)
                    csv.text(row.isTotal ? "true" : "false")
                    csv.text(phases[cells[index].column])
                    csv.int(pages.page(of: row.line))
                    csv.endRecord()
                    count += 1
                }
            }
            for (position, field) in table.fields.enumerated() {
                guard let value = field.amount else { continue }
                csv.field(reportIDField)
                csv.field(tableIDField)
                csv.field(titleField)
                csv.text(nil)  // section
                csv.int(table.rows.count + position + 1)
                csv.text(nil)  // code
                csv.text(field.label)
                csv.text(fieldColumn)
                csv.text(field.value)
                csv.number(value)
                csv.text(field.unit ?? table.amountUnit)
                csv.int(field.line)
                csv.int(metadata.fiscalYear)
                csv.field(unitNameField)
                csv.field(kindField)
                csv.text(table.kind)
                // A field has no code, level or parent; its group is its form's project.
                csv.text(table.project)
                csv.text(noCodeScheme)
                csv.int(nil)  // level
                csv.text(nil)  // parent_code
                csv.text("false")
                // …nor a column whose header could name a phase.
                csv.text(nil)
                csv.int(pages.page(of: field.line))
                csv.endRecord()
                count += 1
            }
        }
        return (csv.takeData(), count)
    }

    /// The `group` field: the project's name, then the row's group, either left out when absent
    /// (built without an array of the two for every row).
    static func group(project: String?, _ group: String?) -> String {
        switch (project, group) {
        case (let project?, let group?): project + ColumnNames.separator + group
        case (let project?, nil): project
        case (nil, let group?): group
        case (nil, nil): ""
        }
    }
}
