import BudgetCore
import Foundation

/// `output/catalog.csv`: one row per report version ever ingested — id, version, source,
/// SHA-256, what the report is (unit, year, kind, title, amount unit), status and why it failed,
/// counts of tables, facts, warnings, failed checks and checks that could not be judged
/// (`unverified`), and when it was ingested. Rows of
/// reports a run did not touch are kept, and so are reports whose input has been removed: the
/// catalog forgets nothing.
///
/// Catalogs are read by column name, so a catalog written by an earlier version (0.5: `unit`
/// for `unit_name`, no `title`, `amount_unit`, `warnings`, `unverified` or `reason`) is carried over, its rows
/// moved to the current columns and the columns it lacks left empty until its report is
/// processed again.
public enum Catalog {
    public static let fileName = "catalog.csv"
    public static let columns = ["report_id", "version", "current", "source", "sha256", "unit_name", "year", "kind",
                                 "title", "amount_unit", "status", "tables", "facts", "warnings", "failed_checks",
                                 "unverified", "reason", "ingested"]

    /// Columns of earlier catalogs that have another name now.
    static let renamed = ["unit": "unit_name"]

    /// Columns without which a file is not a catalog: a row is a report version, and the merge
    /// keeps the row ingested last.
    static let keyColumns = ["report_id", "version", "ingested"]

    /// Rewrites the catalog with the rows of these manifests in place of their reports' old rows.
    /// Nothing is written when the result is the same as what is there.
    package static func update(with manifests: [Manifest], outputFolder: URL) throws {
        var update = try CatalogUpdate(outputFolder: outputFolder)
        for manifest in manifests.sorted(by: { $0.reportId < $1.reportId }) { try update.add(rows(of: manifest)) }
        try update.finish()
    }

    /// Joins the catalogs of several output folders (the shards of one batch, run on different
    /// machines) into one at `destination`. A report version listed in more than one keeps the
    /// row ingested last. Catalogs of an earlier version are read by column name (see above). A
    /// file that is not a catalog is refused by name; nothing is written then.
    public static func merge(_ catalogs: [URL], into destination: URL) throws -> Int {
        let ingested = columns.firstIndex(of: "ingested")!
        var byVersion: [String: [String]] = [:]
        for url in catalogs {
            let data: Data
            do { data = try FileSystem.read(url) } catch {
                throw ReportError(file: url.path, message: "cannot be read: \(error)")
            }
            for row in try records(of: data, file: url.path) {
                let key = "\(row[0])\u{0}\(row[1])"
                if let kept = byVersion[key], kept[ingested] >= row[ingested] { continue }
                byVersion[key] = row
            }
        }
        let rows = byVersion.values.sorted { ($0[0], Int($0[1]) ?? 0) < ($1[0], Int($1[1]) ?? 0) }
        try FileSystem.writeAtomically(encoded(rows), to: destination)
        return rows.count
    }

    /// A catalog's rows (text as printed, not defused), each with the current columns in order
    /// (see `Columns`). Empty data has no rows.
    static func records(of data: Data, file: String) throws -> [[String]] {
        let records = CSVReader.records(String(decoding: data, as: UTF8.self))
        guard let header = records.first else { return [] }
        let columns = try Columns(header: header, file: file)
        return try records.dropFirst().enumerated().map { offset, record in try columns.row(record, line: offset + 2) }
    }

    /// Where the fields of a catalog's records go: a field goes to the column its header names
    /// (an earlier name is read as the current one); a column the file lacks is empty.
    struct Columns {
        let file: String
        let count: Int
        private let places: [Int]

        /// Throws, naming the file, when `header` is not a catalog's (a column no version had, or
        /// a key column missing).
        init(header: [String], file: String) throws {
            let names = header.map { CSVDefusing.printed($0) }.map { renamed[$0] ?? $0 }
            let places = names.compactMap { Catalog.columns.firstIndex(of: $0) }
            guard places.count == names.count, Set(names).count == names.count, keyColumns.allSatisfy(names.contains) else {
                throw ReportError(file: file, line: 1, message: "is not a budget-etl catalog (its header is not "
                    + "\(Catalog.columns.joined(separator: ",")), nor an earlier catalog's)")
            }
            (self.file, self.count, self.places) = (file, header.count, places)
        }

        /// The record's fields (as printed, not defused) in the current columns; throws, naming
        /// the file and line, when it is not as wide as the header.
        func row(_ record: [String], line: Int) throws -> [String] {
            guard record.count == count else {
                throw ReportError(file: file, line: line, message: "has \(record.count) fields where a catalog row has \(count)")
            }
            var row = [String](repeating: "", count: Catalog.columns.count)
            for (field, place) in zip(record, places) { row[place] = CSVDefusing.printed(field) }
            return row
        }
    }

    /// The catalog's bytes: written like the exports, RFC 4180 with text defused for spreadsheets.
    private static func encoded(_ rows: [[String]]) -> Data {
        var csv = CSVWriter(byteOrderMark: false)
        for row in [columns] + rows { csv.record(row) }
        return csv.takeData()
    }

    package static func rows(of manifest: Manifest) -> [[String]] {
        var rows: [[String]] = []
        let versions = manifest.versions ?? []
        for (index, version) in versions.enumerated() {
            rows.append(row(id: manifest.reportId, version: index + 1, current: false, source: version.source, sha256: version.sha256,
                            summary: version.summary, status: version.status, error: version.error, ingested: version.ingested))
        }
        rows.append(row(id: manifest.reportId, version: versions.count + 1, current: true, source: manifest.source.path,
                        sha256: manifest.source.sha256, summary: manifest.summary, status: manifest.status, error: manifest.error,
                        ingested: manifest.ingested))
        return rows
    }

    /// One row. The summary's keys are the stages' (`Stage.summary`): normalize's `unit`, `year`,
    /// `kind`, `title`, `amountUnit`, `tables`; reconcile's `warnedChecks`, `failedChecks`, `unverifiedChecks`;
    /// export's `facts`. `reason` is the error as the run printed it (`file:line: [stage] message`).
    private static func row(id: String, version: Int, current: Bool, source: String, sha256: String, summary: [String: String]?,
                            status: Manifest.Status, error: ReportError?, ingested: String?) -> [String] {
        let summary = summary ?? [:]
        return [id, String(version), current ? "yes" : "no", source, sha256, summary["unit"] ?? "", summary["year"] ?? "",
                summary["kind"] ?? "", summary["title"] ?? "", summary["amountUnit"] ?? "", status.rawValue,
                summary["tables"] ?? "", summary["facts"] ?? "", summary["warnedChecks"] ?? "", summary["failedChecks"] ?? "",
                summary["unverifiedChecks"] ?? "", status == .ok ? "" : error?.description ?? "", ingested ?? ""]
    }
}
