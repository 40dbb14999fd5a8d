import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExport
@testable import BudgetReconcile

/// `archive/`: a BagIt bag of hard links to the exported files, written atomically and only when
/// something changed.
@Suite struct ExportArchiveBagTests {
    @Test func bagHoldsTheExportAndTheSourceTextAsHardLinks() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        #expect(try ArchiveBag.write(reportFolder: folder.url) == .written)
        let files = folder.allFiles().filter { $0.hasPrefix("archive/") }
        let payload = ExportFixtures.files.map(\.name).filter { $0 != "manifest.json" }.map { "archive/data/\($0)" }
            + ["archive/data/source/text.txt"]
        #expect(Set(files) == Set(payload + ["archive/bagit.txt", "archive/bag-info.txt", "archive/manifest-sha256.txt",
                                             "archive/tagmanifest-sha256.txt"]))
        for name in ["report.xml", "facts.csv", "tables/5-1.csv"] {
            let exported = try #require(FileSystem.stamp(of: folder.path("05-export/\(name)")))
            let bagged = try #require(FileSystem.stamp(of: folder.path("archive/data/\(name)")))
            #expect(exported.inode == bagged.inode, "\(name) is a copy, not a link")
        }
        #expect(FileSystem.stamp(of: folder.path("archive/data/source/text.txt"))?.inode
                == FileSystem.stamp(of: folder.path("01-extract/text.txt"))?.inode)
        #expect(ArchiveBag.verify(bag: folder.path("archive")) == [])
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) })
    }

    @Test func tagFilesDescribeTheReport() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        try ArchiveBag.write(reportFolder: folder.url)
        #expect(folder.text("archive/bagit.txt") == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let info = try #require(folder.text("archive/bag-info.txt"))
        for line in ["Source-Organization: 武汉市人力资源和社会保障信息中心", "External-Identifier: \(ExportFixtures.reportID)",
                     "Fiscal-Year: 2024", "Report-Kind: 单位预算", "Pipeline-Version: \(PipelineVersion.current)",
                     "Source-File-SHA256: \(SampleReport.extracted.info.source.sha256)",
                     "DC-Title: 武汉市人力资源和社会保障信息中心2024年单位预算", "DC-Coverage: 2024", "Bag-Software-Agent: budget-etl"] {
            #expect(info.contains(line), "\(line)")
        }
        #expect(!info.contains("Bagging-Date"))
        let manifest = try #require(folder.text("archive/manifest-sha256.txt"))
        let facts = Checksum.sha256(ExportFixtures.file("facts.csv"))
        #expect(manifest.contains("\(facts)  data/facts.csv\n"))
    }

    @Test func writingAgainChangesNothingUntilTheExportChanges() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        try ArchiveBag.write(reportFolder: folder.url)
        let before = try #require(FileSystem.stamp(of: folder.path("archive/bag-info.txt")))
        #expect(try ArchiveBag.write(reportFolder: folder.url) == .unchanged)
        #expect(FileSystem.stamp(of: folder.path("archive/bag-info.txt")) == before)

        var normalized = SampleReport.normalized
        normalized.tables[0].title = "收支总表（修订）"
        try ExportFixtures.writeReportFolder(at: folder.url, files: try ExportFixtures.export(normalized: normalized))
        #expect(try ArchiveBag.write(reportFolder: folder.url) == .written)
        #expect(ArchiveBag.verify(bag: folder.path("archive")) == [])
        #expect(folder.text("archive/data/facts.csv")?.contains("收支总表（修订）") == true)
        #expect(!folder.allFiles().contains { $0.contains(FileSystem.temporaryPrefix) })
    }

    @Test func refusesToBagAnExportThatNoLongerMatchesItsManifest() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        folder.write("05-export/facts.csv", text: "tampered\r\n")
        #expect(throws: ReportError.self) { try ArchiveBag.write(reportFolder: folder.url) }
        #expect(!folder.exists("archive"))
    }

    @Test func verifyFindsChangedAndExtraPayload() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        try ArchiveBag.write(reportFolder: folder.url)
        folder.write("archive/data/extra.txt", text: "x")
        var problems = ArchiveBag.verify(bag: folder.path("archive"))
        #expect(problems.contains("data/extra.txt: not listed in manifest-sha256.txt"))
        #expect(problems.contains { $0.hasPrefix("bag-info.txt: Payload-Oxum") })
        try FileManager.default.removeItem(at: folder.path("archive/data/extra.txt"))
        folder.write("archive/bag-info.txt", text: "Payload-Oxum: 1.1\n")
        problems = ArchiveBag.verify(bag: folder.path("archive"))
        #expect(problems.contains { $0.hasPrefix("bag-info.txt: SHA-256 is") })
    }
}
