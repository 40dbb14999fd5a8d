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
            var content: [UInt8] = []
            append(table, to: &content)
            let digest = Checksum.sha256(content)
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

    /// Everything printed in the table, without its position in the text, as UTF-8 bytes
    /// appended to one buffer (no intermediate strings). Fields are separated by control
    /// characters that never occur in extracted text (the extract stage removes them).
    private static func append(_ table: SegmentedTable, to bytes: inout [UInt8]) {
        bytes += (table.title?.text ?? "").utf8
        bytes.append(1)
        bytes += (table.caption?.text ?? "").utf8
        bytes.append(1)
        for column in table.columns { append(column.path, to: &bytes) }
        bytes.append(1)
        for row in table.rows { append(row.cells, to: &bytes) }
        bytes.append(1)
        for field in table.fields {
            bytes += field.label.utf8
            bytes.append(2)
            bytes += field.value.utf8
            bytes.append(3)
        }
        for grid in table.grids {
            bytes.append(4)
            append(grid, to: &bytes)
        }
    }

    /// `texts` joined by U+0002, then U+0003.
    private static func append(_ texts: [String], to bytes: inout [UInt8]) {
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(2) }
            bytes += text.utf8
        }
        bytes.append(3)
    }
}
