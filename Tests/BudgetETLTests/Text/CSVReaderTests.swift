import Testing
@testable import BudgetCore

/// The one CSV reader reads back what `CSVWriter` writes.
@Suite struct CSVReaderTests {
    @Test func readsWhatTheWriterWrites() {
        var writer = CSVWriter(byteOrderMark: true)
        let records = [["id", "name", "note"], ["1", "合计, 总计", "say \"hi\"\nnext line"], ["2", "", "收入"]]
        for record in records { writer.record(record) }
        #expect(CSVReader.records(String(decoding: writer.data, as: UTF8.self)) == records)
    }

    @Test func acceptsLineFeedsAndAMissingLastBreak() {
        #expect(CSVReader.records("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(CSVReader.records("a,b\r\n\"c\"\"\",\r\n") == [["a", "b"], ["c\"", ""]])
        #expect(CSVReader.records("").isEmpty)
    }
}
