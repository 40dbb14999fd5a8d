import Foundation
import Testing
@testable import BudgetCore

/// The one CSV reader reads back what `CSVWriter` writes.
@Suite struct CSVReaderTests {
    @Test func readsWhatTheWriterWrites() {
        var writer = CSVWriter(byteOrderMark: true)
        let records = [["id", "name", "note"], ["1", "合计, 总计", "say \"hi\"\nnext line"], ["2", "", "收入"]]
        for record in records { writer.record(record) }
        #expect(CSVReader.records(String(decoding: writer.takeData(), as: UTF8.self)) == records)
    }

    @Test func acceptsLineFeedsAndAMissingLastBreak() {
        #expect(CSVReader.records("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(CSVReader.records("a,b\r\n\"c\"\"\",\r\n") == [["a", "b"], ["c\"", ""]])
        #expect(CSVReader.records("").isEmpty)
    }

    /// Random records of awkward fields.
    static func randomRecords(_ count: Int, seed: UInt64) -> [[String]] {
        var random = SeededGenerator(state: seed)
        let pieces = ["", "a", "合计", ",", "\"", "\r\n", "\n", "'=1", "收 入", "𠀀", " ", "x\"y\"z"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...6, using: &random)).map { _ in
                (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
        }
    }

    /// The fields as the writer writes them: text a spreadsheet would run, defused.
    static func defused(_ records: [[String]]) -> [[String]] {
        records.map { $0.map { CSVDefusing.needsDefusing($0) ? CSVDefusing.prefix + $0 : $0 } }
    }

    /// Fed a piece at a time, however the pieces fall (inside a quoted field, between the CR and
    /// LF of a line break, inside a Chinese character), the parser gives what one pass gives.
    @Test func piecesOfAnySizeReadAsTheWhole() {
        var writer = CSVWriter(byteOrderMark: true)
        let written = Self.randomRecords(300, seed: 3)
        for record in written { writer.record(record) }
        let records = Self.defused(written)
        let bytes = writer.withBytes { Array($0) }
        #expect(CSVReader.records(String(decoding: bytes, as: UTF8.self)) == records)
        var random = SeededGenerator(state: 4)
        for _ in 0..<20 {
            var parser = CSVParser()
            var read: [[String]] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...40, using: &random))
                bytes[start..<end].withUnsafeBufferPointer { parser.feed($0) { read.append($0) } }
                start = end
            }
            parser.finish { read.append($0) }
            #expect(read == records)
        }
    }

    /// A file larger than the reader's chunk reads record by record as the whole text does.
    @Test func aFileReadsAsItsText() throws {
        let folder = TemporaryFolder()
        var writer = CSVWriter(byteOrderMark: false)
        let written = Self.randomRecords(8_000, seed: 9)
        for record in written { writer.record(record) }
        let records = Self.defused(written)
        #expect(writer.byteCount > 2 << 16, "several chunks")
        let url = folder.write("big.csv", writer.takeData())
        let reader = try #require(try CSVFileReader(url))
        var read: [[String]] = []
        while let record = try reader.record() { read.append(record) }
        #expect(read == records)
        #expect(try CSVFileReader(folder.path("missing.csv")) == nil)
    }
}
