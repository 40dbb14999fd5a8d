import Foundation

/// A valid PDF written out in the test, a few hundred bytes, so that no binary is committed: one
/// page per entry of `pages`, each showing its text in Helvetica (ASCII), or nothing at all for
/// `nil` (a page without a text layer, as a scan's page is to pdftotext).
enum MinimalPDF {
    static func make(pages: [String?]) -> Data {
        // Objects: 1 catalog, 2 page tree, 3 font, then per page its page object and content.
        var objects: [String] = []
        let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (index, text) in pages.enumerated() {
            let content = 5 + 2 * index
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] "
                               + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(content) 0 R >>")
            let stream = text.map { "BT /F1 12 Tf 20 100 Td (\($0)) Tj ET" } ?? ""
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var file = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(file.utf8.count)
            file += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = file.utf8.count
        file += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            file += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        file += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(file.utf8)
    }
}
