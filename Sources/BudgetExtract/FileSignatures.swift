/// Formats that are not text, recognised by the bytes they start with, so that a PDF, a
/// spreadsheet or an image dropped into `input/` is refused by name instead of being decoded as
/// text or failing on its first invalid byte.
enum FileSignatures {
    struct Signature {
        let format: String
        let magic: [UInt8]
        let hint: String
    }

    private static let office = "save it as text (UTF-8), or extract its text first"

    static let known: [Signature] = [
        Signature(format: "a PDF document", magic: Array("%PDF-".utf8),
                  hint: "extract its text first, e.g. `pdftotext -layout -enc UTF-8 FILE.pdf FILE.txt` (poppler-utils)"),
        Signature(format: "a ZIP archive (or an Office document: .docx, .xlsx, .pptx)", magic: [0x50, 0x4B, 0x03, 0x04], hint: office),
        Signature(format: "an empty ZIP archive", magic: [0x50, 0x4B, 0x05, 0x06], hint: office),
        Signature(format: "a Microsoft Office 97–2003 document (.doc, .xls)", magic: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
                  hint: office),
        Signature(format: "a PNG image", magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], hint: "run OCR on it first"),
        Signature(format: "a JPEG image", magic: [0xFF, 0xD8, 0xFF], hint: "run OCR on it first"),
        Signature(format: "a GIF image", magic: Array("GIF8".utf8), hint: "run OCR on it first"),
        Signature(format: "a TIFF image", magic: [0x49, 0x49, 0x2A, 0x00], hint: "run OCR on it first"),
        Signature(format: "a TIFF image", magic: [0x4D, 0x4D, 0x00, 0x2A], hint: "run OCR on it first"),
        Signature(format: "a gzip archive", magic: [0x1F, 0x8B], hint: "unpack it first"),
        Signature(format: "a 7-Zip archive", magic: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], hint: "unpack it first"),
        Signature(format: "a RAR archive", magic: Array("Rar!".utf8), hint: "unpack it first"),
        Signature(format: "an RTF document", magic: Array("{\\rtf".utf8), hint: office),
    ]

    /// The format `bytes` start with, if it is one of the known non-text formats.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Signature? {
        known.first { signature in
            bytes.count >= signature.magic.count && zip(signature.magic, bytes).allSatisfy { $0 == $1 }
        }
    }
}
