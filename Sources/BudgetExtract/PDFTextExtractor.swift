import BudgetCore
import Foundation

/// The extract stage's front end for PDF input: poppler's `pdfinfo` (page count, encryption) and
/// `pdftotext -layout -enc UTF-8` (the text, each table row on one line with its columns aligned
/// by spaces, a form feed after each page). Both run as subprocesses with a time limit
/// (`options.extract.pdfTimeoutSeconds`), and the text is bounded by `maxInputBytes`. What cannot
/// give text (poppler missing, a damaged or password-protected PDF, pages that are only images) is
/// refused with a message that starts `cannot extract text from PDF:`. The text then goes through
/// `TextExtractor` like any UTF-8 input, so `text.txt` is normalized the same way.
package struct PDFTextExtractor {
    /// The Debian package that provides both tools, for messages.
    package static let package = "poppler-utils"
    /// The command line, recorded in `extract.json`.
    package static let layoutArguments = ["-layout", "-enc", "UTF-8"]

    package let options: ExtractOptions
    /// The input's path, for error messages.
    package let file: String

    package init(options: ExtractOptions, file: String) {
        self.options = options
        self.file = file
    }

    /// Whether `data` is a PDF: it starts with the PDF header (what the file holds decides, not its
    /// name).
    package static func isPDF(_ data: Data) -> Bool {
        data.starts(with: Array("%PDF-".utf8))
    }

    package func extract(_ data: Data) throws(ReportError) -> ExtractedText {
        let pdftotext = try tool(options.pdftotext, option: "pdftotext")
        let pdfinfo = try tool(options.pdfinfo, option: "pdfinfo")
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(FileSystem.temporaryPrefix)pdf-\(UUID().uuidString).pdf")
        do {
            try data.write(to: copy)
        } catch {
            throw failure("could not write a temporary copy for poppler (\(error.localizedDescription))",
                          hint: "check that the temporary folder (TMPDIR) is writable")
        }
        defer { try? FileManager.default.removeItem(at: copy) }

        let facts = try describe(copy, with: pdfinfo)
        var text = try layoutText(copy, with: pdftotext)
        // pdftotext ends every page with a form feed; the last one ends the document, not a page,
        // so dropping it keeps "pages = form feeds + 1" true of text.txt.
        if text.last == 0x0C { text.removeLast() }
        guard text.contains(where: { !Self.isBlank($0) }) else {
            throw failure("it has no text layer (\(facts.pages) page\(facts.pages == 1 ? "" : "s") of images only, e.g. a scan)",
                          hint: "run OCR on it first (e.g. ocrmypdf), or get the report's text elsewhere")
        }
        var textOptions = options
        textOptions.encoding = .utf8
        var extracted = try TextExtractor(options: textOptions, file: file).extract(text)
        extracted.info.source = .init(file: (file as NSString).lastPathComponent, size: data.count, sha256: Checksum.sha256(data))
        extracted.info.pdf = .init(pages: facts.pages, encrypted: facts.encrypted,
                                   extractor: (["pdftotext"] + Self.layoutArguments).joined(separator: " "))
        return extracted
    }

    /// What `pdfinfo` says: the page count and whether the file is encrypted. A file it cannot
    /// open is damaged (or needs a password) and is refused here, before any text is read.
    private func describe(_ pdf: URL, with pdfinfo: URL) throws(ReportError) -> (pages: Int, encrypted: Bool) {
        let result = try run(pdfinfo, ["-enc", "UTF-8", pdf.path], maxOutputBytes: 1 << 20)
        let report = String(decoding: result.stdout, as: UTF8.self)
        var fields: [String: String] = [:]
        for line in report.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard result.status == 0, let pages = fields["Pages"].flatMap({ Int($0) }) else {
            throw unreadable(result, tool: "pdfinfo")
        }
        return (pages, fields["Encrypted"]?.hasPrefix("yes") == true)
    }

    private func layoutText(_ pdf: URL, with pdftotext: URL) throws(ReportError) -> Data {
        let result = try run(pdftotext, Self.layoutArguments + [pdf.path, "-"], maxOutputBytes: options.maxInputBytes)
        if result.outputExceeded {
            throw failure("its text is more than options.extract.maxInputBytes (\(options.maxInputBytes)) bytes",
                          hint: "raise the limit if this file really is a report")
        }
        guard result.status == 0, !result.signalled else { throw unreadable(result, tool: "pdftotext") }
        return result.stdout
    }

    /// A tool that exited with an error: poppler says why on standard error (e.g. `Syntax Error:
    /// Couldn't read xref table`, `Command Line Error: Incorrect password`).
    private func unreadable(_ result: BoundedProcess.Result, tool: String) -> ReportError {
        let said = result.firstErrorLine
        let exit = result.signalled ? "was killed by signal \(result.status)" : "exited with status \(result.status)"
        if said.localizedCaseInsensitiveContains("password") {
            return failure("it is encrypted and needs a password (\(tool): \(said))",
                           hint: "get an unprotected copy of the report (or its text)")
        }
        return failure("it is damaged or not a PDF (\(tool) \(exit)\(said.isEmpty ? "" : ": \(said)"))",
                       hint: "check that the file was downloaded or copied completely")
    }

    private func run(_ tool: URL, _ arguments: [String], maxOutputBytes: Int) throws(ReportError) -> BoundedProcess.Result {
        let result: BoundedProcess.Result
        do {
            result = try BoundedProcess.run(tool, arguments, timeout: options.pdfTimeoutSeconds, maxOutputBytes: maxOutputBytes)
        } catch {
            throw failure("could not run \(tool.path) (\(error.localizedDescription))",
                          hint: "install \(Self.package), or check options.extract.\(tool.lastPathComponent)")
        }
        if result.timedOut {
            throw failure("\(tool.lastPathComponent) ran longer than options.extract.pdfTimeoutSeconds (\(options.pdfTimeoutSeconds) s) "
                              + "and was stopped",
                          hint: "raise options.extract.pdfTimeoutSeconds if this really is a large report")
        }
        return result
    }

    /// The tool's executable: `name` itself when it holds a `/`, else the first match on PATH.
    private func tool(_ name: String, option: String) throws(ReportError) -> URL {
        let manager = FileManager.default
        if name.contains("/") {
            if manager.isExecutableFile(atPath: name) { return URL(fileURLWithPath: name) }
        } else {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if manager.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        throw failure("`\(name)` was not found\(name.contains("/") ? "" : " on PATH") (Debian package \(Self.package))",
                      hint: "install it (apt-get install \(Self.package)), or set options.extract.\(option) to its path")
    }

    /// Space, line breaks and form feeds: all an image-only PDF's text holds.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private func failure(_ message: String, hint: String) -> ReportError {
        ReportError(file: file, line: nil, byteOffset: nil, stage: ExtractStage.name.rawValue,
                    message: "cannot extract text from PDF: " + message, hint: hint)
    }
}
