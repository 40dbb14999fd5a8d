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
        let old = Catalog.columnsBeforeUnverified.joined(separator: ",") + "\r\n"
            + "old,1,yes,input/old.txt,cd,单位,2023,单位预算,ok,25,253,0,2025-01-01T00:00:00Z\r\n"
        folder.write("catalog.csv", Data(old.utf8))
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
}
