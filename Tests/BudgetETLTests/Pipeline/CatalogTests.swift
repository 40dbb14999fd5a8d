import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// `catalog.csv`: merged across runs, safe in a spreadsheet, and stable when nothing changes.
@Suite struct CatalogTests {
    let folder = TemporaryFolder()

    func manifest(_ id: String, unit: String) -> Manifest {
        Manifest(schemaVersion: Manifest.currentSchemaVersion, reportId: id,
                 source: FileRecord(path: "input/\(id).txt", sha256: "ab", size: 1, stamp: nil),
                 software: .current, status: .ok, error: nil, stages: [], updated: "", ingested: "2026-01-01T00:00:00Z",
                 summary: ["unit": unit, "year": "2024"], versions: nil)
    }

    @Test func rowsOfOtherReportsAreKeptAndFormulasDefusedOnce() throws {
        try Catalog.update(with: [manifest("a", unit: "=HYPERLINK(\"x\")")], outputFolder: folder.url)
        try Catalog.update(with: [manifest("b", unit: "单位")], outputFolder: folder.url)
        try Catalog.update(with: [manifest("b", unit: "单位")], outputFolder: folder.url)
        let text = try #require(folder.text("catalog.csv"))
        let rows = CSVReader.records(text)
        #expect(rows.map { $0[0] } == ["report_id", "a", "b"])
        #expect(rows[1][5] == "'=HYPERLINK(\"x\")", "defused once, however often the catalog is rewritten")
        #expect(text.hasSuffix("\r\n"))
    }

