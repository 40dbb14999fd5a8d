import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
#if canImport(Glibc)
import Glibc
#endif

/// Unattended batch runs, end to end with the built binary: what a nightly cron job relies on.
@Suite struct BatchRunTests {
    let folder = TemporaryFolder()

    func run(_ arguments: String...) throws -> CommandLineTests.Result {
        try CommandLineTests.run(arguments, in: folder.url)
    }

    func sample(_ suffix: String) -> Data {
        SampleReport.data + Data("\n备注：副本 \(suffix)\n".utf8)
    }

    func catalog() -> [[String]] {
        CSVReader.records(folder.text("output/catalog.csv") ?? "")
    }

    @Test func noOpRerunProcessesNothing() throws {
        folder.write("pipeline.json", text: "{}")
        for index in 0..<3 { folder.write("input/r\(index).txt", sample("\(index)")) }
        #expect(try run("run").status == 0)
        let catalogBefore = folder.read("output/catalog.csv")
        let again = try run("run")
        #expect(again.status == 0)
        #expect(again.stdout.contains("3 reports: 3 ok, 0 failed; no stage ran"))
        #expect(folder.read("output/catalog.csv") == catalogBefore, "an unchanged catalog is not rewritten")
        #expect(again.stderr.isEmpty, "no progress noise off a terminal")
    }

    @Test func changedReportBecomesVersionTwoWithVersionOneKept() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/r.txt", sample("first"))
        #expect(try run("run").status == 0)
        let firstText = try #require(folder.read("output/r/01-extract/text.txt"))
        let firstSHA = Checksum.sha256(try #require(folder.read("input/r.txt")))
        folder.write("input/r.txt", sample("second"))
        #expect(try run("run").status == 0)
        #expect(folder.read("output/r/01-extract/text.txt") != firstText)
        #expect(folder.read("output/r/versions/\(firstSHA)/01-extract/text.txt") == firstText)
        #expect(folder.exists("output/r/versions/\(firstSHA)/manifest.json"))
        #expect(folder.exists("output/r/versions/\(firstSHA)/05-export/data/tables.csv"))
        #expect(folder.exists("output/r/versions/\(firstSHA)/05-export/bag-info.txt"))
        // Hard links, not copies: the kept version costs no bytes.
        let kept = try FileManager.default.attributesOfItem(atPath: folder.path("output/r/versions/\(firstSHA)/05-export/data/facts.csv").path)
        #expect((kept[.referenceCount] as? Int ?? 1) >= 2)
        let rows = catalog().filter { $0.first == "r" }
        #expect(rows.map { $0[1] } == ["1", "2"])
        #expect(rows.map { $0[2] } == ["no", "yes"])
        #expect(rows[0][4] == firstSHA)
        #expect(rows.allSatisfy { $0[5] == "武汉市人力资源和社会保障信息中心" && $0[6] == "2024" })
    }

