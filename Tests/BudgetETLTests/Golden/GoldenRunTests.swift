import Foundation
import Testing
@testable import BudgetCore

/// Whole runs of every fixture compared with their recorded outputs: the sample and small
/// hand-written reports (`Tests/Fixtures/<case>/README.md` says what each covers). A change in
/// any number, check, message or intermediate file of any case fails here with the first
/// differing line of each changed file. `make golden` re-records them after a deliberate change.
@Suite struct GoldenRunTests {
    @Test(arguments: GoldenRun.cases)
    func wholeRunMatchesItsRecording(_ name: String) throws {
        let golden = try GoldenRun(case: name)
        let actual = try golden.run()
        if GoldenRun.isRecording {
            try golden.record(actual)
            return
        }
        let expected = golden.expected()
        #expect(!expected.isEmpty, "no recording for \(name): run `make golden` and review the new files")
        let differences = GoldenRun.differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, """
            \(name): the run differs from Tests/Fixtures/\(name)/expected/ in \(differences.count) file(s). \
            If the change is deliberate, run `make golden` and review `git diff Tests/Fixtures`.
            \(differences.joined(separator: "\n"))
            """)
    }

    @Test func everyCaseHasARecordingAndAReadme() {
        #expect(GoldenRun.cases.contains("sample"))
        for name in GoldenRun.cases {
            #expect(FileManager.default.fileExists(atPath: Fixtures.expected(name).appendingPathComponent("05-export/data/facts.csv").path), "\(name)")
            #expect(FileManager.default.fileExists(atPath: Fixtures.folder.appendingPathComponent("\(name)/README.md").path), "\(name)")
        }
    }

    /// One printed amount of the sample changed by one cent (the first fact whose raw text has no
    /// comma, on its own source line) makes the golden comparison fail and name facts.csv.
    @Test func aChangedNumberInTheSampleFailsTheComparison() throws {
        let golden = try GoldenRun(case: "sample")
        let facts = String(decoding: try #require(golden.expected()["05-export/data/facts.csv"]), as: UTF8.self)
        let header = try #require(facts.split(separator: "\r\n").first).split(separator: ",")
        let rawColumn = try #require(header.firstIndex(of: "raw"))
        let lineColumn = try #require(header.firstIndex(of: "source_line"))
        // A row without quoted fields, so splitting on commas gives its columns.
        let row = try #require(facts.split(separator: "\r\n").dropFirst().first { !$0.contains("\"") && $0.contains(".") })
            .split(separator: ",", omittingEmptySubsequences: false)
        let raw = String(row[rawColumn])
        let lineNumber = try #require(Int(row[lineColumn]))
        let changed = String(raw.dropLast()) + (raw.last == "9" ? "8" : String((raw.last!.wholeNumberValue ?? 0) + 1))

        var lines = String(decoding: golden.input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[lineNumber - 1].contains(raw))
        lines[lineNumber - 1] = lines[lineNumber - 1].replacingOccurrences(of: raw, with: changed)
        let mutated = try GoldenRun(case: "sample", input: Data(lines.joined(separator: "\n").utf8))

        let differences = GoldenRun.differences(expected: golden.expected(), actual: try mutated.run())
        let factsDifference = try #require(differences.first { $0.hasPrefix("05-export/data/facts.csv:") })
        #expect(factsDifference.contains(raw) && factsDifference.contains(changed))
    }

    @Test func differencesNameMissingExtraAndChangedFiles() {
        let differences = GoldenRun.differences(
            expected: ["a.csv": Data("x\n1\n".utf8), "gone.csv": Data()],
            actual: ["a.csv": Data("x\n2\n".utf8), "new.csv": Data()])
        #expect(differences == [
            "a.csv: line 2 differs (3 lines recorded, 3 written)\n  - 1\n  + 2",
            "gone.csv: recorded but not written by the run",
            "new.csv: written by the run but not recorded",
        ])
    }
}
