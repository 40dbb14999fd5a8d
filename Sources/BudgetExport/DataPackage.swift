import BudgetCore
import BudgetNormalize
import BudgetReconcile
import Foundation
import Synchronization

/// `datapackage.json`: a Frictionless Tabular Data Package describing every CSV (field types and
/// descriptions, the primary keys), so `frictionless validate datapackage.json` checks the files
/// against their description. The CSV dialect is Frictionless's default (`,`, `"`, CRLF, a
/// header row), so it is not spelled out; sizes and SHA-256 are the bag manifest's, not repeated
/// here. Compact, with sorted keys: the same export gives the same bytes, and a batch of
/// thousands of reports writes no indentation.
///
/// The Table Schemas of `facts.csv` and `checks.csv` are the same for every report, so they are
/// files beside the descriptor (`facts.schema.json`, `checks.schema.json`), which names them
/// where the schema goes (a Data Package descriptor may give a path for an object): a run stores
/// each once and links it into every bag, as it does the XML schema. `tables.csv`'s schema
/// depends on how wide the report's widest table is, and stays in the descriptor.
package struct DataPackage: Encodable {
    package var profile = "tabular-data-package"
    /// Frictionless requires `^[-a-z0-9._/]+$`; a report id with other characters is left out
    /// here (it is in `title` and in every record).
    package var name: String?
    package var title: String
    package var description: String
    package var resources: [Resource]

    package struct Resource: Encodable {
        package var name: String
        package var path: String
        package var profile = "tabular-data-resource"
        package var title: String
        package var description: String
        package var format = "csv"
        package var mediatype = "text/csv"
        package var encoding = "utf-8"
        package var schema: SchemaReference
    }

    /// A resource's Table Schema: in the descriptor, or the name of a file beside it.
    package enum SchemaReference: Encodable, Equatable {
        case inline(Schema)
        case file(String)

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .inline(let schema): try container.encode(schema)
            case .file(let path): try container.encode(path)
            }
        }
    }

    /// A Table Schema every report shares, as the file the descriptor names.
    package struct SchemaFile: Sendable {
        package var name: String
        package var data: Data
        package var sha256: String
    }

    package struct Schema: Encodable, Equatable {
        package var fields: [Field]
        package var primaryKey: [String]?
        package var missingValues = [""]
    }

    package struct Field: Encodable, Equatable {
        package var name: String
        package var type: String
        package var description: String
        package var constraints: Constraints?

        package static func text(_ name: String, _ description: String, required: Bool = false) -> Field {
            Field(name: name, type: "string", description: description, constraints: required ? Constraints(required: true) : nil)
        }

        package static func number(_ name: String, _ description: String, required: Bool = false) -> Field {
            Field(name: name, type: "number", description: description, constraints: required ? Constraints(required: true) : nil)
        }

        package static func integer(_ name: String, _ description: String, required: Bool = true) -> Field {
            Field(name: name, type: "integer", description: description, constraints: required ? Constraints(required: true) : nil)
        }

        /// `true` or `false`, as Frictionless reads booleans by default.
        package static func boolean(_ name: String, _ description: String) -> Field {
            Field(name: name, type: "boolean", description: description, constraints: Constraints(required: true))
        }

        /// Text that is one of `values` (or empty, unless required).
        package static func oneOf(_ name: String, _ values: [String], _ description: String, required: Bool = false) -> Field {
            Field(name: name, type: "string", description: description, constraints: Constraints(required: required ? true : nil, enum: values))
        }
    }

    package struct Constraints: Encodable, Equatable {
        package var required: Bool?
        package var `enum`: [String]?
    }

    package static let fileName = "datapackage.json"

    package static let defusingNote = "Text that begins with =, +, -, @, tab or carriage return (and is not a plain printed number), "
        + "or that begins with an apostrophe, has one apostrophe (') put in front so spreadsheets do not run it as a formula; "
        + "remove that one apostrophe to get the printed text. Numbers are never changed."

    /// The descriptor for the CSV files: facts, checks and tables.
    ///
    /// Byte for byte `JSONCoding.encode(descriptor(…), pretty: false)`, put together from parts:
    /// the facts and checks resources (most of the file) are the same for every report and are
    /// encoded once per run, tables.csv's once per width; the strings are written directly.
    /// `ExportDataPackageTests` holds the two equal.
    package static func encode(reportID: String, metadata: ReportMetadata, tables: [NormalizedTable]) throws -> Data {
        let package = descriptor(reportID: reportID, metadata: metadata, tables: tables, tablesResource: nil)
        // Members in the order sorted keys give, as `JSONEncoder` writes them: compact, nil left out.
        var out = JSONWriter(capacity: 1 << 12)
        out.raw("{\"description\":")
        try string(package.description, to: &out)
        if let name = package.name {
            out.raw(",\"name\":")
            try string(name, to: &out)
        }
        out.raw(",\"profile\":")
        try string(package.profile, to: &out)
        out.raw(",\"resources\":[")
        out.append(try factsResourceJSON.get())
        out.byte(UInt8(ascii: ","))
        out.append(try checksResourceJSON.get())
        out.byte(UInt8(ascii: ","))
        out.append(try tablesResourceJSON(width: TablesCSV.width(tables)))
        out.raw("],\"title\":")
        try string(package.title, to: &out)
        out.byte(UInt8(ascii: "}"))
        return out.takeData()
    }

    /// A string as `JSONEncoder` writes it. `JSONWriter` escapes the same bytes (quote, backslash,
    /// control characters) and escapes the same way but for backspace and form feed (`\b`, `\f`
    /// there, `\u0008`, `\u000c` here): a string with any control character goes through
    /// `JSONEncoder` (rare: extraction keeps only tab and form feed of them, and a file name
    /// seldom holds one; tests give both kinds).
    private static func string(_ value: String, to out: inout JSONWriter) throws {
        if value.utf8.contains(where: { $0 < 0x20 }) {
            out.append(Array(try JSONCoding.encode(value, pretty: false)))
        } else {
            out.string(value)
        }
    }

    /// The descriptor as a value (`encode` writes it).
    package static func descriptor(reportID: String, metadata: ReportMetadata, tables: [NormalizedTable]) -> DataPackage {
        descriptor(reportID: reportID, metadata: metadata, tables: tables,
                   tablesResource: tablesResource(width: TablesCSV.width(tables)))
    }

    /// The descriptor, its resources but tables.csv's (`encode` writes that one from its bytes).
    private static func descriptor(reportID: String, metadata: ReportMetadata, tables: [NormalizedTable],
                                   tablesResource: Resource?) -> DataPackage {
        let resources = [factsResource, checksResource] + (tablesResource.map { [$0] } ?? [])
        let title = metadata.title ?? reportID
        return DataPackage(
            name: isResourceName(reportID) ? reportID : nil,
            title: title,
            description: "Tidy data of the report \(title) (report id \(reportID)), produced by budget-etl \(PipelineVersion.current). "
                + "report.xml in the same folder is the archival record of the same data. All files: UTF-8, RFC 4180. " + defusingNote,
            resources: resources)
    }

    package static let factsResource = Resource(
        name: "facts", path: FactsCSV.fileName, title: "Facts",
        description: "Every numeric cell of every table with a body (form grids included), and every numeric form field "
            + "(项目总预算: item the label, column 值), one record each: the tidy (long) form. Numbers inside text cells "
            + "(1100余万人) and fields that are not amounts (a year, a postcode) are in report.xml and tables.csv instead.",
        schema: .file(factsSchemaFileName))

    package static let checksResource = Resource(
        name: "checks", path: ChecksCSV.fileName, title: "Reconciliation checks",
        description: "Every reconciliation check run on the report, with its outcome.", schema: .file(checksSchemaFileName))

    package static let factsSchemaFileName = "facts.schema.json"
    package static let checksSchemaFileName = "checks.schema.json"

    /// The shared Table Schemas, encoded once (indented: a person reads them, and each is stored
    /// once per output folder).
    package static let schemaFiles = Result {
        try [(factsSchemaFileName, factsSchema), (checksSchemaFileName, checksSchema)].map { name, schema in
            let data = try JSONCoding.encode(schema, pretty: true)
            return SchemaFile(name: name, data: data, sha256: Checksum.sha256(data))
        }
    }

    package static func tablesResource(width: Int) -> Resource {
        Resource(name: "tables", path: TablesCSV.fileName, title: "Tables as printed",
                 description: "Every table as printed (wide form), one after the other: per table a header record (header levels joined "
                     + "by ' / '), then its rows, or a form's fields as label and value; filter on table_id for one table. "
                     + "Each table's title is in facts.csv and report.xml.",
                 schema: .inline(tablesSchema(width: width)))
    }

    /// The two resources every report shares, encoded once.
    private static let factsResourceJSON = Result { try Array(JSONCoding.encode(factsResource, pretty: false)) }
    private static let checksResourceJSON = Result { try Array(JSONCoding.encode(checksResource, pretty: false)) }

    /// tables.csv's resource for each width met in this run (a width is the widest table's column
    /// count: a few distinct values), encoded the first time: its schema has a field per column,
    /// and encoding it was most of the cost of the descriptor. Widths past `cachedWidths` (no
    /// printed table has so many columns) are encoded each time, so the cache stays small whatever
    /// a batch holds.
    private static let tablesResourceJSONs = Mutex<[Int: [UInt8]]>([:])
    private static let cachedWidths = 64

    private static func tablesResourceJSON(width: Int) throws -> [UInt8] {
        if width <= cachedWidths, let known = tablesResourceJSONs.withLock({ $0[width] }) { return known }
        let bytes = try Array(JSONCoding.encode(tablesResource(width: width), pretty: false))
        if width <= cachedWidths { tablesResourceJSONs.withLock { $0[width] = bytes } }
        return bytes
    }

    package static let factsSchema = Schema(fields: [
        .text("report_id", "The report's id: the name of its output folder, derived from the input file name.", required: true),
        .text("table_id", "The table's number as captioned (表5-1 → 5-1); a form's grids take the form's id and a sequence number (12.1); "
              + "a number printed again for another table gets _2, _3 (12_2 is the second 项目支出绩效目标表, 12_2.3 its third grid).", required: true),
        .text("table_title", "The table's title, or a form grid's label."),
        .text("section", "For a paired table (收入 | 支出 side by side): the side, 收入 or 支出; else empty."),
        .integer("row", "1-based row number within the table's body (numbered per side in a paired table); "
                 + "for a form field, its position among the form's fields."),
        .text("code", "Classification, unit or project code of the row, else empty."),
        .text("item", "The row label, letter-spacing removed and names cut short by the PDF repaired; for a form field, its label."),
        .text("column", "The column's header path, levels joined by ' / '; 值 for a form field.", required: true),
        .text("raw", "The cell exactly as printed (1,209.02); a plain printed number is never defused.", required: true),
        .number("value", "The exact decimal value with the printed number of decimals; a percentage as the printed number without %.", required: true),
        .text("unit", "The unit of the cell's own column: the money unit its header or table states (万元, 元), % for a share; "
              + "a count (数量) has none, or the one its header or row prints (台, 个, 人)."),
        .integer("source_line", "Line of the row in 01-extract/text.txt (source/text.txt in the bag): the input's own line "
                 + "numbering for text, the line of the text pdftotext made for a PDF."),
        .integer("fiscal_year", "The report's fiscal year (预算年度), as its title states; empty when it was not found.", required: false),
        .text("unit_name", "The organisation the report is of (单位/部门), as its title states; empty when it was not found."),
        .oneOf("report_kind", ReportKind.allCases.map(\.rawValue), "The kind of report: 单位预算, 部门预算, 单位决算 or 部门决算; "
               + "empty when it was not found."),
        .text("table_kind", "What the table is (income-expenditure-summary, expenditure-summary, general-budget-expenditure-by-function …: "
              + "the kinds of table-kinds.json), the same in every report; a form's grid has its form's kind; empty for a table of no known kind."),
        .text("group", "The part of its table the row belongs to, levels joined by ' / ': for a project's form and its grids the "
              + "project's name (项目名称), then the group a grid prints once for a run of rows (表11's 收入构成, 支出构成); "
              + "empty when there is none. A paired table's side is in section."),
        .oneOf("code_scheme", FactsCSV.codeSchemes, "What code is: function (支出功能分类科目: 类 3 digits, 款 5, 项 7), "
               + "economic (支出经济分类科目: 类 3, 款 5), unit (预算单位编码), project (项目编码); none when the row has no code; "
               + "empty for a code of no known scheme."),
        .integer("level", "The row's level: 0 a total (合计, 总计, 小计); 1 类, 2 款, 3 项 for a function or economic code; "
                 + "unit codes 1 the department (3 digits), 2 the unit (6); project codes 2 a category or a project on its own, "
                 + "3 a project within a category; for rows without a code, "
                 + "from the printed enumerator (一、 1, (一) 2, 1. 3); empty when unknown. Summing the rows of one level "
                 + "with is_total false counts each amount once.", required: false),
        .text("parent_code", "The code of the row's parent (20805 for 2080505), else empty."),
        .boolean("is_total", "true for a total row (合计, 总计, 小计 and a table's first row of totals without label), else false."),
        .oneOf("phase", FactsCSV.phases, "The phase of the budget cycle the column's figures are of, as its header names it: budget "
               + "(年初预算数, 预算数), adjusted (调整预算数), final (决算数, 执行数), carried-in (年初结转和结余), carried-out "
               + "(年末结转和结余); a 决算 table prints several side by side. Empty when the header names none: the figures are "
               + "of the report's own phase (a 预算's budget, a 决算's final figures)."),
        .integer("page", "The page of the source (the PDF; 1 its first page) source_line is printed on, by the page marks of "
                 + "01-extract/text.txt (form feeds, -- PAGE_BREAK -- lines or printed page numbers; report.xml's provenance/pages "
                 + "lists where each page begins); empty when the text marks no pages.", required: false),
    ], primaryKey: ["report_id", "table_id", "section", "row", "column"])

    package static let checksSchema = Schema(fields: [
        .text("report_id", "The report's id.", required: true),
        .text("check_id", "The check's id, stable for the same input: rule:table:location.", required: true),
        .text("rule", "The reconciliation rule (hierarchy, header-sum, share, paired, cross-table, narrative, completion, breakdown, "
              + "arithmetic, completeness), or what could not be read (number, structure, column, metadata).", required: true),
        Field(name: "status", type: "string", description: "The outcome: pass, warn, fail, or unverified (could not be judged; the message says why).",
              constraints: Constraints(required: true, enum: CheckStatus.allCases.map(\.rawValue))),
        .text("table_id", "The table the check is about (the first, for a check across tables)."),
        .text("location", "The row (code or item) and column the check is about."),
        .number("expected", "The value the rule expects, exact."),
        .number("actual", "The value printed, exact."),
        .number("difference", "actual − expected."),
        .number("tolerance", "The largest difference rounding explains."),
        .text("message", "What disagrees with what, and where: a sentence a person can act on; empty for a comparison of table figures that holds exactly."),
        .text("lines", "Lines of 01-extract/text.txt (source/text.txt in the bag) that hold the values compared, separated by spaces."),
    ], primaryKey: ["report_id", "check_id"])

    /// `tables.csv`'s columns: which table, which kind of record, then the printed columns.
    package static func tablesSchema(width: Int) -> Schema {
        let cells = TablesCSV.columns(width: width).dropFirst(2).enumerated().map { index, name in
            Field.text(name, "Printed column \(index + 1): a header path in a header record, else the cell as printed")
        }
        return Schema(fields: [
            .text("table_id", "The table's id, as in facts.csv.", required: true),
            Field(name: "record", type: "string", description: "header: the table's column names; row: a printed row; field: a form's field.",
                  constraints: Constraints(required: true, enum: TablesCSV.Record.allCases.map(\.rawValue))),
        ] + cells)
    }

    private static func isResourceName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        }
    }
}
