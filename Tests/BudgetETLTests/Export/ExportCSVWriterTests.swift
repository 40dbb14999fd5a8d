import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetReconcile

/// RFC 4180 output and spreadsheet defusing.
@Suite struct ExportCSVWriterTests {
    func written(_ body: (inout CSVWriter) -> Void, byteOrderMark: Bool = false) -> String {
        var csv = CSVWriter(byteOrderMark: byteOrderMark)
        body(&csv)
        return String(decoding: csv.takeData(), as: UTF8.self)
    }

    /// A record of a field `a`, then what `body` writes: two ways of writing the same field are
    /// compared there, after a separator.
    func record(after body: (inout CSVWriter) -> Void) -> String {
        written { csv in
            csv.text("a")
            body(&csv)
            csv.endRecord()
        }
    }

    @Test func recordsEndWithCRLFAndFieldsAreQuotedOnlyWhenNeeded() {
        let text = written { csv in
            csv.record(["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "合计"])
        }
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,合计\r\n")
    }

    /// A prepared field (the report's id, a table's title, repeated in every record) writes the
    /// bytes `text` writes for its value: quoted, defused, or nothing for nil and empty.
    @Test func aPreparedFieldWritesWhatItsTextWould() {
        var generator = SeededGenerator(state: 1_203)
        let pieces = ["\"", ",", "\n", "=", "+", "-", "@", "'", "a", "合计", "1,209.02", " ", "\t"]
        var values: [String?] = [nil, "", "=SUM(A1)", "report-00001"]
        for _ in 0..<2_000 {
            values.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for value in values {
            let prepared = CSVWriter.prepared(value)
            #expect(record { $0.field(prepared) } == record { $0.text(value) }, "\(String(describing: value).debugDescription)")
        }
    }

    /// A field is quoted when it holds a comma, quote, CR or LF, each inner quote doubled: on
    /// random fields of those and plain characters (quotes first, last and side by side), the
    /// bytes are RFC 4180's and read back as the (defused) text.
    @Test func quotedFieldsDoubleEveryQuote() {
        var generator = SeededGenerator(state: 23)
        let pieces = ["\"", "\"\"", ",", "\r", "\n", "a", "合计", "1,209.02", " "]
        for _ in 0..<2_000 {
            let field = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = written { csv in
                csv.text(field)
                csv.endRecord()
            }
            let printed = CSVDefusing.needsDefusing(field) ? CSVDefusing.prefix + field : field
            let special = printed.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            let expected = special ? "\"" + printed.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : printed
            #expect(text == expected + "\r\n", "\(field.debugDescription)")
            #expect(CSVTestReader.records(Data(text.utf8)) == [[printed]], "\(field.debugDescription)")
        }
    }

    @Test(arguments: ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "-", "'quoted"])
    func dangerousTextGetsOneApostrophe(_ value: String) {
        let text = written { $0.record([value]) }
        let records = CSVTestReader.records(Data(text.utf8))
        #expect(records == [["'" + value]])
    }

    @Test(arguments: ["-1,209.02", "+3.5", "-0.50%", "1,209.02", "合计", "a=b", "2024"])
    func numbersAndHarmlessTextAreNeverChanged(_ value: String) {
        let text = written { $0.record([value]) }
        #expect(CSVTestReader.records(Data(text.utf8)) == [[value]])
    }

    @Test func numberFieldsAreWrittenAsTheirExactDecimal() {
        let text = written { csv in
            csv.number(ExactDecimal("-12.30"))
            csv.number(nil)
            csv.int(7)
            csv.endRecord()
        }
        #expect(text == "-12.30,,7\r\n")
    }

    /// Integers are written digit by digit into the buffer: as `String(_:)` prints them, for the
    /// extremes, every power of ten and its neighbours, and random values of every width.
    @Test func integersAreWrittenAsTheyPrint() {
        var values: [Int] = [0, 1, -1, 9, 10, -10, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power + 1, -power, -power - 1]
        }
        var generator = SeededGenerator(state: 3)
        for _ in 0..<2_000 { values.append(Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...62, using: &generator)) }
        let text = written { csv in
            for value in values { csv.int(value) }
            csv.int(nil)
            csv.endRecord()
        }
        #expect(text == values.map(String.init).joined(separator: ",") + ",\r\n")
    }

    /// A list of integers in one field (checks.csv's `lines`) is the field `text` writes for the
    /// list joined with spaces: for random lists of every length, negative numbers included (a
    /// leading minus sign before a second number is defused, as `text` would).
    @Test func integerListsAreTheFieldTheirJoinedTextIs() {
        var generator = SeededGenerator(state: 5)
        var lists: [[Int]] = [[], [0], [-1], [-1, 2], [2, -1], [Int.min, Int.max]]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...6, using: &generator)
            lists.append((0..<count).map { _ in
                Int.random(in: -1_000_000...1_000_000, using: &generator) >> Int.random(in: 0...19, using: &generator)
            })
        }
        for list in lists {
            #expect(record { $0.ints(list) } == record { $0.text(list.map(String.init).joined(separator: " ")) }, "\(list)")
        }
    }

    @Test func byteOrderMarkOnlyWhenAsked() {
        #expect(written({ $0.record(["a"]) }).utf8.first == UInt8(ascii: "a"))
        #expect(Array(written({ $0.record(["a"]) }, byteOrderMark: true).utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let files = try! ExportFixtures.export(options: ExportOptions(csvByteOrderMark: true))
        for file in files where file.name.hasSuffix(".csv") {
            #expect(Array(file.data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file.name)")
        }
        for file in ExportFixtures.files where file.name.hasSuffix(".csv") {
            #expect(Array(file.data.prefix(3)) != [0xEF, 0xBB, 0xBF], "\(file.name)")
        }
    }

    @Test func checksCSVQuotesDefusesAndKeepsNumbers() throws {
        let records = CSVTestReader.records(ExportFixtures.file(ChecksCSV.fileName))
        #expect(records[0] == ["report_id", "check_id", "rule", "status", "table_id", "location", "expected", "actual",
                               "difference", "tolerance", "message", "lines"])
        #expect(records.count == 4)
        #expect(records[1][11] == "198 199 200")
        let failed = records[3]
        #expect(failed[1] == "arithmetic:7:=1+1")
        #expect(failed[3] == "fail")
        #expect(failed[5] == "'=1+1, “三公”经费合计")
        #expect(failed[6] == "1.70")
        #expect(failed[7] == "-1.70", "numbers are never defused")
        #expect(failed[8] == "-3.40")
        #expect(failed[10] == "'-1.70 is printed, 1.70 is the sum:\ncheck line 292.")
        #expect(records[2][10] == "The narrative says \"1209.0\", table 1 says 1,209.02.")
        #expect(records[2][4] == "")
        let raw = ExportFixtures.text(ChecksCSV.fileName)
        #expect(raw.contains("\"'-1.70 is printed, 1.70 is the sum:\ncheck line 292.\",\r\n"))
    }

    @Test func everyCSVIsCRLFAndParses() {
        for file in ExportFixtures.files where file.name.hasSuffix(".csv") {
            let text = String(decoding: file.data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n"), "\(file.name)")
            let records = CSVTestReader.records(file.data)
            #expect(records.allSatisfy { $0.count == records[0].count }, "\(file.name): ragged records")
        }
    }
}
