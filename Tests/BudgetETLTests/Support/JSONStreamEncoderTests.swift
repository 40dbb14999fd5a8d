import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// The streaming JSON encoder the intermediate files are written with: valid compact JSON that
/// `JSONDecoder` reads back, every string escaped, members in declaration order, nil left out,
/// hashed collections sorted, and the same content `JSONEncoder` gives.
@Suite struct JSONStreamEncoderTests {
    struct Sample: Codable, Equatable {
        var text: String
        var number: Int
        var flag: Bool
        var missing: String?
        var list: [String]
    }

    func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONStreamEncoder.encode(value), as: UTF8.self)
    }

    @Test func everyCharacterSurvivesTheRoundTrip() throws {
        let awkward = "quote \" backslash \\ tab \t newline \n cr \r nul \u{0} bell \u{7} ff \u{0C} 收 入 “三公” 𠀀 </p>"
        let sample = Sample(text: awkward, number: -12, flag: true, missing: nil, list: ["", "a,b", "]"])
        let data = try JSONStreamEncoder.encode(sample)
        #expect(try JSONDecoder().decode(Sample.self, from: data) == sample)
        #expect(!String(decoding: data, as: UTF8.self).contains("missing"))
    }

    @Test func onlyQuotesBackslashesAndControlCharactersAreEscaped() throws {
        #expect(try json("\"\\\n\r\t\u{0}\u{1F}/é收") == #""\"\\\n\r\t\u0000\u001f/é收""#)
    }

    @Test func membersComeInDeclarationOrderAndNilIsLeftOut() throws {
        let sample = Sample(text: "t", number: -12, flag: false, missing: nil, list: ["a"])
        #expect(try json(sample) == #"{"text":"t","number":-12,"flag":false,"list":["a"]}"#)
        var present = sample
        present.missing = "m"
        #expect(try json(present) == #"{"text":"t","number":-12,"flag":false,"missing":"m","list":["a"]}"#)
    }

    @Test func nilInsideArraysAndExplicitNilAreNull() throws {
        struct ExplicitNil: Encodable {
            enum CodingKeys: String, CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeNil(forKey: .a)
            }
        }
        #expect(try json(["a", nil] as [String?]) == #"["a",null]"#)
        #expect(try json(ExplicitNil()) == #"{"a":null}"#)
        #expect(try json(nil as Int?) == "null")
    }

    @Test func scalars() throws {
        #expect(try json([0, 7, -7, Int.max, Int.min]) == "[0,7,-7,9223372036854775807,-9223372036854775808]")
        #expect(try json([UInt64.max]) == "[18446744073709551615]")
        #expect(try json([Int8.min]) == "[-128]")
        #expect(try json([true, false]) == "[true,false]")
        #expect(try json([1.5, -0.25]) == "[1.5,-0.25]")
        #expect(try json(ExactDecimal("-0.50")!) == #""-0.50""#)
        #expect(throws: EncodingError.self) { try JSONStreamEncoder.encode([Double.infinity]) }
        #expect(throws: EncodingError.self) { try JSONStreamEncoder.encode(["a": Double.nan]) }
    }

    @Test func emptyContainers() throws {
        struct Nothing: Codable {}
        struct Holder: Codable {
            var a: [String]
            var b: Nothing
            var c: [String: Int]
            var d: [Nothing]
        }
        #expect(try json(Holder(a: [], b: Nothing(), c: [:], d: [])) == #"{"a":[],"b":{},"c":{},"d":[]}"#)
    }

    @Test func nestedContainersSuperEncodersAndARepeatedRequest() throws {
        struct Nested: Encodable {
            enum Keys: String, CodingKey { case first, inner, list, last, base }
            enum InnerKeys: String, CodingKey { case x, y }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .first)
                var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
                try inner.encode("x", forKey: .x)
                var deeper = inner.nestedUnkeyedContainer(forKey: .y)
                try deeper.encode(2)
                var pair = deeper.nestedUnkeyedContainer()
                try pair.encode(3)
                try pair.encodeNil()
                var list = container.nestedUnkeyedContainer(forKey: .list)
                var element = list.nestedContainer(keyedBy: InnerKeys.self)
                try element.encode(true, forKey: .x)
                try list.encode([4])
                try Sample(text: "s", number: 5, flag: true, list: []).encode(to: container.superEncoder())
                _ = container.superEncoder(forKey: .base)
                // Asked again, the encoder gives the same object, not a second one.
                var again = encoder.container(keyedBy: Keys.self)
                try again.encode("end", forKey: .last)
            }
        }
        let expected = #"{"first":1,"inner":{"x":"x","y":[2,[3,null]]},"list":[{"x":true},[4]],"#
            + #""super":{"text":"s","number":5,"flag":true,"list":[]},"base":{},"last":"end"}"#
        #expect(try json(Nested()) == expected)
        #expect(try json([Nested(), Nested()]) == "[\(expected),\(expected)]")
    }

    @Test func aContainerUsedOutOfOrderThrows() throws {
        struct OutOfOrder: Encodable {
            enum Keys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var inner = container.nestedUnkeyedContainer(forKey: .a)
                try container.encode(1, forKey: .b)
                try inner.encode(2)
            }
        }
        #expect(throws: EncodingError.self) { try JSONStreamEncoder.encode(OutOfOrder()) }
    }

    @Test func codingPathNamesKeysAndIndices() throws {
        struct Recorder: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(encoder.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/"))
            }
        }
        struct Outer: Encodable { var items: [[String: Recorder]] }
        #expect(try json(Outer(items: [["k": Recorder()]])) == #"{"items":[{"k":"items/0/k"}]}"#)
    }

    @Test func dictionariesAndSetsComeSorted() throws {
        var counts: [String: Int] = [:]
        for key in ["收入", "b", "a", "c", "表", "A", "10", "9"] { counts[key] = key.utf8.count }
        #expect(try json(counts) == #"{"10":2,"9":1,"A":1,"a":1,"b":1,"c":1,"收入":6,"表":3}"#)
        #expect(try json([10: "ten", 9: "nine", -1: "minus"]) == #"{"-1":"minus","9":"nine","10":"ten"}"#)
        #expect(try json(Set(["b", "a", "c"])) == #"["a","b","c"]"#)
        // Keys that are neither strings nor integers: pairs, as the standard conformance writes them.
        #expect(try json([ExactDecimal("2")!: 1, ExactDecimal("1")!: 2]) == #"["1",2,"2",1]"#)
        let decoded = try JSONDecoder().decode([String: Int].self, from: try JSONStreamEncoder.encode(counts))
        #expect(decoded == counts)
    }

    /// The same content as `JSONEncoder` writes (which sorts object keys where this keeps
    /// declaration order): compared as parsed JSON.
    @Test(arguments: ["segment", "normalize", "reconcile"])
    func sameContentAsJSONEncoder(_ artifact: String) throws {
        let value: any Encodable = switch artifact {
        case "segment": SampleReport.segmented
        case "normalize": SampleReport.normalized
        default: SampleReport.reconciled
        }
        func canonical(_ data: Data) throws -> Data {
            try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
        }
        #expect(try canonical(try JSONStreamEncoder.encode(value)) == canonical(try JSONEncoder().encode(value)))
    }

    @Test func theReportsReadBack() throws {
        let segmented = try JSONStreamEncoder.encode(SampleReport.segmented)
        #expect(try JSONDecoder().decode(SegmentedReport.self, from: segmented) == SampleReport.segmented)
        #expect(try JSONStreamEncoder.encode(SampleReport.segmented) == segmented, "deterministic")
        let normalized = try JSONStreamEncoder.encode(SampleReport.normalized)
        #expect(try JSONDecoder().decode(NormalizedReport.self, from: normalized) == SampleReport.normalized)
        let reconciled = try JSONStreamEncoder.encode(SampleReport.reconciled)
        #expect(try JSONDecoder().decode(ReconcileReport.self, from: reconciled) == SampleReport.reconciled)
    }
}
