import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// The streaming JSON decoder manifests are read with on every run: it must read exactly what
/// `JSONDecoder` reads (or throw, so the caller falls back), and never make a value out of a
/// document that is cut short or broken.
@Suite struct JSONStreamDecoderTests {
    /// Strings that exercise escaping: quotes, backslashes, control characters, slashes, CJK,
    /// a character outside the Basic Multilingual Plane (a surrogate pair when escaped).
    static let awkward = ["", "a", "quote \" backslash \\", "tab \t nl \n cr \r nul \u{0} bell \u{7}", "a/b/c.txt",
                          "收入支出预算总表", "𠀀 “三公”", "</p> & <", "=HYPERLINK(\"x\")"]

    func randomText(_ random: inout SeededGenerator) -> String {
        Self.awkward.randomElement(using: &random)! + (Bool.random(using: &random) ? Self.awkward.randomElement(using: &random)! : "")
    }

    func randomRecord(_ random: inout SeededGenerator) -> FileRecord {
        let size = Int.random(in: 0...Int.max, using: &random)
        let stamp = Bool.random(using: &random)
            ? FileStamp(size: size, modifiedNanoseconds: Int64.random(in: Int64.min...Int64.max, using: &random),
                        inode: UInt64.random(in: 0...UInt64.max, using: &random))
            : nil
        return FileRecord(path: randomText(&random), sha256: String(repeating: "ab", count: 32), size: size, stamp: stamp)
    }

    func randomError(_ random: inout SeededGenerator) -> ReportError? {
        guard Bool.random(using: &random) else { return nil }
        return ReportError(file: randomText(&random), line: Bool.random(using: &random) ? Int.random(in: -5...500, using: &random) : nil,
                           byteOffset: Bool.random(using: &random) ? 7 : nil, stage: Bool.random(using: &random) ? "segment" : nil,
                           message: randomText(&random), hint: Bool.random(using: &random) ? randomText(&random) : nil)
    }

    func randomSummary(_ random: inout SeededGenerator) -> [String: String]? {
        guard Bool.random(using: &random) else { return nil }
        var summary: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) { summary[randomText(&random)] = randomText(&random) }
        return summary
    }

    func randomManifest(_ random: inout SeededGenerator) -> Manifest {
        let stages = (0..<Int.random(in: 0...5, using: &random)).map { _ in
            StageRecord(stage: randomText(&random), status: Bool.random(using: &random) ? .ok : .failed, pipelineVersion: "0.5.0",
                        optionsSHA256: randomText(&random),
                        inputs: (0..<Int.random(in: 0...3, using: &random)).map { _ in randomRecord(&random) },
                        outputs: (0..<Int.random(in: 0...3, using: &random)).map { _ in randomRecord(&random) },
                        error: randomError(&random), finished: "2026-12-02T15:18:36Z",
                        durationMicroseconds: Int.random(in: Int.min...Int.max, using: &random))
        }
        let versions: [ReportVersion]? = Bool.random(using: &random)
            ? (0..<Int.random(in: 0...2, using: &random)).map { _ in
                ReportVersion(sha256: randomText(&random), source: randomText(&random), ingested: nil, status: .ok,
                              summary: randomSummary(&random), folder: randomText(&random))
            }
            : nil
        return Manifest(schemaVersion: 1, reportId: randomText(&random), source: randomRecord(&random), software: .current,
                        status: .ok, error: randomError(&random), stages: stages, updated: randomText(&random),
                        ingested: Bool.random(using: &random) ? randomText(&random) : nil, summary: randomSummary(&random),
                        versions: versions)
    }

    @Test func readsWhatEitherEncoderWroteAsJSONDecoderDoes() throws {
        var random = SeededGenerator(state: 11)
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]  // whitespace everywhere, `\/` escapes
        for _ in 0..<300 {
            let manifest = randomManifest(&random)
            for data in [try JSONStreamEncoder.encode(manifest), try pretty.encode(manifest)] {
                let streamed = try JSONStreamDecoder.decode(Manifest.self, from: data)
                #expect(streamed == manifest)
                #expect(streamed == (try JSONDecoder().decode(Manifest.self, from: data)))
            }
        }
    }

    @Test func aDocumentCutShortIsNeverAValue() throws {
        var random = SeededGenerator(state: 5)
        let data = try JSONStreamEncoder.encode(randomManifest(&random))
        for length in 0..<data.count {
            #expect(throws: (any Error).self) { try JSONStreamDecoder.decode(Manifest.self, from: data.prefix(length)) }
        }
    }

    struct Sample: Codable, Equatable {
        var text: String
        var number: Int
        var ratio: Double?
        var list: [UInt8]
    }

    func decode(_ json: String) throws -> Sample {
        try JSONStreamDecoder.decode(Sample.self, from: Data(json.utf8))
    }

    @Test func escapesAndNumbers() throws {
        let sample = try decode(#" { "list" : [ 0 , 255 ] , "text" : "\u00e9\ud840\udc00\/\"\\\t" , "number" : -42, "ratio": 1.5e2 } "#)
        #expect(sample == Sample(text: "é𠀀/\"\\\t", number: -42, ratio: 150, list: [0, 255]))
        #expect(try decode(#"{"text":"","number":0,"ratio":null,"list":[],"unknown":{"a":[1,{"b":null}]}}"#).ratio == nil)
        // A member named by the empty string (a summary's key may be empty).
        #expect(try JSONStreamDecoder.decode([String: String].self, from: Data(#"{"":"x","a":""}"#.utf8)) == ["": "x", "a": ""])
    }

    @Test func brokenDocumentsAreRefused() {
        let broken = [
            #"{"text":"a","number":1,"list":[]} x"#,  // content after the value
            #"{"text":"\x","number":1,"list":[]}"#,  // invalid escape
            #"{"text":"\ud840","number":1,"list":[]}"#,  // unpaired surrogate
            #"{"text":"a","number":1.5,"list":[]}"#,  // fraction in an integer
            #"{"text":"a","number":99999999999999999999,"list":[]}"#,  // too large
            #"{"text":"a","number":1,"list":[256]}"#,  // too large for UInt8
            #"{"text":"a","list":[]}"#,  // a required member missing
            #"{"text":1,"number":1,"list":[]}"#,  // wrong type
            #"{"text":"a","number":1,"list":[1 2]}"#,  // no comma
            "{\"text\":\"a\u{1}\",\"number\":1,\"list\":[]}",  // raw control character
        ]
        for json in broken {
            #expect(throws: DecodingError.self, "\(json)") { try decode(json) }
        }
        var invalidUTF8 = Data(#"{"text":""#.utf8)
        invalidUTF8.append(contentsOf: [0xE6, 0x94])
        invalidUTF8.append(contentsOf: Data(#"","number":1,"list":[]}"#.utf8))
        #expect(throws: DecodingError.self) { try JSONStreamDecoder.decode(Sample.self, from: invalidUTF8) }
    }
}
