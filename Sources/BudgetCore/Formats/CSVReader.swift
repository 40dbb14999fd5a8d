import Foundation

/// Reads RFC 4180 CSV — what `CSVWriter` writes — back into records: the driver reads the
/// catalog it keeps, tests read the exports. Fields come back as written (text that
/// `CSVDefusing` defused stays defused; `CSVDefusing.printed` undoes it).
///
/// Lenient where a hand-edited file may differ from what `CSVWriter` writes: LF or CRLF between
/// records, a stray CR outside quotes ignored, a UTF-8 byte-order mark skipped, the last record
/// with or without its line break.
package enum CSVReader {
    /// The records of `text`, each a list of fields.
    package static func records(_ text: String) -> [[String]] {
        var parser = CSVParser()
        var rows: [[String]] = []
        let fed: Void? = text.utf8.withContiguousStorageIfAvailable { parser.feed($0) { rows.append($0) } }
        if fed == nil { Array(text.utf8).withUnsafeBufferPointer { parser.feed($0) { rows.append($0) } } }
        parser.finish { rows.append($0) }
        return rows
    }
}

/// The records of a CSV file, read a chunk at a time: memory stays the size of a chunk and a
/// record, however long the file (the catalog of a large collection is read this way).
package final class CSVFileReader {
    private let descriptor: Int32
    private let path: String
    private var parser = CSVParser()
    private var ready: [[String]] = []
    private var next = 0
    private var ended = false
    /// The chunk read into, reused from read to read.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Opens `url`; nil when there is no such file.
    package init?(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw FileSystemError(path: url.path, action: "read", reason: String(cString: strerror(errno)))
        }
        (self.descriptor, self.path) = (descriptor, url.path)
    }

    deinit { close(descriptor) }

    /// The next record; nil at the end of the file.
    package func record() throws -> [String]? {
        while next == ready.count {
            if ended { return nil }
            ready.removeAll(keepingCapacity: true)
            next = 0
            try fill()
        }
        defer { next += 1 }
        return ready[next]
    }

    private func fill() throws {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if count < 0 {
            if errno == EINTR { return }
            throw FileSystemError(path: path, action: "read", reason: String(cString: strerror(errno)))
        }
        if count == 0 {
            ended = true
            parser.finish { ready.append($0) }
            return
        }
        chunk.withUnsafeBufferPointer { buffer in
            parser.feed(UnsafeBufferPointer(rebasing: buffer[..<count])) { ready.append($0) }
        }
    }
}

/// The one CSV state machine, fed bytes in pieces of any size. The delimiters are ASCII, so a
/// multi-byte UTF-8 character never looks like one, and a field's bytes are decoded once whole.
package struct CSVParser {
    private var row: [String] = []
    private var field: [UInt8] = []
    private var quoted = false
    /// A quote seen inside a quoted field: the end of the quotes, or the first of a doubled `""`.
    private var quoteInQuotes = false
    private var started = false
    private var bomBytes = 0

    package init() {}

    package mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, record: ([String]) -> Void) {
        for byte in bytes {
            if !started {
                // A UTF-8 byte-order mark (EF BB BF) before the first record is not data.
                if byte == [0xEF, 0xBB, 0xBF][bomBytes] {
                    bomBytes += 1
                    if bomBytes == 3 { started = true }
                    continue
                }
                started = true
                field.append(contentsOf: [0xEF, 0xBB, 0xBF].prefix(bomBytes))
            }
            if quoteInQuotes {
                quoteInQuotes = false
                if byte == UInt8(ascii: "\"") {
                    field.append(byte)
                    continue
                }
                quoted = false
            }
            if quoted {
                if byte == UInt8(ascii: "\"") { quoteInQuotes = true } else { field.append(byte) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\r"): continue
            case UInt8(ascii: "\n"):
                endField()
                record(row)
                row = []
            default: field.append(byte)
            }
        }
    }

    /// The last record, when the text does not end with a line break.
    package mutating func finish(record: ([String]) -> Void) {
        if !started { field.append(contentsOf: [0xEF, 0xBB, 0xBF].prefix(bomBytes)) }
        if !field.isEmpty || !row.isEmpty {
            endField()
            record(row)
            row = []
        }
    }

    private mutating func endField() {
        row.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }
}
