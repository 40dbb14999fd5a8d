import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL

/// The hand-written manifest reader every run reads each report's manifest with: what it reads
/// must be exactly what `JSONStreamDecoder` reads, it must read what budget-etl writes (or it
/// saves nothing), and anything outside the shape it knows must go to the generic decoders.
@Suite struct ManifestReaderTests {
    let generator = JSONStreamDecoderTests()

    /// Whether a manifest's JSON has an escape in it (a quote, backslash or control character in
    /// some string), which the hand reader leaves to the generic decoders.
    func hasEscapes(_ data: Data) -> Bool { data.contains(UInt8(ascii: "\\")) }

    /// The text without what JSON escapes (quote, backslash, control characters).
    func plain(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
    }

    func plain(_ record: FileRecord) -> FileRecord {
        FileRecord(path: plain(record.path), sha256: plain(record.sha256), size: record.size, stamp: record.stamp)
    }

    func plain(_ error: ReportError?) -> ReportError? {
        error.map { ReportError(file: plain($0.file), line: $0.line, byteOffset: $0.byteOffset, stage: $0.stage.map(plain),
                                message: plain($0.message), hint: $0.hint.map(plain)) }
    }

    func plain(_ summary: [String: String]?) -> [String: String]? {
        summary.map { Dictionary($0.map { (plain($0.key), plain($0.value)) }, uniquingKeysWith: { first, _ in first }) }
    }

    /// The manifest with every text made plain: the shape the reader is for, in every variation.
    func plain(_ manifest: Manifest) -> Manifest {
        var plainManifest = manifest
        plainManifest.reportId = plain(manifest.reportId)
        plainManifest.source = plain(manifest.source)
        plainManifest.error = plain(manifest.error)
        plainManifest.updated = plain(manifest.updated)
        plainManifest.ingested = manifest.ingested.map(plain)
        plainManifest.summary = plain(manifest.summary)
        plainManifest.stages = manifest.stages.map { stage in
            var record = stage
            (record.stage, record.optionsSHA256) = (plain(stage.stage), plain(stage.optionsSHA256))
            (record.inputs, record.outputs, record.error) = (stage.inputs.map(plain), stage.outputs.map(plain), plain(stage.error))
            return record
        }
        plainManifest.versions = manifest.versions?.map { version in
            var kept = version
            (kept.sha256, kept.source, kept.folder) = (plain(version.sha256), plain(version.source), plain(version.folder))
            (kept.error, kept.summary) = (plain(version.error), plain(version.summary))
            return kept
        }
        return plainManifest
    }

    @Test func readsWhatTheEncoderWritesAsTheStreamDecoderDoes() throws {
        var random = SeededGenerator(state: 23)
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]  // whitespace everywhere
        var readByHand = 0
        for index in 0..<400 {
            let manifest = index.isMultiple(of: 2) ? generator.randomManifest(&random) : plain(generator.randomManifest(&random))
            for data in [try JSONStreamEncoder.encode(manifest), try pretty.encode(manifest)] {
                let read = ManifestReader.read(data)
                if hasEscapes(data) {
                    #expect(read == nil)
                } else {
                    #expect(read == manifest)
                    readByHand += 1
                }
                if let read { #expect(read == (try JSONStreamDecoder.decode(Manifest.self, from: data))) }
                #expect(ManifestReader.decode(data) == manifest)
            }
        }
        #expect(readByHand >= 400)
    }

    @Test func aManifestOfARealRunIsReadByHand() throws {
        let folder = TemporaryFolder()
        folder.write("input/r.txt", text: TinyReport.text())
        _ = try Pipeline(configuration: PipelineConfiguration(), baseFolder: folder.url).run()
        let data = try #require(folder.read("output/r/manifest.json"))
        let read = try #require(ManifestReader.read(data))
        #expect(read == (try JSONStreamDecoder.decode(Manifest.self, from: data)))
        #expect(read.stages.count == StageName.allCases.count)
        #expect(read.stages.allSatisfy { !$0.outputs.isEmpty && $0.outputs.allSatisfy { $0.stamp != nil } })
    }

    @Test func aDocumentCutShortIsNeverAValue() throws {
        var random = SeededGenerator(state: 8)
        var manifest = generator.randomManifest(&random)
        manifest.reportId = "plain"
        let data = try JSONStreamEncoder.encode(manifest)
        for length in 0..<data.count {
            #expect(ManifestReader.read(data.prefix(length)) == nil)
        }
        #expect(ManifestReader.read(data + Data(" x".utf8)) == nil)
    }

    /// Shapes the reader does not know are left to the generic decoders, which still read them
    /// as before: a member of a newer version (ignored by them), the nested stamp of 0.5, a member
    /// given twice (read from its first occurrence), an integer written as `1.0` (JSONDecoder).
    @Test func otherShapesGoToTheGenericDecoders() throws {
        let record = #"{"path":"a","sha256":"ab","size":5,"modified":7,"inode":9}"#
        func manifest(source: String = record, extra: String = "", schemaVersion: String = "1") -> Data {
            Data(("{\"schemaVersion\":\(schemaVersion),\"reportId\":\"r\",\"source\":\(source),"
                + "\"software\":{\"name\":\"budget-etl\",\"version\":\"0.6.0\",\"libxml2\":\"2.9.14\"},"
                + "\"status\":\"ok\",\"stages\":[],\"updated\":\"u\"\(extra)}").utf8)
        }
        let plain = try #require(ManifestReader.read(manifest()))
        #expect(plain.source.stamp == FileStamp(size: 5, modifiedNanoseconds: 7, inode: 9))
        #expect(plain == (try JSONStreamDecoder.decode(Manifest.self, from: manifest())))

        let nested = manifest(source: #"{"path":"a","sha256":"ab","size":5,"stamp":{"size":5,"modifiedNanoseconds":7,"inode":9}}"#)
        let newer = manifest(extra: #","comingLater":{"a":[1]}"#)
        let twice = manifest(extra: #","reportId":"other""#)
        let fraction = manifest(schemaVersion: "1.0")
        for data in [nested, newer, twice, fraction] {
            #expect(ManifestReader.read(data) == nil)
            #expect(ManifestReader.decode(data) == plain, "\(String(decoding: data, as: UTF8.self))")
        }
        // Half a stamp is no stamp, as `FileRecord.init(from:)` reads it.
        let half = manifest(source: #"{"path":"a","sha256":"ab","size":5,"modified":7}"#)
        #expect(try #require(ManifestReader.read(half)).source.stamp == nil)
        #expect(ManifestReader.read(half) == (try JSONStreamDecoder.decode(Manifest.self, from: half)))
        // Broken everywhere is nil everywhere: the report then runs from scratch.
        let unknownStatus = Data(String(decoding: manifest(), as: UTF8.self).replacingOccurrences(of: #""ok""#, with: #""maybe""#).utf8)
        for broken in [unknownStatus, Data(#"{"schemaVersion":1}"#.utf8), Data("[]".utf8)] {
            #expect(ManifestReader.decode(broken) == nil)
        }
    }
}
