import BudgetCore
import BudgetSegment

/// The normalize stage's artifact, `03-normalize/normalize.json`: every table with cleaned
/// header paths and labels, each row's code, level and parent, each cell's exact value and unit
/// beside the text as printed; the report's metadata; and the narrative's claims.
public struct NormalizedReport: Codable, Sendable, Equatable {
    public var metadata: ReportMetadata
    /// Every table; a form's grids follow the form as tables of their own (`11.1`, `11.2` …).
    public var tables: [NormalizedTable]
    public var claims: [NarrativeClaim]
    /// A 决算 narrative's execution statements (budget, final figure, completion rate, which is
    /// larger); nil when it has none.
    public var completions: [CompletionClaim]?
    /// Tables the contents promise, by id and title.
    public var promisedTables: [PromisedTable]
    /// Promised tables the body does not have.
    public var missingTables: [String]
    /// Tables printed again with the same content; their figures are counted once.
    public var repeatedTables: [RepeatedTable]
    /// Cells that are not numbers where numbers belong, and metadata that was not found.
    public var diagnostics: [NormalizeDiagnostic]
}

/// What the report is: whose, for which year, which kind.
public struct ReportMetadata: Codable, Sendable, Equatable {
    /// The report's title (its first heading), cleaned.
    public var title: String?
    public var unitName: String?
    public var fiscalYear: Int?
    public var kind: ReportKind?
    /// The amount unit most tables state (`万元`).
    public var amountUnit: String?
    /// A department's report: the units it consolidates, as its 机构设置 (部门决算单位构成) lists
    /// them; nil when it lists none.
    public var units: [String]?
    /// Where each was found.
    public var sourceLines: [String: Int]
}

/// The four kinds of report the family has.
public enum ReportKind: String, Codable, Sendable, CaseIterable {
    case unitBudget = "单位预算"
    case departmentBudget = "部门预算"
    case unitFinalAccounts = "单位决算"
    case departmentFinalAccounts = "部门决算"
}

extension ReportKind {
    /// The phase of the budget cycle the report's figures are of where a column's header names
    /// none (`NormalizedColumn.phase`): a 预算's are its budget, a 决算's its final figures.
    public var phase: String {
        switch self {
        case .unitBudget, .departmentBudget: "budget"
        case .unitFinalAccounts, .departmentFinalAccounts: "final"
        }
    }
}

/// A table the contents (目录) promises: its id and title as listed there, and the line listing it.
public struct PromisedTable: Codable, Sendable, Equatable {
    public var id, title: String
    public var line: Int
}

public struct NormalizedTable: Codable, Sendable, Equatable {
    public var id: String
    public var kind: String?
    /// Cleaned title; for a form's grid, its label.
    public var title: String
    public var layout: TableLayout
    /// For a grid inside a form: the form's id.
    public var parentId: String?
    /// For a grid inside a project's form (项目支出绩效目标表): the project's name, from the form's
    /// name field (`项目名称`); a report prints one such form per project, all alike but for it.
    public var project: String?
    /// Line of the caption or title (or, for a grid, its first row).
    public var line: Int
    public var amountUnit: String?
    public var unitName: String?
    public var columns: [NormalizedColumn]
    /// Body rows. A paired table's rows carry their side in `section` and are numbered per side.
    public var rows: [NormalizedRow]
    /// A form's fields.
    public var fields: [NormalizedField]
    public var notes: [SourceLine]
    /// The report prints no rows for it (in JSON only when true).
    @OmittedWhenDefault public var empty: Bool
}

public struct NormalizedColumn: Codable, Sendable, Equatable {
    public var index: Int
    /// Header path with letter-spacing removed and punctuation unified (`["基本支出", "人员经费"]`).
    public var path: [String]
    public var role: ColumnRole
    /// For a paired table: the side (`收入`, `支出`).
    public var section: String?
    /// For an amount column whose header names the phase of the budget cycle its figures belong
    /// to (a 决算 table prints several side by side): `budget` (年初预算数), `adjusted` (调整预算数),
    /// `final` (决算数), `carried-in` (年初结转和结余), `carried-out` (年末结转和结余); nil otherwise.
    public var phase: String?
}

