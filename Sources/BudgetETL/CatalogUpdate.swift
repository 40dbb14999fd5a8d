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
    private let url: URL
    private let temporary: URL
    private var old: CSVFileReader?
    private var oldColumns: Catalog.Columns?
    private var oldLine = 1
    /// The next row of the old catalog, not yet written or dropped.
    private var pending: [String]?
    private var updated: Set<String> = []
    private var csv = CSVWriter(byteOrderMark: false)
    private let descriptor: Int32

    package init(outputFolder: URL) throws {
        url = outputFolder.appendingPathComponent(Catalog.fileName)
        // A run that died while writing the catalog left its temporary file (the run holds the
        // output folder's lock, so no other run is writing one now).
        let prefix = FileSystem.temporaryPrefix + Catalog.fileName
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path)) ?? [] where name.hasPrefix(prefix) {
            unlink(outputFolder.appendingPathComponent(name).path)
        }
        temporary = outputFolder.appendingPathComponent("\(prefix).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(path: url.path, action: "write", reason: String(cString: strerror(errno)))
        }
        if let reader = try? CSVFileReader(url), let header = try? reader.record(),
           let columns = try? Catalog.Columns(header: header, file: url.path) {
            (old, oldColumns) = (reader, columns)
        }
        csv.record(Catalog.columns)
        try readOld()
    }

    deinit {
        close(descriptor)
        unlink(temporary.path)
    }

    /// One report's rows (`Catalog.rows(of:)`; none for a report that never got a manifest).
    package mutating func add(_ rows: [[String]]) throws {
        guard let id = rows.first?[0] else { return }
        updated.insert(id)
        while let row = pending, row[0] <= id {
            if row[0] != id { csv.record(row) }
            try readOld()
        }
        for row in rows { csv.record(row) }
        try flush(over: 1 << 16)
    }

    /// Writes the old rows left, and puts the new catalog in place unless it is the same.
    package mutating func finish() throws {
        while let row = pending {
            csv.record(row)
            try readOld()
        }
        try flush(over: 0)
        if !FileSystem.sameContents(temporary, url) { try FileSystem.move(temporary, to: url) }
    }

    /// The next old row that is not of a report this run wrote.
    private mutating func readOld() throws {
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
        let failed = csv.withBytes { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failed != 0 { throw failure(failed) }
        csv.removeAll()
    }

    private func failure(_ code: Int32) -> FileSystemError {
        FileSystemError(path: url.path, action: "write", reason: String(cString: strerror(code)))
    }
}
