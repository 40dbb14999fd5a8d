import BudgetCore

/// The segment stage's artifact, written as `02-segment/segment.json`: every line of the report
/// assigned to exactly one kind — contents entry, heading, caption, title, unit line, header row,
/// body row, note, form field, paragraph, page mark — with tables, their header paths and rows,
/// and the narrative, each keeping the source line numbers.
public struct SegmentedReport: Codable, Sendable, Equatable {
    /// Lines in the extracted text.
    public var lines: Int
    /// How many lines went to each kind (`LineKind` raw values), blank lines included.
    public var counts: [String: Int]
    /// Non-blank lines no rule claimed. Empty when the report was fully understood.
    public var unassigned: [SourceLine]
    /// The report's table of contents (目录) and its list of promised tables (`表 1. 收支总表`).
    public var contents: [ContentsEntry]
    /// Tables the contents promise that the body does not have, by id.
    public var missingTables: [String]
    public var tables: [SegmentedTable]
    /// Headings and paragraphs outside the tables, in order.
    public var narrative: [NarrativeBlock]
    /// Notes outside any table (`备注：…` at the end of the report).
    public var notes: [SourceLine]
    /// The first line of each page, page 1 first (`[1, 25, 47]`): a line's page is the number of
    /// entries at or before it (`PageIndex`). A page without text starts where the next one does.
    /// Empty when the pages are not known: text with no page marks (`PageStarts.swift`).
    public var pageStarts: [Int]
    /// What the stage could not make sense of, by line.
    public var diagnostics: [Diagnostic]
}

/// What a line was found to be.
public enum LineKind: String, Codable, Sendable, CaseIterable {
    case blank, contents, heading, caption, title, unit, header, body, note, field, paragraph, pageMark
    /// A page number or a running header or footer (`PageFurniture.swift`).
    case furniture
}

/// A line of the extracted text, by 1-based number.
public struct SourceLine: Codable, Sendable, Equatable {
    public var line: Int
    public var text: String
}

/// An entry of the table of contents. `tableId` and `title` are set for a promised table.
public struct ContentsEntry: Codable, Sendable, Equatable {
    public var line: Int
    public var text: String
    public var tableId: String?
    public var title: String?
}

/// A table found in the body of the report.
public struct SegmentedTable: Codable, Sendable, Equatable {
    /// `1`, `5-1` … from the caption; a contents number for a known title without caption;
    /// `<form>.<n>` for grids inside a form; `x<n>` for anything else.
    public var id: String
    /// The table kind from `table-kinds.json`, when the title is known.
    public var kind: String?
    /// For a grid inside a form: the label that starts it (`项目支出明细测算`).
    public var label: String?
    public var layout: TableLayout
    public var caption: SourceLine?
    public var title: SourceLine?
    /// The `单位：<name>` line (the reporting unit), when present.
    public var unitName: SourceLine?
    /// `万元`, `元` … from the `单位：` line, with that line's number.
    public var amountUnit: String?
    public var amountUnitLine: Int?
    /// Each column's full header path, top level first (`["基本支出", "人员经费"]`).
    public var columns: [Column]
    public var headerRows: [Row]
    /// Rows that repeat the header after a page break; they are not data.
    public var repeatedHeaderRows: [Row]
    /// Body rows: the cells as printed (trailing empty cells beyond the table width dropped).
    public var rows: [Row]
    /// For a paired layout: the 收入 and 支出 sides, each with its own rows.
    public var sections: [Section]
    public var notes: [SourceLine]
    /// True when the table has a header but no body (`说明：…没有…`).
    public var empty: Bool
    /// For a form: its key–value fields.
    public var fields: [Field]
    /// For a form: the grids inside it, as tables of their own.
    public var grids: [SegmentedTable]
    /// Rows moved right to line up with their columns (an extractor dropped leading empty cells).
    public var realignedRows: [Realignment]
    /// Codes printed in split columns (`201 | 05 | 07` under `类 | 款 | 项`) and joined into the
    /// row's one code cell (`2010507`), with the parts as printed; nil when there are none.
    public var joinedCodes: [JoinedCode]?
    public var diagnostics: [Diagnostic]

    public struct Column: Codable, Sendable, Equatable {
        public var index: Int
        public var path: [String]
    }

    public struct Row: Codable, Sendable, Equatable {
        public var line: Int
        public var cells: [String]
    }

    /// One side of a paired table: its columns (item, amount…) and the body rows that have
    /// something on this side, by position, so no cell is stored twice.
    public struct Section: Codable, Sendable, Equatable {
        /// The side's header label as printed (`收 入`).
        public var name: String
        /// Indices into the table's `columns`.
        public var columns: [Int]
        /// Indices into the table's `rows`.
        public var rows: [Int]
    }

    public struct Field: Codable, Sendable, Equatable {
        public var line: Int
        public var label: String
        /// The value as printed.
        public var value: String
        /// The value as plain paragraphs, when it held HTML (`<p>…</p>`).
        public var paragraphs: [String]?
    }

    public struct JoinedCode: Codable, Sendable, Equatable {
        public var line: Int
        public var parts: [String]
    }

    public struct Realignment: Codable, Sendable, Equatable {
        public var line: Int
        public var shift: Int
    }
}

/// A heading or paragraph of the narrative. A paragraph broken over lines keeps every line.
public struct NarrativeBlock: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case heading, paragraph }

    public var kind: Kind
    public var lines: [Int]
    public var text: String
    /// Heading depth: 0 the report title, 1 a part (第一部分), 2 `一、`, 3 `（一）`, 4 `1.`, 5 `（1）`.
    public var level: Int?
    /// The enumerator's ordinal (`十一`, `3`), when the block starts with one.
    public var ordinal: String?
}

/// Something a stage could not make sense of, with the lines concerned.
public struct Diagnostic: Codable, Sendable, Equatable {
    public var lines: [Int]
    public var message: String
}

extension SegmentedTable {
    /// A side's rows as (line, cells of that side).
    public func rows(of section: Section) -> [Row] {
        section.rows.map { index in Row(line: rows[index].line, cells: section.columns.map { rows[index].cells[$0] }) }
    }
}