/// What a column holds.
public enum ColumnRole: String, Codable, Sendable {
    /// Classification, unit or project codes.
    case code
    /// Row labels.
    case item
    /// Amounts (or percentages): every cell an exact number or blank.
    case amount
    /// Text, possibly with numbers inside (`1100余万人`).
    case text
}

extension NormalizedRow {
    /// A row's members. `NormalizedRow` keeps them in one shared box (NormalizedRow.swift) and
    /// reads and writes them by the same names; normalize.json spells them as declared here.
    public struct Fields: Codable, Sendable, Equatable {
        /// 1-based position in the table's body (per side for a paired table).
        public var number: Int
        public var line: Int
        public var section: String?
        /// The group a grid prints once for a run of rows, in a text column left of the labels
        /// (表11's `收入构成` and `支出构成`); nil where the grid has none.
        public var group: String?
        public var code: String?
        public var codeScheme: CodeScheme?
        /// 0 for a total row (合计, 总计); 1 for 类 (or a top-level item), 2 款, 3 项.
        public var level: Int?
        /// The parent's code, for coded rows.
        public var parent: String?
        /// The row label, cleaned and, when the PDF cut it short, repaired.
        public var item: String?
        /// The label as printed, and the column it was printed in.
        public var printedItem: String?
        public var itemColumn: Int?
        /// Where `item` came from when it is not the printed label: `table <id>` or `dictionary`.
        public var itemSource: String?
        /// The enumerator split off the label (`一`, `十七`, `1`).
        public var ordinal: String?
        /// A 合计/总计/小计 row (in JSON only when true).
        @OmittedWhenDefault public var isTotal: Bool
        public var cells: [NormalizedCell]
    }
}

public struct NormalizedCell: Codable, Sendable, Equatable {
    public var column: Int
    /// The cell as printed (in JSON only when not empty).
    @OmittedWhenDefault public var raw: String
    /// The exact value; nil for a blank cell or text.
    public var value: ExactDecimal?
    /// `万元`, `元`, `%`, `万人` …
    public var unit: String?
    /// Words around the number in a text cell (`余`, `月均`, `>`).
    public var qualifier: String?
    /// True for an empty cell or a placeholder (`—`, `-`) (in JSON only when true).
    @OmittedWhenDefault public var blank: Bool
}

public struct NormalizedField: Codable, Sendable, Equatable {
    public var line: Int
    public var label: String
    public var value: String
    public var amount: ExactDecimal?
    public var unit: String?
    public var paragraphs: [String]?
}

/// A problem found while normalizing, precise enough to find the cell in the source. Each
/// becomes a check of reconcile (`DiagnosticsRule`), so none is left to a file nobody reads.
public struct NormalizeDiagnostic: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// A cell of a numeric column that is not a number (`1,2O9.02`): its value is unknown.
        case number
        /// A table's shape is broken: cells beyond its header's columns, no header at all.
        case structure
        /// A column's header and its cells disagree on what the column holds.
        case column
        /// What the report is (unit, year, kind) was not found.
        case metadata
        /// Numbers printed in lines that look like table rows but were read into no table.
        case unread
    }

    public var kind: Kind
    public var line: Int?
    public var table: String?
    public var row: Int?
    public var column: String?
    public var text: String?
    public var message: String
}

/// Kinds of codes rows carry.
public enum CodeScheme: String, Codable, Sendable {
    /// 支出功能分类: 类 3 digits, 款 5, 项 7.
    case function
    /// 支出经济分类: 类 3 digits, 款 5.
    case economic
    /// Budget units: department 3 digits, unit 6.
    case unit
    /// Projects and project categories.
    case project
}
