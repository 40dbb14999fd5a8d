import BudgetCore

/// `completeness`: every table the contents promise is in the body, a table printed without
/// rows says why in a note (`说明：…没有…`), no table is printed twice (a repeat is a warning
/// naming both places; its figures were counted once) and no caption names two tables. A miss is reported with `options.completenessStatus`
/// (warn unless configured): the figures present may still be right.
package struct CompletenessRule: ReconcileRule {
    package static let id = "completeness"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        let present = Set(context.report.tables.map(\.id))
        var promised: [String] = []
        for entry in context.report.promisedTables where !promised.contains(entry.id) {
            promised.append(entry.id)
            if present.contains(entry.id) {
                log.note(Self.id, id: "\(Self.id):\(entry.id)", table: entry.id, location: "表\(entry.id) \(entry.title)",
                         status: .pass, message: "表\(entry.id) \(entry.title), promised by the contents (line \(entry.line)), is present.",
                         lines: [entry.line])
            } else {
                log.note(Self.id, id: "\(Self.id):\(entry.id)", table: entry.id, location: "表\(entry.id) \(entry.title)",
                         status: context.options.completenessStatus,
                         message: "表\(entry.id) \(entry.title) is promised by the contents (line \(entry.line)) but is not in the body; "
                             + "publish the table or remove it from the contents.",
                         lines: [entry.line])
            }
        }
        for id in context.report.missingTables where !promised.contains(id) && !present.contains(id) {
            log.note(Self.id, id: "\(Self.id):\(id)", table: id, location: "表\(id)", status: context.options.completenessStatus,
                     message: "表\(id) is referred to but is not in the body; publish the table or remove the reference.", lines: [])
        }
        for copy in context.report.repeatedTables {
            log.note(Self.id, id: "\(Self.id):\(copy.repeats):repeat:\(copy.line)", table: copy.repeats,
                     location: "表\(copy.repeats) at line \(copy.line)", status: .warn,
                     message: "表\(copy.repeats) is printed again at line \(copy.line) with the same content as at line "
                         + "\(copy.repeatsLine) (a doubled page or a repeated part of the report); its figures are counted once.",
                     lines: [copy.repeatsLine, copy.line])
        }
        // A caption printed twice over different content: segment numbers the second `<id>_2`
        // (a repeat with the same content was counted once above).
        let byID = Dictionary(context.report.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for table in context.report.tables where table.parentId == nil {
            guard let separator = table.id.lastIndex(of: "_"), Int(table.id[table.id.index(after: separator)...]) != nil,
                  let first = byID[String(table.id[..<separator])] else { continue }
            log.note(Self.id, id: "\(Self.id):\(first.id):caption:\(table.line)", table: first.id,
                     location: "表\(first.id) at line \(table.line)", status: context.options.completenessStatus,
                     message: "表\(first.id) is captioned again at line \(table.line) (first at line \(first.line)) over a different "
                         + "table, kept as \(table.id); check which table the second caption should name.",
                     lines: [first.line, table.line])
        }
        for table in context.report.tables where table.empty {
            let location = "表\(table.id) \(table.title)"
            if let note = table.notes.first {
                log.note(Self.id, id: "\(Self.id):\(table.id):note", table: table.id, location: location, status: .pass,
                         message: "\(location) has no rows and says why: \(note.text)", lines: [table.line, note.line])
            } else {
                log.note(Self.id, id: "\(Self.id):\(table.id):note", table: table.id, location: location,
                         status: context.options.completenessStatus,
                         message: "\(location) has no rows and no note saying why; add a 说明 (e.g. that no such funds were used) or the missing rows.",
                         lines: [table.line])
            }
        }
    }
}
