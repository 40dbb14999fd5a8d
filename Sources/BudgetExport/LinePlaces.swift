import BudgetNormalize
import BudgetSegment

/// Where each line of the text is in the record, for the checks' `<involves>`: a table's body
/// row, a form's field or a table's note (with the table's id), an entry of the contents, or a
/// heading or paragraph of the narrative. Built once per document, in one pass over each part.
package struct LinePlaces {
    package enum Part: String {
        case row, field, note, contents, narrative
    }

    private var places: [Int: (part: Part, table: String?)] = [:]

    package init(_ normalized: NormalizedReport, narrative: [NarrativeBlock]) {
        for table in normalized.tables {
            // By index, a row's line read in place (`for row in` copies every row).
            for row in table.rows.indices where places[table.rows[row].line] == nil { places[table.rows[row].line] = (.row, table.id) }
            for field in table.fields where places[field.line] == nil { places[field.line] = (.field, table.id) }
            for note in table.notes where places[note.line] == nil { places[note.line] = (.note, table.id) }
        }
        for promised in normalized.promisedTables where places[promised.line] == nil { places[promised.line] = (.contents, nil) }
        for block in narrative {
            for line in block.lines where places[line] == nil { places[line] = (.narrative, nil) }
        }
    }

    package func place(of line: Int) -> (part: Part, table: String?)? { places[line] }
}
