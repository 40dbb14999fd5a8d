import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetReconcile

/// `datapackage.json` describes every CSV so `frictionless validate` can check the package.
@Suite struct ExportDataPackageTests {
    static var package: [String: Any] {
        try! JSONSerialization.jsonObject(with: ExportFixtures.file(DataPackage.fileName)) as! [String: Any]
    }
    static var resources: [[String: Any]] { package["resources"] as! [[String: Any]] }

    /// Sizes and checksums are the bag manifest's alone (`ExportBagTests`), not repeated here.
    @Test func describesEveryCSV() {
        let csvs = ExportFixtures.files.filter { $0.name.hasSuffix(".csv") }
        #expect(Set(Self.resources.map { "data/" + ($0["path"] as! String) }) == Set(csvs.map(\.name)))
        for resource in Self.resources {
            #expect(resource["hash"] == nil && resource["bytes"] == nil)
            let name = resource["name"] as! String
            #expect(name.range(of: "^[-a-z0-9._/]+$", options: .regularExpression) != nil, "\(name)")
        }
        #expect(Self.package["profile"] as? String == "tabular-data-package")
        #expect(Self.package["name"] as? String == ExportFixtures.reportID)
    }

    /// The descriptor is put together from parts encoded once per run (`DataPackage.encode`):
    /// its bytes are those of the whole descriptor encoded at once, with and without a `name`,
    /// for titles JSON must escape, and for any width of tables.csv.
    @Test func assembledBytesAreTheEncodedDescriptor() throws {
        var metadata = SampleReport.normalized.metadata
        for (reportID, title) in [(ExportFixtures.reportID, metadata.title), ("Report (1)", "a \"quoted\"\n/title\\\t\u{1}"), ("r", nil)] {
            metadata.title = title
            for tables in [SampleReport.normalized.tables, [], Array(SampleReport.normalized.tables.prefix(1))] {
                let whole = try JSONCoding.encode(DataPackage.descriptor(reportID: reportID, metadata: metadata, tables: tables), pretty: false)
                let assembled = try DataPackage.encode(reportID: reportID, metadata: metadata, tables: tables)
                #expect(String(decoding: assembled, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
            }
        }
    }

    @Test func factsAreTypedWithAPrimaryKey() throws {
        let facts = try #require(Self.resources.first { $0["name"] as? String == "facts" })
        let schema = facts["schema"] as! [String: Any]
        let fields = schema["fields"] as! [[String: Any]]
        #expect(fields.map { $0["name"] as! String } == FactsCSV.header)
        let types = Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0["type"] as! String) })
        #expect(types["value"] == "number")
        #expect(types["row"] == "integer")
        #expect(types["source_line"] == "integer")
        #expect(types["raw"] == "string")
        #expect(fields.allSatisfy { !($0["description"] as! String).isEmpty })
        #expect(schema["primaryKey"] as? [String] == ["report_id", "table_id", "section", "row", "column"])
        let checks = try #require(Self.resources.first { $0["name"] as? String == "checks" })
        let checkFields = (checks["schema"] as! [String: Any])["fields"] as! [[String: Any]]
        #expect(checkFields.map { $0["name"] as! String } == ChecksCSV.header)
        #expect(checkFields.filter { $0["type"] as? String == "number" }.map { $0["name"] as! String }
                == ["expected", "actual", "difference", "tolerance"])
    }

    @Test func theTablesResourceHasEveryColumnOfTheFile() throws {
        let tables = try #require(Self.resources.first { $0["name"] as? String == "tables" })
        #expect(tables["path"] as? String == TablesCSV.fileName)
        let fields = (tables["schema"] as! [String: Any])["fields"] as! [[String: Any]]
        let header = CSVTestReader.records(ExportFixtures.file(TablesCSV.fileName))[0]
        #expect(fields.map { $0["name"] as! String } == header)
        #expect(((fields[1]["constraints"] as! [String: Any])["enum"] as? [String]) == ["header", "row", "field"])
    }

    @Test func primaryKeyOfFactsIsUnique() {
        let rows = CSVTestReader.rows(ExportFixtures.file(FactsCSV.fileName))
        let keys = rows.map { [$0["table_id"]!, $0["section"]!, $0["row"]!, $0["column"]!].joined(separator: "\u{1F}") }
        #expect(Set(keys).count == rows.count)
    }
}
