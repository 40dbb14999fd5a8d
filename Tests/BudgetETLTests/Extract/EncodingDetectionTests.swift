import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExtract

/// The extract stage's encoding detection: by validity, never a silent guess.
@Suite struct EncodingDetectionTests {
    let report = "收 入 总 计\t1,209.02\n表5-1 一般公共预算支出表(分功能科目)\n（一）住房保障支出\t97.83\n"

    func extract(_ data: Data, encoding: EncodingChoice = .auto) throws -> ExtractedText {
        try TextExtractor(options: ExtractOptions(encoding: encoding), file: "input/r.txt").extract(data)
    }

    func failure(_ data: Data, encoding: EncodingChoice = .auto) -> ReportError? {
        do {
            _ = try extract(data, encoding: encoding)
            return nil
        } catch {
            return error as? ReportError
        }
    }

    @Test func utf8WithoutBOM() throws {
        let result = try extract(Encoded.utf8(report))
        #expect(result.text == report)
        #expect(result.info.encoding == .utf8)
        #expect(result.info.byteOrderMark == false)
    }

    @Test func utf8WithBOMDropsTheMark() throws {
        let result = try extract(Encoded.utf8(report, bom: true))
        #expect(result.text == report)
        #expect(result.info.encoding == .utf8)
        #expect(result.info.byteOrderMark)
        #expect(result.info.source.size == Encoded.utf8(report).count + 3)
    }

    @Test(arguments: [false, true])
    func utf16WithBOM(bigEndian: Bool) throws {
        let result = try extract(Encoded.utf16(report + "𠀀", bigEndian: bigEndian))
        #expect(result.text == report + "𠀀")
        #expect(result.info.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(result.info.byteOrderMark)
    }

    @Test func gb18030IsDetectedWhenNotUTF8() throws {
        let data = Encoded.gb18030(report)
        #expect(String(data: data, encoding: .utf8) == nil, "the fixture must not be valid UTF-8")
        let result = try extract(data)
        #expect(result.text == report)
        #expect(result.info.encoding == .gb18030)
    }

    @Test func gb18030CanBeForced() throws {
        let result = try extract(Encoded.gb18030(report), encoding: .gb18030)
        #expect(result.text == report)
    }

    @Test func undecodableInputNamesByteOffsetAndLine() throws {
        // Valid UTF-8 up to a byte that neither UTF-8 nor GB18030 accepts (0xFF).
        var data = Encoded.utf8("第一行\n第二行\n")
        let offset = data.count + 3
        data += Encoded.utf8("abc") + Data([0xFF, 0x41]) + Encoded.utf8("\n")
        let error = try #require(failure(data))
        #expect(error.byteOffset == offset)
        #expect(error.line == 3)
        #expect(error.file == "input/r.txt")
        #expect(error.message.contains("neither UTF-8"))
        #expect(error.message.contains("GB18030"))
        #expect(error.description.hasPrefix("input/r.txt:3: "))
    }

    @Test func forcedUTF8RefusesGB18030Bytes() throws {
        // 表 is B1 ED in GB18030; B1 cannot start a UTF-8 sequence.
        let data = Encoded.utf8("ok\n") + Encoded.gb18030("表1")
        let error = try #require(failure(data, encoding: .utf8))
        #expect(error.byteOffset == 3)
        #expect(error.line == 2)
    }

    @Test func byteOrderMarkContradictingTheForcedEncodingIsRefused() throws {
        let error = try #require(failure(Encoded.utf16("x", bigEndian: false), encoding: .gb18030))
        #expect(error.message.contains("UTF-16LE byte-order mark"))
    }

    @Test func utf16WithUnpairedSurrogateIsRefused() throws {
        var data = Encoded.utf16("ab", bigEndian: false)
        data += Data([0x00, 0xD8, 0x41, 0x00])  // high surrogate, then 'A'
        let error = try #require(failure(data))
        #expect(error.byteOffset == 6)
        #expect(error.message.contains("surrogate"))
    }

    @Test func utf16WithOddLengthIsRefused() throws {
        let error = try #require(failure(Encoded.utf16("ab", bigEndian: true) + Data([0x41])))
        #expect(error.byteOffset == 6)
    }

    @Test func utf16WithoutBOMIsNotSilentlyReadAsUTF8() throws {
        let error = try #require(failure(Encoded.utf16("plain ascii report\n", bigEndian: false, bom: false)))
        #expect(error.message.contains("NUL"))
        let forced = try extract(Encoded.utf16("plain ascii report\n", bigEndian: false, bom: false), encoding: .utf16LE)
        #expect(forced.text == "plain ascii report\n")
    }

    @Test func chineseUTF16WithoutBOMIsNotSilentlyReadAsGB18030() throws {
        let text = "项目支出\t383.76\n基本支出\t825.26\n合计\t1209.02\n"
        let error = try #require(failure(Encoded.utf16(text, bigEndian: false, bom: false)))
        #expect(error.message.contains("without a byte-order mark"))
        #expect(try extract(Encoded.utf16(text, bigEndian: true, bom: false), encoding: .utf16BE).text == text)
    }

    @Test func aFewStrayNULsAreRemovedNotRefused() throws {
        let result = try extract(Encoded.utf8("收入\u{0}总计\t1,209.02\u{0}\n" + String(repeating: "项目\t1.00\n", count: 20)))
        #expect(result.info.removedControlCharacters.byCodePoint["U+0000"] == 2)
    }

    @Test func utf32IsRefused() throws {
        let error = try #require(failure(Data([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])))
        #expect(error.message.contains("UTF-32"))
    }

    @Test func oversizedInputIsRefused() throws {
        let error = try #require(failure(Data(count: 100), encoding: .auto, limit: 10))
        #expect(error.message.contains("maxInputBytes"))
    }

    func failure(_ data: Data, encoding: EncodingChoice, limit: Int) -> ReportError? {
        do {
            _ = try TextExtractor(options: ExtractOptions(encoding: encoding, maxInputBytes: limit), file: "r").extract(data)
            return nil
        } catch {
            return error
        }
    }
}
