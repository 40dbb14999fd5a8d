import Foundation
import Testing
@testable import BudgetETL

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
        #expect(names == names.sorted())
        #expect(Set(names).isSuperset(of: ["facts.csv", "checks.csv", "datapackage.json", "report.xml", "budget-report.xsd",
                                           "manifest.json", "tables/1.csv", "tables/12.6.csv"]))
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        for file in ExportFixtures.files where !file.name.hasSuffix(".xsd") {
            let text = String(decoding: file.data, as: UTF8.self)
            #expect(!text.contains("\(year)-"), "\(file.name) looks like it holds a date")
        }
    }
}
