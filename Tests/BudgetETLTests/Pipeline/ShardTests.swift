import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// `--shard i/N` and `catalog merge`: a batch split over machines by report id, then joined.
@Suite struct ShardTests {
    let folder = TemporaryFolder()

    @Test func everyReportIsInExactlyOneShardWhateverElseIsInTheFolder() {
        let ids = (0..<500).map { "report-\($0)" }
        for count in [1, 2, 3, 7] {
            let shards = (0..<count).map { Shard(index: $0, count: count)! }
            for id in ids {
                #expect(shards.filter { $0.contains(reportID: id) }.count == 1, "\(id) in \(count) shards")
            }
            // Roughly even: no shard holds more than twice its share.
            for shard in shards {
                #expect(ids.filter { shard.contains(reportID: $0) }.count <= 2 * ids.count / count + 1)
            }
        }
    }

    @Test(arguments: ["0/4", "3/4", "0/1"])
    func parsesAValidShard(_ text: String) {
        #expect(Shard(parsing: text)?.description == text)
    }

    @Test(arguments: ["4/4", "-1/4", "1/0", "1", "a/b", "1/2/3", ""])
    func refusesAnInvalidShard(_ text: String) {
        #expect(Shard(parsing: text) == nil)
    }

    @Test func shardsRunApartAndMergedCatalogEqualsAWholeRun() throws {
        for index in 0..<12 { folder.write("input/r\(index).txt", text: TinyReport.text(index + 1)) }
        let whole = PipelineConfiguration(output: "whole")
        _ = try Pipeline(configuration: whole, baseFolder: folder.url).run()

        var parts: [URL] = []
        var processed: [String] = []
        for index in 0..<3 {
            let configuration = PipelineConfiguration(output: "part\(index)")
            let run = try Pipeline(configuration: configuration, baseFolder: folder.url)
                .runCollectingOutcomes(RunSelection(shard: Shard(index: index, count: 3)))
            processed += run.outcomes.map(\.reportID)
            parts.append(folder.path("part\(index)/catalog.csv"))
        }
        #expect(processed.sorted() == (0..<12).map { "r\($0)" }.sorted(), "each report ran in exactly one shard")

        let merged = folder.path("merged.csv")
        #expect(try Catalog.merge(parts, into: merged) == 12)
        // The same rows as the whole run's catalog, but for when each was ingested.
        func withoutTimes(_ url: URL) throws -> [[String]] {
            CSVReader.records(String(decoding: try Data(contentsOf: url), as: UTF8.self)).map { Array($0.dropLast()) }
        }
        #expect(try withoutTimes(merged) == withoutTimes(folder.path("whole/catalog.csv")))
    }

    @Test func mergingKeepsTheLatestRowOfAVersionListedTwice() throws {
        let header = Catalog.columns.joined(separator: ",")
        let older = "r,1,yes,input/r.txt,aa,,,,,,ok,1,1,0,0,2,,2026-01-01T00:00:00Z"
        let newer = "r,1,yes,input/r.txt,aa,,,,,,failed,1,1,0,0,2,input/r.txt: not a budget report,2026-02-01T00:00:00Z"
        folder.write("a.csv", text: "\(header)\r\n\(newer)\r\n")
        folder.write("b.csv", text: "\(header)\r\n\(older)\r\n")
        #expect(try Catalog.merge([folder.path("a.csv"), folder.path("b.csv")], into: folder.path("m.csv")) == 1)
        #expect(folder.text("m.csv")?.contains("failed") == true)
    }

    /// A catalog of 0.5 (`unit`, none of title, amount_unit, warnings, unverified, reason) merged with a
    /// current one: its rows are moved to the current columns by name.
    @Test func anEarlierCatalogIsReadByColumnName() throws {
        folder.write("old.csv", text: "report_id,version,current,source,sha256,unit,year,kind,status,tables,facts,failed_checks,ingested\r\n"
            + "a,1,yes,input/a.txt,aa,某某中心,2023,单位预算,ok,20,250,0,2026-01-01T00:00:00Z\r\n")
        folder.write("new.csv", text: Catalog.columns.joined(separator: ",")
            + "\r\nb,1,yes,input/b.txt,bb,别的中心,2024,部门预算,标题,万元,ok,21,260,2,0,1,,2026-02-01T00:00:00Z\r\n")
        #expect(try Catalog.merge([folder.path("old.csv"), folder.path("new.csv")], into: folder.path("m.csv")) == 2)
        let rows = CSVReader.records(try #require(folder.text("m.csv")))
        #expect(rows[0] == Catalog.columns)
        let named = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(Catalog.columns, $0)) }
        #expect(named[0]["unit_name"] == "某某中心" && named[0]["year"] == "2023" && named[0]["facts"] == "250")
        #expect(named[0]["title"] == "" && named[0]["warnings"] == "" && named[0]["unverified"] == "" && named[0]["reason"] == "")
        #expect(named[0]["ingested"] == "2026-01-01T00:00:00Z")
        #expect(named[1]["unit_name"] == "别的中心" && named[1]["title"] == "标题" && named[1]["warnings"] == "2")
        #expect(named[1]["unverified"] == "1")
    }

    @Test func aFileThatIsNotACatalogIsRefusedByName() throws {
        folder.write("notes.csv", text: "a,b\r\n1,2\r\n")
        let error = #expect(throws: ReportError.self) {
            try Catalog.merge([folder.path("notes.csv")], into: folder.path("m.csv"))
        }
        #expect(error?.file.hasSuffix("notes.csv") == true)
        #expect(!folder.exists("m.csv"))
    }

    @Test func theCommandLineRunsEachShardIntoItsOwnFolderThenMerges() throws {
        for index in 0..<6 { folder.write("input/r\(index).txt", text: TinyReport.text(index + 1)) }
        folder.write("pipeline.json", text: "{}")
        for index in 0..<2 {
            let result = try CommandLineTests.run(["run", "--shard", "\(index)/2", "--output", "part\(index)"], in: folder.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let merged = try CommandLineTests.run(["catalog", "merge", "--into", "all.csv", "part0", "part1"], in: folder.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("6 catalog rows from 2 catalogs"))
        #expect(try CommandLineTests.run(["run", "--shard", "2/2"], in: folder.url).status == 2)
    }
}
