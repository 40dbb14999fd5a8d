import Foundation
import Testing
@testable import BudgetCore

/// The same input and version give byte-identical exports.
@Suite struct ExportDeterminismTests {
    @Test func exportingTwiceGivesIdenticalBytes() throws {
        let first = ExportFixtures.files
        let second = try ExportFixtures.export()
        #expect(first.map(\.name) == second.map(\.name))
        for (a, b) in zip(first, second) {
            #expect(a.data == b.data, "\(a.name) differs between two exports")
        }
    }

    @Test func exportingConcurrentlyGivesIdenticalBytes() async throws {
        let expected = ExportFixtures.files.map(\.data)
        try await withThrowingTaskGroup(of: [Data].self) { group in
            for _ in 0..<4 { group.addTask { try ExportFixtures.export().map(\.data) } }
            for try await result in group { #expect(result == expected) }
        }
    }

    @Test func filesAreSortedAndNothingCarriesATime() {
        let names = ExportFixtures.files.map(\.name)
        let payload = names.filter { $0.hasPrefix("data/") }
        #expect(payload == payload.sorted() && names.prefix(payload.count).elementsEqual(payload), "the payload first, sorted")
        #expect(names.suffix(4) == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"])
        #expect(Set(names).isSuperset(of: ["data/facts.csv", "data/checks.csv", "data/datapackage.json", "data/report.xml",
                                           "data/budget-report.xsd", "data/tables.csv"]))
        // What a date or time written into a file looks like, whatever the year and whatever
        // today is: an ISO 8601 date (2031-01-02) or a clock time (03:04:05).
        let timestamp = #/[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}:[0-9]{2}:[0-9]{2}/#
        #expect("written 1999-12-31T23:59:59Z".contains(timestamp) && "at 00:00:00".contains(timestamp))
        #expect(!"\(ExportFixtures.reportID) 表5-1 2024年 12.6 1,209.02".contains(timestamp),
                "the report's own ids, years and amounts are not times")
        for file in ExportFixtures.files where !file.name.hasSuffix(".xsd") {
            let text = String(decoding: file.data, as: UTF8.self)
            let found = text.firstMatch(of: timestamp).map { String($0.output) }
            #expect(found == nil, "\(file.name) looks like it holds a date or time: \(found ?? "")")
        }
    }
}
