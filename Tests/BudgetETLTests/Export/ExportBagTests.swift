import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExport
@testable import BudgetExtract
@testable import BudgetNormalize
@testable import BudgetReconcile

/// `05-export/` is a BagIt bag: the deliverables under `data/`, tag files that say what the
/// report is and fix every file by SHA-256, and `verify` finds any change.
@Suite struct ExportBagTests {
    static let tagFiles = ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"]

    @Test func theExportIsABagOfThePayloadAndItsTagFiles() throws {
        let names = ExportFixtures.files.map(\.name)
        #expect(Set(names.filter { !$0.hasPrefix("data/") }) == Set(Self.tagFiles))
        for payload in ["data/report.xml", "data/budget-report.xsd", "data/datapackage.json", "data/facts.csv", "data/checks.csv",
                        "data/source/text.txt", "data/tables.csv"] {
            #expect(names.contains(payload), "\(payload)")
        }
        #expect(ExportFixtures.file("source/text.txt") == Data(SampleReport.text.utf8))
        #expect(names.last == "tagmanifest-sha256.txt", "the tag manifest, which fixes the others, is written last")
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        #expect(BagVerification.verify(bag: folder.path("05-export")) == [])
    }

    @Test func tagFilesDescribeTheReportAndFixEveryFile() throws {
        #expect(ExportFixtures.text("bagit.txt") == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let info = ExportFixtures.text("bag-info.txt")
        for line in ["Source-Organization: 武汉市人力资源和社会保障信息中心", "External-Identifier: \(ExportFixtures.reportID)",
                     "Fiscal-Year: 2024", "Report-Kind: 单位预算", "Pipeline-Version: \(PipelineVersion.current)",
                     "Source-File-SHA256: \(SampleReport.extracted.info.source.sha256)", "Facts: 255", "Checks: 3",
                     "DC-Title: 武汉市人力资源和社会保障信息中心2024年单位预算", "DC-Coverage: 2024", "Bag-Software-Agent: budget-etl"] {
            #expect(info.contains(line), "\(line)")
        }
        #expect(!info.contains("Bagging-Date"))
        let manifest = BagTagFiles.parseManifest(ExportFixtures.text("manifest-sha256.txt"))
        let payload = ExportFixtures.files.filter { $0.name.hasPrefix("data/") }
        #expect(manifest.map(\.path) == payload.map(\.name))
        for (entry, file) in zip(manifest, payload) {
            #expect(entry.sha256 == Checksum.sha256(file.data), "\(file.name)")
        }
        let tags = BagTagFiles.parseManifest(ExportFixtures.text("tagmanifest-sha256.txt"))
        #expect(Set(tags.map(\.path)) == Set(Self.tagFiles.filter { $0 != "tagmanifest-sha256.txt" }))
    }

    /// A bag-info value is one line: every kind of line break a name or title can hold becomes a
    /// space (a run of them one space, none kept at either end), and a value without one is kept
    /// as it is, spaces included.
    @Test func bagInfoKeepsEachValueOnOneLine() {
        func info(unitName: String, title: String = "某单位2024年单位预算", file: String = "a.txt") -> [Substring] {
            let metadata = ReportMetadata(title: title, unitName: unitName, fiscalYear: 2024, kind: .unitBudget,
                                          amountUnit: "万元", units: nil, sourceLines: [:])
            let description = BagTagFiles.Description(reportId: "r", metadata: metadata,
                                                      source: .init(file: file, size: 1, sha256: "00"), facts: 0, checks: 0)
            let text = BagTagFiles.bagInfo(description, payload: [])
            #expect(text.hasSuffix("\n"))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.allSatisfy { $0.contains(": ") && !$0.contains { $0.isNewline } }, "\(text)")
            return Array(lines)
        }
        for lineBreak in ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(info(unitName: "甲\(lineBreak)乙").contains("Source-Organization: 甲 乙"), "\(lineBreak.unicodeScalars.first!.value)")
        }
        let runs = info(unitName: "\n甲\r\n乙\u{2028}\u{2029}丙\u{85}\u{0B}\u{0C}丁\r", title: "  标题 ", file: "a\rb.txt")
        #expect(runs.contains("DC-Publisher: 甲 乙 丙 丁"))
        #expect(runs.contains("DC-Title:   标题 "))
        #expect(runs.contains("DC-Source: a b.txt"))
    }

    /// Flips one byte (the middle one) of each file of the bag in turn.
    @Test func verifyDetectsAOneByteChangeInAnyFile() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        for file in ExportFixtures.files {
            let url = folder.path("05-export/\(file.name)")
            var changed = file.data
            changed[changed.count / 2] ^= 0x01
            try changed.write(to: url)
            let problems = BagVerification.verify(folder: folder.url, exportFolder: "05-export")
            #expect(!problems.isEmpty, "a changed \(file.name) went unnoticed")
            if file.name != "tagmanifest-sha256.txt" && file.name != "bagit.txt" {
                #expect(problems.contains { $0.hasPrefix("05-export/\(file.name): SHA-256 is") }, "\(problems)")
            }
            try file.data.write(to: url)
        }
        #expect(BagVerification.verify(folder: folder.url, exportFolder: "05-export") == [])
    }

    @Test func verifyReportsMissingAndUnlistedFiles() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        try FileManager.default.removeItem(at: folder.path("05-export/data/tables.csv"))
        folder.write("05-export/data/extra.csv", text: "a\r\n")
        let problems = BagVerification.verify(bag: folder.path("05-export"))
        #expect(problems.contains("data/tables.csv: missing or unreadable"))
        #expect(problems.contains("data/extra.csv: not listed in manifest-sha256.txt"))
        #expect(problems.contains { $0.hasPrefix("bag-info.txt: Payload-Oxum") })
        #expect(problems.count == 3, "\(problems)")
    }

    @Test func verifyReportsAFolderThatIsNotABag() throws {
        let folder = TemporaryFolder()
        #expect(BagVerification.verify(bag: folder.url) == ["bagit.txt: missing or not a BagIt declaration"])
    }

    /// In a run, the bag's checks and text are reconcile's and extract's files under a second
    /// name, not copies: the same inode.
    @Test func theBagLinksToTheChecksAndTheTextEarlierStagesWrote() throws {
        let run = try BadInputRun(text: BadInputRun.sample)
        let report = "output/\(run.name)"
        for (bagged, upstream) in [("05-export/data/checks.csv", "04-reconcile/checks.csv"),
                                   ("05-export/data/source/text.txt", "01-extract/text.txt")] {
            let linked = try #require(FileSystem.stamp(of: run.folder.path("\(report)/\(bagged)")))
            #expect(linked.inode == FileSystem.stamp(of: run.folder.path("\(report)/\(upstream)"))?.inode, "\(bagged) is a copy")
        }
        #expect(ReportVerification.problems(inReportFolder: run.folder.path(report)) == [])
    }
}
