import BudgetCore
import Foundation

/// Rewrites `catalog.csv` while a run goes on: the rows of each report as it finishes, in report
/// id order, merged with the rows of the catalog there was (read a chunk at a time), into a
/// temporary file that replaces the catalog when the run ends. Memory stays flat however many
/// reports the batch and the catalog hold: what is kept is the ids of the reports written (so
/// their old rows are dropped even from a catalog someone sorted differently) and one record.
///
/// Reports must be added in increasing id order (`String` order, the catalog's); the driver runs
/// them in that order and adds each when every report before it has been added. A catalog that
/// cannot be read as one holds no rows to keep, as before. When the new catalog has the same
/// bytes as the old one, the old one is left as it is.
package struct CatalogUpdate: ~Copyable {
    private var file: StreamedFile
    private var old: CSVFileReader?
    private var oldColumns: Catalog.Columns?
    private var oldLine = 1
    /// The next row of the old catalog, not yet written or dropped.
    private var pending: [String]?
    private var updated: Set<String> = []
    private var csv = CSVWriter(byteOrderMark: false)

    package init(outputFolder: URL) throws {
        let url = outputFolder.appendingPathComponent(Catalog.fileName)
        // A run that died while writing the catalog left its temporary file (the run holds the
        // output folder's lock, so no other run is writing one now).
        StreamedFile.removeLeftovers(of: url)
        let file = try StreamedFile(replacing: url)
        self.file = file
        if let reader = try? CSVFileReader(url), let header = try? reader.record(),
           let columns = try? Catalog.Columns(header: header, file: url.path) {
            (old, oldColumns) = (reader, columns)
        }
        csv.record(Catalog.columns)
        readOld()
    }

    /// One report's rows (`Catalog.rows(of:)`; none for a report that never got a manifest).
    package mutating func add(_ rows: [[String]]) throws {
        guard let id = rows.first?[0] else { return }
        updated.insert(id)
        while let row = pending, row[0] <= id {
            if row[0] != id { csv.record(row) }
            readOld()
        }
        for row in rows { csv.record(row) }
        try flush(over: 1 << 16)
    }

    /// Writes the old rows left, and puts the new catalog in place unless it is the same.
    package mutating func finish() throws {
        while let row = pending {
            csv.record(row)
            readOld()
        }
        try flush(over: 0)
        try file.finish()
    }

    /// The next old row that is not of a report this run wrote.
    private mutating func readOld() {
        pending = nil
        guard let columns = oldColumns else { return }
        while let reader = old {
            // A catalog that turns out not to be one after all is read as far as it is one.
            guard let record = try? reader.record(), let row = try? columns.row(record, line: oldLine + 1) else {
                old = nil
                return
            }
            oldLine += 1
            if !updated.contains(row[0]) {
                pending = row
                return
            }
        }
    }

    private mutating func flush(over limit: Int) throws {
        guard csv.byteCount > limit else { return }
        try csv.withBytes { bytes in try file.append(bytes) }
        csv.removeAll()
    }
}
