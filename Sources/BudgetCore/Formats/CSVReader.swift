/// Reads RFC 4180 CSV — what `CSVWriter` writes — back into records: the driver reads the
/// catalog it keeps, tests read the exports. Fields come back as written (text that
/// `CSVDefusing` defused stays defused; `CSVDefusing.printed` undoes it).
///
/// Lenient where a hand-edited file may differ from what `CSVWriter` writes: LF or CRLF between
/// records, a stray CR outside quotes ignored, a UTF-8 byte-order mark skipped, the last record
/// with or without its line break.
package enum CSVReader {
    /// The records of `text`, each a list of fields.
    package static func records(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": row.append(String(field)); field = String.UnicodeScalarView()
            case "\r": continue
            case "\n": row.append(String(field)); rows.append(row); row = []; field = String.UnicodeScalarView()
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
        return rows
    }
}
