import Foundation
import Testing
@testable import BudgetCore

/// The hand-written JSON writer: valid JSON that Foundation reads back, every string escaped.
@Suite struct JSONWriterTests {
    struct Sample: JSONWritable, Decodable, Equatable {
        var text: String
        var number: Int
        var flag: Bool
        var missing: String?
        var list: [String]

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("text", text)
                json.member("number", number)
                json.member("flag", flag)
                json.member("missing", missing)
                json.member("list", strings: list)
            }
        }
    }

    @Test func everyCharacterSurvivesTheRoundTrip() throws {
        let awkward = "quote \" backslash \\ tab \t newline \n cr \r nul \u{0} bell \u{7} ff \u{0C} 收 入 “三公” 𠀀 </p>"
        let sample = Sample(text: awkward, number: -12, flag: true, missing: nil, list: ["", "a,b", "]"])
        let data = JSONWriter.encode(sample)
        #expect(try JSONDecoder().decode(Sample.self, from: data) == sample)
        #expect(!String(decoding: data, as: UTF8.self).contains("missing"))
    }

    @Test func emptyContainers() throws {
        var writer = JSONWriter()
        writer.object { json in
            json.member("a", strings: [])
            json.key("b")
            json.object { _ in }
        }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[],"b":{}}"#)
    }
}
