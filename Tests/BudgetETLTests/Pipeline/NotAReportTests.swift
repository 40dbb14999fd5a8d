import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExtract

/// What is not a budget report is refused by name: no export folder and no archive bag for it,
/// it is quarantined, and the rest of the batch goes on. (A PDF is read by pdftotext, and refused
/// if it gives no text: `PDFExtractTests`.)
@Suite struct NotAReportTests {
    let folder = TemporaryFolder()

    static let refused: [(name: String, bytes: [UInt8], says: String)] = [
        ("empty", [], "the file is empty"),
        ("blank-lines", Array(" \n\n\t\r\n\u{0C}\n".utf8), "only blank lines"),
        ("docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "Office document"),
        ("xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "Office 97–2003"),
        ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "a PNG image"),
        ("gzip", [0x1F, 0x8B, 0x08, 0x00], "a gzip archive"),
        ("prose", Array("关于做好2024年工作的通知\n各单位：\n现将有关事项通知如下。\n".utf8), "none of its 3 lines is a table"),
    ]

    @Test(arguments: refused.indices)
    func refusedQuarantinedAndNeverExported(_ index: Int) throws {
        let (name, bytes, says) = Self.refused[index]
        folder.write("input/\(name).txt", Data(bytes))
        folder.write("input/good.txt", try Data(contentsOf: Fixtures.input("minimal-consistent")))
        let summary = try Pipeline(configuration: PipelineConfiguration(), baseFolder: folder.url).run()

        let failure = try #require(summary.failed.first)
        #expect(summary.failed.count == 1, "the good report beside it still succeeds")
        #expect(failure.reportID == name)
        let error = try #require(failure.error)
        #expect(error.message.hasPrefix("not a budget report: "), "\(error.message)")
        #expect(error.message.contains(says), "\(error.message)")
        #expect(error.description.hasPrefix("input/\(name).txt"), "the message names the file")
        #expect(folder.exists("output/_quarantine/\(name).json"))
        #expect(!folder.exists("output/\(name)/05-export"))
        #expect(!folder.exists("output/\(name)/05-export"))
        #expect(folder.exists("output/good/05-export/data/facts.csv"))
    }

    @Test func aPDFIsToldHowToBecomeText() throws {
        let error = #expect(throws: ReportError.self) {
            try TextExtractor(options: ExtractOptions(), file: "r.pdf.txt").extract(Data("%PDF-1.4\n".utf8))
        }
        #expect(error?.hint?.contains("pdftotext") == true)
        #expect(error?.byteOffset == 0)
    }

    @Test func onlyTheLeadingBytesAreASignature() throws {
        // A report whose prose names a format is still a report.
        let text = "附件为 %PDF-1.4 格式\n表3\n支出总表\n科目编码\t科目名称\t合计\n208\t甲\t1.00\n"
        let extracted = try TextExtractor(options: ExtractOptions(), file: "r.txt").extract(Data(text.utf8))
        #expect(extracted.info.lines == 5)
    }
}
