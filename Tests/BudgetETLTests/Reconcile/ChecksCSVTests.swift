import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `04-reconcile/checks.csv` is reconcile's only record of its checks, so what it writes must
/// read back as the very checks it was written from.
@Suite struct ChecksCSVTests {
    @Test func theSampleChecksReadBackUnchanged() throws {
        let checks = SampleReport.run.reconciled.checks
        #expect(checks.count > 100)
        let data = ChecksCSV.write(reportID: "r", checks: checks)
        #expect(try ChecksCSV.read(data) == checks)
        #expect(ChecksCSV.write(reportID: "r", checks: try ChecksCSV.read(data)) == data)
    }

    /// Texts a spreadsheet would run (defused with an apostrophe), quotes, line breaks, commas,
    /// an apostrophe of its own, no table, no lines, no amounts, and amounts with any scale.
    @Test func awkwardChecksReadBackUnchanged() throws {
        var generator = SeededGenerator(state: 11)
        let texts = ["=1+1", "'quoted", "-note", "a,b", "say \"x\"", "two\nlines", "", "@x", "+1", "\t合计"]
        let amounts = [nil, "0", "-0.020", "1209.02", "-3.40", "12345678901234.5"].map { $0.flatMap(ExactDecimal.init) }
        var checks: [CheckResult] = []
        for index in 0..<300 {
            checks.append(CheckResult(
                id: "rule:\(texts.randomElement(using: &generator)!):\(index)", rule: "hierarchy",
                status: CheckStatus.allCases.randomElement(using: &generator)!,
                table: Bool.random(using: &generator) ? nil : texts.randomElement(using: &generator)!.isEmpty ? "5-1" : "-1",
                location: texts.randomElement(using: &generator)! + " | 合计",
                expected: amounts.randomElement(using: &generator)!, actual: amounts.randomElement(using: &generator)!,
                difference: amounts.randomElement(using: &generator)!, tolerance: amounts.randomElement(using: &generator)!,
                message: texts.randomElement(using: &generator)!,
                lines: (0..<Int.random(in: 0...3, using: &generator)).map { _ in Int.random(in: 1...9999, using: &generator) }))
        }
        #expect(try ChecksCSV.read(ChecksCSV.write(reportID: "-r", checks: checks)) == checks)
        #expect(try ChecksCSV.read(ChecksCSV.write(reportID: "r", checks: checks, byteOrderMark: true)) == checks)
    }

    /// Repeated ids get `#2`, `#3` … in check order, skipping any id already taken, so every id in
    /// checks.csv is unique: on a fixed case (an id that is itself a repeat's name) and on random
    /// lists of a few ids, each repeated, against the rule counted out by hand.
    @Test func repeatedIDsAreNumberedInCheckOrder() {
        func ids(_ original: [String]) -> [String] {
            var checks = original.map { CheckResult(id: $0, rule: "r", status: .pass, table: nil, location: "", expected: nil,
                                                    actual: nil, difference: nil, tolerance: nil, message: "", lines: []) }
            Reconciler.makeIDsUnique(&checks)
            return checks.map(\.id)
        }
        #expect(ids(["a", "a", "a", "a#2", "b", "a"]) == ["a", "a#2", "a#3", "a#2#2", "b", "a#4"])
        var generator = SeededGenerator(state: 17)
        let names = ["x", "x#2", "x#3", "y", "合计", "合计#2"]
        for _ in 0..<500 {
            let original = (0..<Int.random(in: 0...12, using: &generator)).map { _ in names.randomElement(using: &generator)! }
            // The rule: the n-th time an id comes, it becomes id#n, or id#(n+1) … if that is taken
            // by an id given or made before it.
            var taken = Set<String>()
            var times: [String: Int] = [:]
            var expected: [String] = []
            for id in original {
                times[id, default: 0] += 1
                var made = id
                if times[id]! > 1 {
                    var next = times[id]!
                    while taken.contains("\(id)#\(next)") { next += 1 }
                    made = "\(id)#\(next)"
                    times[made, default: 0] += 1
                }
                taken.insert(id)
                taken.insert(made)
                expected.append(made)
            }
            #expect(ids(original) == expected, "\(original)")
            #expect(Set(expected).count == expected.count, "\(original)")
        }
    }

    @Test func aFileThatIsNotChecksIsRefusedWithItsRecord() {
        #expect(throws: ChecksCSVError.self) { try ChecksCSV.read(Data("a,b\r\n".utf8)) }
        var data = ChecksCSV.write(reportID: "r", checks: Array(SampleReport.run.reconciled.checks.prefix(2)))
        data.append(contentsOf: Data("r,x,hierarchy,maybe,,,,,,,,\r\n".utf8))
        do {
            _ = try ChecksCSV.read(data)
            Issue.record("a status that is not pass, warn or fail was read")
        } catch {
            #expect(error.record == 4)
        }
    }
}
