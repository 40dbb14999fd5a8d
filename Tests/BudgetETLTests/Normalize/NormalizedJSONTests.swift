import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize

/// `normalize.json` leaves out what is almost always so (a cell that is not blank, a row that
/// is not a total, a blank cell's empty text) and reads its absence back as that value.
@Suite struct NormalizedJSONTests {
    @Test func defaultsAreLeftOutAndReadBack() throws {
        let blank = NormalizedCell(column: 2, raw: "", value: nil, unit: nil, qualifier: nil, blank: true)
        let printed = NormalizedCell(column: 1, raw: "1,209.02", value: ExactDecimal("1209.02"), unit: "万元", qualifier: nil, blank: false)
        let blankJSON = String(decoding: try JSONStreamEncoder.encode(blank), as: UTF8.self)
        let printedJSON = String(decoding: try JSONStreamEncoder.encode(printed), as: UTF8.self)
        #expect(blankJSON == #"{"column":2,"blank":true}"#)
        #expect(printedJSON == #"{"column":1,"raw":"1,209.02","value":"1209.02","unit":"万元"}"#)
        #expect(try JSONCoding.decode(NormalizedCell.self, from: Data(blankJSON.utf8)) == blank)
        #expect(try JSONCoding.decode(NormalizedCell.self, from: Data(printedJSON.utf8)) == printed)
    }

    @Test func theSampleReadsBackAsItWasWritten() throws {
        let normalized = SampleReport.normalized
        let data = try JSONStreamEncoder.encode(normalized)
        #expect(try JSONCoding.decode(NormalizedReport.self, from: data) == normalized)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains(#""blank":false"#) && !text.contains(#""isTotal":false"#) && !text.contains(#""raw":"""#))
        #expect(text.contains(#""isTotal":true"#) && text.contains(#""blank":true"#))
    }
}