    /// Checks that could not be judged are counted in `unverified`, right after `failed_checks`;
    /// rows of a catalog written before that column are kept, with the count empty (not known).
    @Test func unverifiedChecksAreCountedAndOlderCatalogsKeepTheirRows() throws {
        var counted = manifest("new", unit: "单位")
        counted.summary?["failedChecks"] = "0"
        counted.summary?["unverifiedChecks"] = "8"
        folder.write("catalog.csv", text: "report_id,version,current,source,sha256,unit,year,kind,status,tables,facts,failed_checks,ingested\r\n"
            + "old,1,yes,input/old.txt,cd,单位,2023,单位预算,ok,25,253,0,2025-01-01T00:00:00Z\r\n")
        try Catalog.update(with: [counted], outputFolder: folder.url)
        let rows = CSVReader.records(try #require(folder.text("catalog.csv")))
        let header = try #require(rows.first)
        #expect(header == Catalog.columns)
        let at = try #require(header.firstIndex(of: "unverified"))
        #expect(header[at - 1] == "failed_checks")
        #expect(rows.map { $0[0] } == ["report_id", "new", "old"])
        #expect(rows[1][at] == "8" && rows[1][at - 1] == "0")
        #expect(rows[2][at] == "" && rows[2][at - 1] == "0" && rows[2].last == "2025-01-01T00:00:00Z", "\(rows[2])")
    }

    /// The first run after an upgrade from 0.5 keeps the rows of reports it does not touch (a
    /// removed input's rows live only in the catalog), moved to the current columns.
    @Test func anEarlierCatalogsRowsAreCarriedOver() throws {
        folder.write("catalog.csv", text: "report_id,version,current,source,sha256,unit,year,kind,status,tables,facts,failed_checks,ingested\r\n"
            + "gone,1,yes,input/gone.txt,aa,旧单位,2023,单位预算,ok,20,250,0,2025-12-01T00:00:00Z\r\n")
        try Catalog.update(with: [manifest("b", unit: "单位")], outputFolder: folder.url)
        let rows = CSVReader.records(try #require(folder.text("catalog.csv")))
        #expect(rows[0] == Catalog.columns)
        #expect(rows.dropFirst().map { $0[0] } == ["b", "gone"])
        let gone = Dictionary(uniqueKeysWithValues: zip(Catalog.columns, rows[2]))
        #expect(gone["unit_name"] == "旧单位" && gone["facts"] == "250" && gone["warnings"] == "")
        #expect(gone["ingested"] == "2025-12-01T00:00:00Z")
    }

    /// What a nightly run is monitored by: the title and amount unit, the count of warnings, and
    /// why a report failed (empty when it did not).
    @Test func rowsSayWhatTheReportIsAndWhyItFailed() throws {
        var ok = manifest("a", unit: "单位")
        ok.summary?.merge(["title": "某单位2024年单位预算", "amountUnit": "万元", "warnedChecks": "3", "failedChecks": "0"]) { $1 }
        var failed = manifest("b", unit: "")
        failed.status = .failed
        failed.error = ReportError(file: "input/b.txt", line: 2, stage: "segment", message: "not a budget report: no table")
        try Catalog.update(with: [ok, failed], outputFolder: folder.url)
        let rows = CSVReader.records(try #require(folder.text("catalog.csv"))).dropFirst()
            .map { Dictionary(uniqueKeysWithValues: zip(Catalog.columns, $0)) }
        #expect(rows[0]["title"] == "某单位2024年单位预算" && rows[0]["amount_unit"] == "万元")
        #expect(rows[0]["warnings"] == "3" && rows[0]["failed_checks"] == "0" && rows[0]["reason"] == "")
        #expect(rows[1]["status"] == "failed")
        #expect(rows[1]["reason"] == "input/b.txt:2: [segment] not a budget report: no table")
    }

    /// A run adds reports in id order while it goes on; their rows take the place of their old
    /// rows, and every other report's rows are kept in order around them.
    @Test func reportsAddedInOrderAreMergedIntoTheCatalogThereWas() throws {
        try Catalog.update(with: ["a", "c", "e"].map { manifest($0, unit: "旧") }, outputFolder: folder.url)
        var update = try CatalogUpdate(outputFolder: folder.url)
        for id in ["b", "c", "f"] { try update.add(Catalog.rows(of: manifest(id, unit: "新"))) }
        try update.finish()
        let rows = CSVReader.records(try #require(folder.text("catalog.csv"))).dropFirst()
        let unit = try #require(Catalog.columns.firstIndex(of: "unit_name"))
        #expect(rows.map { "\($0[0]) \($0[unit])" } == ["a 旧", "b 新", "c 新", "e 旧", "f 新"])
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) })
    }

    /// A run that changes nothing leaves the catalog as it was: not even rewritten.
    @Test func anUnchangedCatalogIsNotRewritten() throws {
        try Catalog.update(with: [manifest("a", unit: "单位")], outputFolder: folder.url)
        let before = try #require(FileSystem.stamp(of: folder.path("catalog.csv")))
        try Catalog.update(with: [manifest("a", unit: "单位")], outputFolder: folder.url)
        #expect(FileSystem.stamp(of: folder.path("catalog.csv")) == before)
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) })
    }

    /// A catalog someone sorted another way still loses the old rows of every report written
    /// again (none is listed twice), and keeps all others; the temporary file of a run that died
    /// while writing the catalog is removed.
    @Test func staleRowsAreDroppedWhateverTheOrderAndLeftoversSwept() throws {
        try Catalog.update(with: ["a", "b", "c"].map { manifest($0, unit: "旧") }, outputFolder: folder.url)
        var lines = try #require(folder.text("catalog.csv")).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        lines = [lines[0], lines[3], lines[2], lines[1]]  // c, b, a
        folder.write("catalog.csv", text: lines.joined(separator: "\r\n") + "\r\n")
        folder.write(".tmp-catalog.csv.1.2", text: "half a catalog")
        try Catalog.update(with: ["a", "c"].map { manifest($0, unit: "新") }, outputFolder: folder.url)
        let rows = CSVReader.records(try #require(folder.text("catalog.csv"))).dropFirst()
        let unit = try #require(Catalog.columns.firstIndex(of: "unit_name"))
        #expect(rows.map { "\($0[0]) \($0[unit])" }.sorted() == ["a 新", "b 旧", "c 新"])
        #expect(!folder.exists(".tmp-catalog.csv.1.2"))
    }
}
