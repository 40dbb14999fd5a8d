import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExtract

/// PDF input: poppler's pdftotext makes the text, pdfinfo says how many pages; what cannot give
/// text is refused with `cannot extract text from PDF:` and the rest of a batch goes on. The PDFs
/// are written by the test (`MinimalPDF`); poppler-utils is installed by the Makefile (`make deps`).
@Suite struct PDFExtractTests {
    let folder = TemporaryFolder()

    func extract(_ data: Data, _ options: ExtractOptions = ExtractOptions()) throws -> ExtractedText {
        try PDFTextExtractor(options: options, file: "input/r.pdf").extract(data)
    }

    func refusal(_ data: Data, _ options: ExtractOptions = ExtractOptions()) -> ReportError? {
        #expect(throws: ReportError.self) { try extract(data, options) }
    }

    @Test func textPagesAndChecksumOfThePDFAreRecorded() throws {
        let pdf = MinimalPDF.make(pages: ["Budget page one", "Budget page two"])
        let extracted = try extract(pdf)
        let pages = extracted.text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count == 2, "one form feed between the two pages, none after the last: \(extracted.text.debugDescription)")
        #expect(pages.first?.contains("Budget page one") == true)
        #expect(pages.last?.contains("Budget page two") == true)
        #expect(extracted.info.pages == 2)
        #expect(extracted.info.formFeeds == 1)
        #expect(extracted.info.pdf == .init(pages: 2, encrypted: false, extractor: "pdftotext -layout -enc UTF-8"))
        #expect(extracted.info.source.file == "r.pdf")
        #expect(extracted.info.source.size == pdf.count)
        #expect(extracted.info.source.sha256 == Checksum.sha256(pdf), "the checksum is the PDF's, not the text's")
        #expect(extracted.info.encoding == .utf8)
        #expect(extracted.info.textBytes == extracted.text.utf8.count)
    }

    @Test func aDamagedPDFIsRefused() throws {
        var pdf = MinimalPDF.make(pages: ["Budget"])
        pdf = pdf.prefix(20) + Data("\n garbage, no objects and no trailer\n".utf8)
        let error = try #require(refusal(pdf))
        #expect(error.message.hasPrefix("cannot extract text from PDF: it is damaged or not a PDF (pdfinfo"), "\(error.message)")
        #expect(error.stage == "extract")
    }

    @Test func aPDFWithoutATextLayerIsRefused() throws {
        let error = try #require(refusal(MinimalPDF.make(pages: [nil, nil])))
        #expect(error.message == "cannot extract text from PDF: it has no text layer (2 pages of images only, e.g. a scan)",
                "\(error.message)")
        #expect(error.hint?.contains("OCR") == true)
    }

    @Test func aMissingPdftotextIsNamedWithItsPackage() throws {
        let pdf = MinimalPDF.make(pages: ["Budget"])
        let error = try #require(refusal(pdf, ExtractOptions(pdftotext: folder.path("no-such/pdftotext").path)))
        #expect(error.message.hasPrefix("cannot extract text from PDF: `"), "\(error.message)")
        #expect(error.message.contains("was not found (Debian package poppler-utils)"), "\(error.message)")
        #expect(error.hint?.contains("options.extract.pdftotext") == true)
        let onPath = try #require(refusal(pdf, ExtractOptions(pdfinfo: "budget-etl-no-such-pdfinfo")))
        #expect(onPath.message.contains("`budget-etl-no-such-pdfinfo` was not found on PATH (Debian package poppler-utils)"),
                "\(onPath.message)")
    }

    @Test func aPdftotextThatHangsIsStoppedAfterTheTimeout() throws {
        let script = folder.write("bin/pdftotext", text: "#!/bin/sh\nexec sleep 60\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let started = Date()
        let error = try #require(refusal(MinimalPDF.make(pages: ["Budget"]),
                                         ExtractOptions(pdftotext: script.path, pdfTimeoutSeconds: 1)))
        #expect(Date().timeIntervalSince(started) < 30, "killed at the timeout, not left to finish")
        #expect(error.message == "cannot extract text from PDF: pdftotext ran longer than options.extract.pdfTimeoutSeconds (1.0 s) "
                    + "and was stopped", "\(error.message)")
    }

    @Test func textBeyondMaxInputBytesIsRefused() throws {
        let pdf = MinimalPDF.make(pages: [String(repeating: "1234567890 ", count: 10)])
        #expect(pdf.count > 100, "the limit bounds the text, not the PDF")
        let error = try #require(refusal(pdf, ExtractOptions(maxInputBytes: 40)))
        #expect(error.message == "cannot extract text from PDF: its text is more than options.extract.maxInputBytes (40) bytes",
                "\(error.message)")
    }

    @Test func theOptionsAreReadAndChecked() throws {
        let options = try JSONCoding.decode(
            ExtractOptions.self, from: Data(#"{"pdftotext": "/opt/p/pdftotext", "pdfinfo": "pi", "pdfTimeoutSeconds": 5}"#.utf8))
        #expect(options.pdftotext == "/opt/p/pdftotext")
        #expect(options.pdfinfo == "pi")
        #expect(options.pdfTimeoutSeconds == 5)
        #expect(throws: ConfigurationError.self) { try ExtractOptions(pdfTimeoutSeconds: 0).validate(source: "p", key: "extract") }
        #expect(throws: ConfigurationError.self) { try ExtractOptions(pdftotext: "").validate(source: "p", key: "extract") }
    }

    /// In a run: a PDF in input/ is read (by default, `pdf` is an input extension), a damaged one
    /// is quarantined, and the batch goes on.
    @Test func aBatchReadsPDFsAndQuarantinesTheDamagedOne() throws {
        folder.write("input/good.pdf", MinimalPDF.make(pages: ["Budget page one", "Budget page two"]))
        folder.write("input/bad.pdf", Data("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8))
        folder.write("input/text.txt", try Data(contentsOf: Fixtures.input("minimal-consistent")))
        let summary = try Pipeline(configuration: PipelineConfiguration(failOnCheckFailures: false), baseFolder: folder.url).run()

        #expect(summary.failed.map(\.reportID).sorted() == ["bad", "good"],
                "bad cannot be read; good is read but holds no table (its refusal comes from segment)")
        let bad = try #require(summary.failed.first { $0.reportID == "bad" }?.error)
        #expect(bad.message.hasPrefix("cannot extract text from PDF: it is damaged"), "\(bad.message)")
        #expect(bad.description.hasPrefix("input/bad.pdf"))
        #expect(folder.exists("output/_quarantine/bad.json"))
        let good = try #require(summary.failed.first { $0.reportID == "good" }?.error)
        #expect(good.stage == "segment", "\(good)")
        #expect(folder.text("output/good/01-extract/text.txt")?.contains("Budget page two") == true)
        let info = try JSONCoding.decode(ExtractInfo.self, from: try #require(folder.read("output/good/01-extract/extract.json")))
        #expect(info.pdf?.pages == 2)
        #expect(folder.exists("output/text/05-export/data/facts.csv"), "the text report beside them still succeeds")
    }
}