    @Test func theSchemaEveryReportCarriesIsStoredOnce() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/a.txt", sample("a"))
        folder.write("input/b.txt", sample("b"))
        #expect(try run("run").status == 0)
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: folder.path(path).path)[.systemFileNumber] as? Int
        }
        let a = try inode("output/a/05-export/data/budget-report.xsd"), b = try inode("output/b/05-export/data/budget-report.xsd")
        #expect(a != nil && a == b)
        #expect(try run("verify", "output/a").status == 0)
    }

    @Test func removingAnInputKeepsItsOutputsAndCatalogRows() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/a.txt", sample("a"))
        folder.write("input/b.txt", sample("b"))
        #expect(try run("run").status == 0)
        try FileManager.default.removeItem(at: folder.path("input/a.txt"))
        #expect(try run("run").status == 0)
        #expect(folder.exists("output/a/01-extract/text.txt"))
        #expect(catalog().contains { $0.first == "a" })
    }

    @Test func aSecondRunWhileOneIsActiveIsRefusedTouchingNothing() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/r.txt", sample("r"))
        let lock = try RunLock(outputFolder: folder.path("output"))
        let refused = try run("run")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("another budget-etl run"))
        #expect(refused.stderr.contains("(process \(getpid()))"))
        #expect(!folder.exists("output/r"))
        withExtendedLifetime(lock) {}
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/r.txt", sample("r"))
        folder.write("output/.lock", text: "999999\n")
        #expect(try run("run").status == 0)
    }

    @Test func failingReportIsQuarantinedAndTheOthersGoOn() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/good.txt", sample("good"))
        folder.write("input/bad.txt", Data("表1\n".utf8) + Data([0xFF, 0xFF, 0xFF]))
        let result = try run("run")
        #expect(result.status == 1)
        #expect(folder.exists("output/good/03-normalize/normalize.json"))
        let entry = try #require(folder.text("output/_quarantine/bad.json"))
        #expect(entry.contains("\"stage\" : \"extract\""))
        #expect(entry.contains("\"line\" : 2"))
        #expect(entry.contains("input/bad.txt"))
        let bad = try #require(catalog().first { $0.first == "bad" })
        #expect(bad[Catalog.columns.firstIndex(of: "status")!] == "failed")
        #expect(bad[Catalog.columns.firstIndex(of: "reason")!].hasPrefix("input/bad.txt:2: [extract] "), "the error as the run printed it")
        folder.write("input/bad.txt", sample("fixed"))
        #expect(try run("run").status == 0)
        #expect(!folder.exists("output/_quarantine/bad.json"), "a report that succeeds leaves quarantine")
    }

    @Test func eachRunIsLogged() throws {
        folder.write("pipeline.json", text: "{}")
        folder.write("input/r.txt", sample("r"))
        #expect(try run("run").status == 0)
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder.path("output/_logs").path)
        #expect(logs.count == 1)
        let lines = try #require(folder.text("output/_logs/\(logs[0])")).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"report\":\"r\""))
        // What a nightly run is monitored by: each report's counts and time.
        let line = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["facts", "tables", "warnings", "failedChecks", "unverifiedChecks", "microseconds"] {
            #expect(line[key] is Int, "\(key) in \(lines[0])")
        }
        #expect(line["facts"] as? Int == 255)
        #expect(lines[1].contains("\"summary\""))
    }

    @Test func killedMidBatchThenRunAgainEndsLikeAnUninterruptedRun() throws {
        folder.write("pipeline.json", text: #"{"output": "killed"}"#)
        folder.write("reference.json", text: #"{"output": "reference"}"#)
        for index in 0..<150 { folder.write("input/r\(index).txt", sample("\(index)")) }
        // 150 reports in a debug build: more time than a single run gets by default.
        #expect(try CommandLineTests.run(["run", "--config", "reference.json"], in: folder.url, timeout: 300).status == 0)

        let child = try Subprocess(CommandLineTests.binary, ["run"], in: folder.url)
        // Kill it once it has written some reports but not all.
        func written() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: folder.path("killed").path).count) ?? 0 }
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, written() < 30 {
            usleep(2_000)
        }
        child.send(SIGKILL)
        #expect(try child.wait().reason == .uncaughtSignal)

        #expect(try CommandLineTests.run(["run"], in: folder.url, timeout: 300).status == 0)
        let volatile: Set<String> = ["manifest.json", "catalog.csv", RunLock.fileName]
        let reference = folder.allFiles().filter { $0.hasPrefix("reference/") && !$0.contains("/_logs/") }
        let killed = folder.allFiles().filter { $0.hasPrefix("killed/") && !$0.contains("/_logs/") }
        #expect(killed.map { $0.dropFirst("killed/".count) } == reference.map { $0.dropFirst("reference/".count) })
        #expect(!killed.contains { $0.contains(FileSystem.temporaryPrefix) })
        // The killed run's log is kept, marked interrupted, and lists whole lines of reports that
        // finished; the second run's log is complete.
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder.path("killed/_logs").path)
        #expect(!logs.contains { $0.hasPrefix(FileSystem.temporaryPrefix) }, "\(logs)")
        let interrupted = logs.filter { $0.hasSuffix(RunLog.interruptedSuffix) }
        #expect(interrupted.count == 1 && logs.count == 2, "\(logs)")
        let lines = (folder.text("killed/_logs/\(interrupted.first ?? "")") ?? "").split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["report"] is String && object?["summary"] == nil, "\(line)")
        }
        for path in reference where !volatile.contains(URL(fileURLWithPath: path).lastPathComponent) {
            let twin = "killed/" + path.dropFirst("reference/".count)
            #expect(folder.read(twin) == folder.read(path), "\(twin)")
        }
    }
}
