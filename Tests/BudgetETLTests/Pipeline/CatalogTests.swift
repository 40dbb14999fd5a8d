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
}
