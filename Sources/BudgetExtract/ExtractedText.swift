import BudgetCore

/// The extract stage's artifact: the report's text, decoded and normalized, and what was found.
public struct ExtractedText: Sendable {
    /// UTF-8 text with LF line ends and form feeds as page marks; line numbers match the source.
    public var text: String
    public var info: ExtractInfo
}

/// `01-extract/extract.json`: the source file and what decoding found and changed.
public struct ExtractInfo: Codable, Equatable, Sendable {
    public var source: Source
    public var encoding: TextEncoding
    /// Whether the file began with a byte-order mark (which is not part of the text).
    public var byteOrderMark: Bool
    public var lineEndings: LineEndings
    /// Lines of text (= lines of the source).
    public var lines: Int
    /// Pages: form feeds + 1 (a text without form feeds is one page as far as anyone can tell).
    public var pages: Int
    public var formFeeds: Int
    public var removedControlCharacters: RemovedCharacters
    /// Size of `text.txt` in bytes.
    public var textBytes: Int
    /// Present only when the input was a PDF (then `source` is the PDF and `encoding` UTF-8).
    public var pdf: PDFSource? = nil

    /// What the PDF an input was said about itself, and how its text was made.
    public struct PDFSource: Codable, Equatable, Sendable {
        /// The PDF's page count (pdfinfo); `pages` above counts the text's pages.
        public var pages: Int
        /// Encrypted without a user password (readable, e.g. copy-protected): the text was read.
        public var encrypted: Bool
        /// The command line that made `text.txt` (`pdftotext -layout -enc UTF-8`).
        public var extractor: String
    }

    public struct Source: Codable, Equatable, Sendable {
        /// The input file's name.
        public var file: String
        public var size: Int
        public var sha256: String
    }

    public struct LineEndings: Codable, Equatable, Sendable {
        /// `LF`, `CRLF`, `CR`, `mixed`, or `none` for a single line.
        public var style: String
        public var lf: Int
        public var crlf: Int
        public var cr: Int
    }

    public struct RemovedCharacters: Codable, Equatable, Sendable {
        public var total: Int
        /// Count per code point, keyed `U+0000`.
        public var byCodePoint: [String: Int]
    }
}

/// An encoding budget-etl reads.
public enum TextEncoding: String, Codable, Sendable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
}
