import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize
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
    /// for titles JSON must escape (each control character among them, which `JSONEncoder`
    /// escapes in two ways), and for any width of tables.csv, met once or again, within the
    /// widths kept encoded and past them.
    @Test func assembledBytesAreTheEncodedDescriptor() throws {
        var metadata = SampleReport.normalized.metadata
        let titles: [String?] = [metadata.title, "a \"quoted\"\n/title\\\t\u{1}", nil, "退格\u{8}换页\u{C}", "\u{7F}\u{2028}\u{1F600}</b>", ""]
            + (0..<0x20).map { "控制\(UnicodeScalar(UInt8($0)))字符" }
        let oneTable = Array(SampleReport.normalized.tables.prefix(1))
        let wide = oneTable.map { table in
            var wide = table
            wide.columns = (0..<70).map { NormalizedColumn(index: $0, path: ["列\($0)"], role: .amount) }
            return wide
        }
        for (number, title) in titles.enumerated() {
            let reportID = [ExportFixtures.reportID, "Report (1)", "r"][number % 3]
            metadata.title = title
            for tables in [SampleReport.normalized.tables, [], oneTable, wide, wide] {
                let whole = try JSONCoding.encode(DataPackage.descriptor(reportID: reportID, metadata: metadata, tables: tables), pretty: false)
                let assembled = try DataPackage.encode(reportID: reportID, metadata: metadata, tables: tables)
                #expect(String(decoding: assembled, as: UTF8.self) == String(decoding: whole, as: UTF8.self), "\(String(describing: title))")
            }
        }
        #expect(TablesCSV.width(wide) > 64)
    }

    /// A resource's schema, in the descriptor or in the bag's file the descriptor names.
    static func schema(of resource: [String: Any]) throws -> [String: Any] {
        if let inline = resource["schema"] as? [String: Any] { return inline }
        let name = try #require(resource["schema"] as? String)
        return try #require(try JSONSerialization.jsonObject(with: ExportFixtures.file(name)) as? [String: Any])
    }

    /// The schemas of facts.csv and checks.csv are the same for every report: files beside the
    /// descriptor, which names them, stored once per output folder and linked into each bag.
    @Test func theSchemasEveryReportSharesAreFilesBesideTheDescriptor() throws {
        for (name, file) in [("facts", "facts.schema.json"), ("checks", "checks.schema.json")] {
            let resource = try #require(Self.resources.first { $0["name"] as? String == name })
            #expect(resource["schema"] as? String == file)
            let output = try #require(ExportFixtures.files.first { $0.name == "data/\(file)" })
            #expect(output.sameInEveryReport)
            #expect(output.sha256 == Checksum.sha256(output.data))
        }
        var another = SampleReport.normalized
        another.metadata.title = "另一单位2025年单位预算"
        another.tables = Array(another.tables.prefix(1))
        let other = try ExportFixtures.export(normalized: another)
        for file in ["facts.schema.json", "checks.schema.json"] {
            #expect(ExportFixtures.file(file, in: other) == ExportFixtures.file(file), "\(file) is the same for another report")
        }
        let tables = try #require(Self.resources.first { $0["name"] as? String == "tables" })
        #expect(tables["schema"] is [String: Any], "tables.csv's schema depends on the report: it stays in the descriptor")
    }

    @Test func factsAreTypedWithAPrimaryKey() throws {
        let facts = try #require(Self.resources.first { $0["name"] as? String == "facts" })
        let schema = try Self.schema(of: facts)
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
        let checkFields = try Self.schema(of: checks)["fields"] as! [[String: Any]]
        #expect(checkFields.map { $0["name"] as! String } == ChecksCSV.header)
        #expect(checkFields.filter { $0["type"] as? String == "number" }.map { $0["name"] as! String }
                == ["expected", "actual", "difference", "tolerance"])
    }

    @Test func theTablesResourceHasEveryColumnOfTheFile() throws {
        let tables = try #require(Self.resources.first { $0["name"] as? String == "tables" })
        #expect(tables["path"] as? String == TablesCSV.fileName)
        let fields = try Self.schema(of: tables)["fields"] as! [[String: Any]]
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
