import BudgetCore
import BudgetNormalize
import Foundation

/// `tables/<table_id>.csv`: a table as printed (wide), one column per printed column headed by
/// its flattened header path, cells exactly as printed (placeholders such as `—` included).
/// A form has no grid of its own (its grids are tables of their own): its file lists its fields,
/// one per record, as `label,value`.
package enum TableCSV {
    package static let folder = "tables"
    package static let formHeader = ["label", "value"]

    /// The table's file name inside `tables/`: its id, with any character that is not a letter,
    /// digit, `.`, `-` or `_` replaced by `_` so an id can never leave the folder.
    package static func fileName(for id: String) -> String {
        let safe = String(id.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        })
        return "\(folder)/\(safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "_" : safe).csv"
    }

    package static func isForm(_ table: NormalizedTable) -> Bool {
        table.layout == .form && table.columns.isEmpty
    }

    package static func header(_ table: NormalizedTable) -> [String] {
        isForm(table) ? formHeader : ColumnNames.uniqueHeaders(table)
    }

    package static func write(_ table: NormalizedTable, byteOrderMark: Bool) -> Data {
        var csv = CSVWriter(byteOrderMark: byteOrderMark, capacity: 128 * (table.rows.count + table.fields.count + 1))
        csv.record(header(table))
        if isForm(table) {
            for field in table.fields { csv.record([field.label, field.value]) }
        } else {
            for row in PrintedRows(table: table).rows() { csv.record(row) }
        }
        return csv.data
    }
}
