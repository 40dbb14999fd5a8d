import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport

/// `manifest.json` fixes every exported file, and `verify` finds any change.
@Suite struct ExportFixityTests {
    @Test func manifestListsEveryOtherFileWithItsChecksum() throws {
        let manifest = try JSONCoding.decode(ExportManifest.self, from: ExportFixtures.file(ExportManifest.fileName))
        let others = ExportFixtures.files.filter { $0.name != ExportManifest.fileName }
        #expect(manifest.files.map(\.path) == others.map(\.name))
        for (entry, file) in zip(manifest.files, others) {
            #expect(entry.sha256 == Checksum.sha256(file.data))
            #expect(entry.size == file.data.count)
        }
        #expect(manifest.reportId == ExportFixtures.reportID)
        #expect(manifest.pipelineVersion == PipelineVersion.current)
        #expect(manifest.report.facts == 253)
        #expect(manifest.report.sourceSHA256 == SampleReport.extracted.info.source.sha256)
    }

    @Test func verifyPassesOnAnUntouchedExport() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        #expect(ExportFixity.verify(folder: folder.url) == [])
        try ArchiveBag.write(reportFolder: folder.url)
        #expect(ExportFixity.verify(folder: folder.url) == [])
    }

    /// Flips one byte (the middle one) of each exported file in turn.
    @Test func verifyDetectsAOneByteChangeInAnyFile() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        for file in ExportFixtures.files {
            let url = folder.path("05-export/\(file.name)")
            var changed = file.data
            let middle = changed.count / 2
            changed[middle] ^= 0x01
            try changed.write(to: url)
            let problems = ExportFixity.verify(folder: folder.url)
            #expect(!problems.isEmpty, "a changed \(file.name) went unnoticed")
            if file.name != ExportManifest.fileName {
                #expect(problems.contains { $0.hasPrefix("05-export/\(file.name): SHA-256 is") }, "\(problems)")
            }
            try file.data.write(to: url)
        }
        #expect(ExportFixity.verify(folder: folder.url) == [])
    }

    @Test func verifyReportsMissingAndUnlistedFiles() throws {
        let folder = TemporaryFolder()
        try ExportFixtures.writeReportFolder(at: folder.url)
        try FileManager.default.removeItem(at: folder.path("05-export/tables/7.csv"))
        folder.write("05-export/extra.csv", text: "a\r\n")
        let problems = ExportFixity.verify(folder: folder.url)
        #expect(problems.contains("05-export/tables/7.csv: missing or unreadable"))
        #expect(problems.contains("05-export/extra.csv: not listed in manifest.json"))
        #expect(problems.count == 2)
    }

    @Test func verifyReportsAMissingManifest() throws {
        let folder = TemporaryFolder()
        #expect(ExportFixity.verify(folder: folder.url).first?.hasPrefix("05-export/manifest.json: cannot be read") == true)
    }
}
