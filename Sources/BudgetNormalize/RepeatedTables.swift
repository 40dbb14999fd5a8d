import BudgetCore
import BudgetSegment

/// A table printed a second time with the same content: an extractor that doubled a page, or a
/// report concatenated with itself. Its figures are counted once, where they first appear; the
/// repeat is kept here so reconciliation can say where it is.
public struct RepeatedTable: Codable, Sendable, Equatable {
    /// The id the segmenter gave the repeat (`6_2`).
    public var id: String
    /// The line of the repeat's caption or title.
    public var line: Int
    /// The table it repeats, by id, and that table's line.
    public var repeats: String
    public var repeatsLine: Int
}

/// Finds tables whose content (title, header paths, rows, form fields and grids, but not line
/// numbers) equals an earlier table's. One pass with a digest per table, so a report made of a
/// hundred copies of itself costs a hundred times one copy, not ten thousand.
enum RepeatedTables {
    /// The tables to keep, in order, and the repeats left out.
    static func separate(_ tables: [SegmentedTable]) -> (kept: [SegmentedTable], repeats: [RepeatedTable]) {
        var firstByContent: [String: SegmentedTable] = [:]
        var kept: [SegmentedTable] = []
        var repeats: [RepeatedTable] = []
        for table in tables {
            let digest = Checksum.sha256(Array(content(of: table).utf8))
            if let first = firstByContent[digest] {
                repeats.append(RepeatedTable(id: table.id, line: line(of: table), repeats: first.id, repeatsLine: line(of: first)))
            } else {
                firstByContent[digest] = table
                kept.append(table)
            }
        }
        return (kept, repeats)
    }

    static func line(of table: SegmentedTable) -> Int {
        table.caption?.line ?? table.title?.line ?? table.rows.first?.line ?? 0
    }

    /// Everything printed in the table, without its position in the text. Fields are separated by
    /// control characters that never occur in extracted text (the extract stage removes them).
    private static func content(of table: SegmentedTable) -> String {
        var text = "\(table.title?.text ?? "")\u{1}\(table.caption?.text ?? "")\u{1}"
        for column in table.columns { text += column.path.joined(separator: "\u{2}") + "\u{3}" }
        text += "\u{1}"
        for row in table.rows { text += row.cells.joined(separator: "\u{2}") + "\u{3}" }
        text += "\u{1}"
        for field in table.fields { text += "\(field.label)\u{2}\(field.value)\u{3}" }
        for grid in table.grids { text += "\u{4}" + content(of: grid) }
        return text
    }
}
