import BudgetCore
import Foundation

/// The known kinds of tables and the titles they appear under, from `Resources/table-kinds.json`.
/// Other provinces' templates and 决算 reports name the same kinds differently; they are added
/// to that file, not to code.
public struct TableKinds: Decodable, Sendable {
    public struct Kind: Decodable, Sendable {
        public var kind: String
        public var layout: TableLayout
        public var titles: [String]
        public var form: FormSpecification?
        /// Header templates: each a list of column header paths, top level first. Used for a
        /// table whose printed header an extractor garbled, when every label of the template is
        /// printed in the table's header lines (`HeaderTemplates.swift`).
        public var headers: [[[String]]]?
    }

    /// How a form is read: which rows start embedded grids, which are fields.
    public struct FormSpecification: Decodable, Sendable {
        /// Labels (in the first cell) that start an embedded grid.
        public var grids: [String]
        /// Labels of key–value fields.
        public var fields: [String]
        /// Prefixes of numbered field labels (`长期目标1：`).
        public var fieldPrefixes: [String]
    }

    public var kinds: [Kind]
    /// Units an `单位：` line can give amounts in; any other value names the reporting unit.
    public var amountUnits: [String]
    /// Keys of lines that name the reporting unit or the amount unit.
    public var unitLineKeys: [String]
    /// Keys that start a note (`说明：…`).
    public var noteKeys: [String]
    /// Lines that an extractor put between pages.
    public var pageMarkers: [String]
    /// Header words of a code printed in split columns (`类 | 款 | 项`), coarsest first.
    public var codeParts: [String]
    /// Endings of part headings printed without enumerator (`…（部门）主要职能`).
    public var sectionTitles: [String]
    /// Page numbers and running headers and footers (`PageFurniture.swift`).
    public var furniture: Furniture
    /// Words a title may start with, after its year, that name who publishes the table rather
    /// than what it is (`部门`, `单位`, `预算单位`): the same table in a department's and a unit's
    /// report. Longest first, so `预算单位` is taken before `单位` could be.
    public var titlePrefixes: [String]

    public struct Furniture: Decodable, Sendable {
        /// Page-number lines; `#` stands for a run of digits, spaces are ignored.
        public var pagePatterns: [String]
        /// A line first or last on at least this many pages (and half of them) is a running header.
        public var minPages: Int
    }

    /// The kinds shipped with budget-etl.
    public static let standard: TableKinds = DataFile.decode(PackageResources.table_kinds_json, name: "table-kinds.json")

    /// Title key → position in `kinds`, built once when the file is read.
    private var titleLookup: [[UInt8]: Int] = [:]

    package enum CodingKeys: String, CodingKey {
        case kinds, amountUnits, unitLineKeys, noteKeys, pageMarkers, codeParts, sectionTitles, furniture, titlePrefixes
    }

    public init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        kinds = try values.decode([Kind].self, forKey: .kinds)
        amountUnits = try values.decode([String].self, forKey: .amountUnits)
        unitLineKeys = try values.decode([String].self, forKey: .unitLineKeys)
        noteKeys = try values.decode([String].self, forKey: .noteKeys)
        pageMarkers = try values.decode([String].self, forKey: .pageMarkers)
        codeParts = try values.decodeIfPresent([String].self, forKey: .codeParts) ?? []
        sectionTitles = try values.decodeIfPresent([String].self, forKey: .sectionTitles) ?? []
        furniture = try values.decodeIfPresent(Furniture.self, forKey: .furniture) ?? Furniture(pagePatterns: [], minPages: 3)
        titlePrefixes = try (values.decodeIfPresent([String].self, forKey: .titlePrefixes) ?? [])
            .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        for (position, kind) in kinds.enumerated() {
            for title in kind.titles {
                let key = titleKey(title)
                titleLookup[Array(key.utf8)] = position
                longestTitle = max(longestTitle, key.unicodeScalars.count)
            }
        }
    }

    /// Longest title key, in scalars: a longer line (with a year and 部门 in front at most) is
    /// not a title, and is refused without building its key.
    private var longestTitle = 0

    /// The kind a title names, if any.
    public func kind(forTitle title: String) -> Kind? {
        guard title.unicodeScalars.count <= longestTitle + 12 else { return nil }
        // Keyed by bytes: hashing a non-ASCII String normalizes it first, which costs more.
        return titleLookup[Array(titleKey(title).utf8)].map { kinds[$0] }
    }

    /// A title reduced to what identifies it: its `TextKey`, without a leading year (`2025年`)
    /// and a leading publisher word of `titlePrefixes` (`部门`, `预算单位`).
    public func titleKey(_ title: String) -> String {
        var key = TextKey.of(title).unicodeScalars[...]
        if key.count > 5, key.prefix(4).allSatisfy({ ("0"..."9").contains($0) }), key.dropFirst(4).first == "年" {
            key = key.dropFirst(5)
        }
        for prefix in titlePrefixes where key.starts(with: prefix.unicodeScalars) && key.count > prefix.unicodeScalars.count + 2 {
            key = key.dropFirst(prefix.unicodeScalars.count)
            break
        }
        return String(scalars: key)
    }
}

/// How a table's rows are laid out.
public enum TableLayout: String, Codable, Sendable {
    /// Header rows, then body rows of cells.
    case grid
    /// Income and expenditure side by side: each side a list of (item, amount) rows.
    case paired
    /// Key–value fields with embedded grids.
    case form
}

extension TableKinds {
    /// The shipped table-kinds data itself, part of the segment stage's options fingerprint:
    /// editing the data re-runs the stage.
    package static var fingerprint: Data { Data(PackageResources.table_kinds_json) }
}
