import BudgetCore
import Foundation

/// `output/catalog.csv`: one row per report version ever ingested — id, version, source,
/// SHA-256, unit, year, kind, status, counts of tables, facts, failed checks and checks that
/// could not be judged (`unverified`), and when it was ingested. Rows of reports a run did not touch are kept, and so are reports whose input
/// has been removed: the catalog forgets nothing.
public enum Catalog {
    public static let fileName = "catalog.csv"
    public static let columns = ["report_id", "version", "current", "source", "sha256", "unit", "year", "kind",
                                 "status", "tables", "facts", "failed_checks", "unverified", "ingested"]

    /// The columns of a catalog written before `unverified` was counted (0.5.0): its rows are
    /// read with that count empty (not known), never dropped.
    static let columnsBeforeUnverified = columns.filter { $0 != "unverified" }

    /// Rewrites the catalog with the rows of these manifests in place of their reports' old rows.
    /// Nothing is written when the result is the same as what is there.
    package static func update(with manifests: [Manifest], outputFolder: URL) throws {
        try update(with: manifests.map(rows(of:)), outputFolder: outputFolder)
    }

    /// Rewrites the catalog with these reports' rows (`rows(of:)`, one list per report) in place of
    /// their old rows.
    package static func update(with reports: [[[String]]], outputFolder: URL) throws {
        let url = outputFolder.appendingPathComponent(fileName)
        let existing = (try? Data(contentsOf: url)) ?? Data()
        let updated = Set(reports.compactMap { $0.first?[0] })
        var rows = CSVReader.records(String(decoding: existing, as: UTF8.self)).dropFirst()
            .map { upgraded($0.map(CSVDefusing.printed)) }
            .filter { $0.count == columns.count && !updated.contains($0[0]) }
        for report in reports { rows.append(contentsOf: report) }
        rows.sort { ($0[0], Int($0[1]) ?? 0) < ($1[0], Int($1[1]) ?? 0) }
        let data = encoded(rows)
        if data != existing { try FileSystem.writeAtomically(data, to: url) }
    }

    /// Joins the catalogs of several output folders (the shards of one batch, run on different
    /// machines) into one at `destination`. A report version listed in more than one keeps the
    /// row ingested last. A file that is not a catalog is refused by name; nothing is written then.
    public static func merge(_ catalogs: [URL], into destination: URL) throws -> Int {
        var byVersion: [String: [String]] = [:]
        for url in catalogs {
            let data: Data
            do { data = try FileSystem.read(url) } catch {
                throw ReportError(file: url.path, message: "cannot be read: \(error)")
            }
            let records = CSVReader.records(String(decoding: data, as: UTF8.self)).map { $0.map(CSVDefusing.printed) }
            guard records.first == columns || records.first == columnsBeforeUnverified else {
                throw ReportError(file: url.path, line: 1, message: "is not a budget-etl catalog (its header is not \(columns.joined(separator: ",")))")
            }
            for (offset, printed) in records.dropFirst().enumerated() {
                let row = records.first == columns ? printed : upgraded(printed)
                guard row.count == columns.count else {
                    throw ReportError(file: url.path, line: offset + 2, message: "has \(row.count) fields where a catalog row has \(columns.count)")
                }
                let key = "\(row[0])\u{0}\(row[1])"
                if let kept = byVersion[key], kept[columns.count - 1] >= row[columns.count - 1] { continue }
                byVersion[key] = row
            }
        }
        let rows = byVersion.values.sorted { ($0[0], Int($0[1]) ?? 0) < ($1[0], Int($1[1]) ?? 0) }
        try FileSystem.writeAtomically(encoded(rows), to: destination)
        return rows.count
    }

    /// A row of a catalog written before `unverified` was counted, with that count empty.
    private static func upgraded(_ row: [String]) -> [String] {
        guard row.count == columnsBeforeUnverified.count, let at = columns.firstIndex(of: "unverified") else { return row }
        var row = row
        row.insert("", at: at)
        return row
    }

    /// The catalog's bytes: written like the exports, RFC 4180 with text defused for spreadsheets.
    private static func encoded(_ rows: [[String]]) -> Data {
        var csv = CSVWriter(byteOrderMark: false)
        for row in [columns] + rows { csv.record(row) }
        return csv.data
    }

    package static func rows(of manifest: Manifest) -> [[String]] {
        var rows: [[String]] = []
        let versions = manifest.versions ?? []
        for (index, version) in versions.enumerated() {
            rows.append(row(id: manifest.reportId, version: index + 1, current: false, source: version.source, sha256: version.sha256,
                            summary: version.summary, status: version.status, ingested: version.ingested))
        }
        rows.append(row(id: manifest.reportId, version: versions.count + 1, current: true, source: manifest.source.path,
                        sha256: manifest.source.sha256, summary: manifest.summary, status: manifest.status, ingested: manifest.ingested))
        return rows
    }

    private static func row(id: String, version: Int, current: Bool, source: String, sha256: String, summary: [String: String]?,
                            status: Manifest.Status, ingested: String?) -> [String] {
        let summary = summary ?? [:]
        return [id, String(version), current ? "yes" : "no", source, sha256, summary["unit"] ?? "", summary["year"] ?? "",
                summary["kind"] ?? "", status.rawValue, summary["tables"] ?? "", summary["facts"] ?? "",
                summary["failedChecks"] ?? "", summary["unverifiedChecks"] ?? "", ingested ?? ""]
    }
}
