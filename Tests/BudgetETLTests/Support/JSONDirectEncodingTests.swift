import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetNormalize
@testable import BudgetSegment

/// Tables, rows, cells, columns and source lines, and a manifest's stage records, write their own
/// JSON (`JSONDirectEncodable`), for speed; their `Encodable` conformances stay the definition of the format. These tests hold the
/// two to the same bytes, so a member added to a type and not to its writer fails here.
@Suite struct JSONDirectEncodingTests {
    /// Every fixture's segment.json and normalize.json, written both ways.
    @Test(arguments: ["sample", "broken-identities", "minimal-consistent", "odd-formatting", "shanghai-dept-budget"])
    func fixturesGiveTheSameBytes(_ fixture: String) throws {
        let run = try StagesRun(data: Data(contentsOf: Fixtures.input(fixture)))
        #expect(try JSONStreamEncoder.bytes(run.segmented) == JSONStreamEncoder.bytes(run.segmented, direct: false))
        #expect(try JSONStreamEncoder.bytes(run.normalized) == JSONStreamEncoder.bytes(run.normalized, direct: false))
    }

    /// The aligned fixtures (floating amounts, wrapped names, paired tables with blanks).
    @Test func alignedFixturesGiveTheSameBytes() throws {
        let folder = Fixtures.folder.appendingPathComponent("aligned", isDirectory: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let run = try StagesRun(data: Data(contentsOf: folder.appendingPathComponent(file)), file: file)
            #expect(try JSONStreamEncoder.bytes(run.segmented) == JSONStreamEncoder.bytes(run.segmented, direct: false), "\(file)")
            #expect(try JSONStreamEncoder.bytes(run.normalized) == JSONStreamEncoder.bytes(run.normalized, direct: false), "\(file)")
        }
    }

    /// Every optional member present or absent, flags on and off, text that needs escaping.
    @Test func randomValuesGiveTheSameBytes() throws {
        var random = SeededGenerator(state: 11)
        let texts = ["", "合计", "a\"b", "back\\slash", "line\nbreak", "tab\there", "\u{01}", "一般公共预算 1,209.02"]
        func text() -> String { texts.randomElement(using: &random)! }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &random) ? make() : nil }
        for _ in 0..<500 {
            let cells = (0..<Int.random(in: 0...4, using: &random)).map { column in
                NormalizedCell(column: column, raw: text(), value: maybe { random.amount() }, unit: maybe(text),
                               qualifier: maybe(text), blank: Bool.random(using: &random))
            }
            let row = NormalizedRow(
                number: Int.random(in: 1...99, using: &random), line: Int.random(in: -3...9999, using: &random),
                section: maybe(text), group: maybe(text), code: maybe(text),
                codeScheme: maybe { [CodeScheme.function, .economic, .unit, .project].randomElement(using: &random)! },
                level: maybe { Int.random(in: 0...3, using: &random) }, parent: maybe(text), item: maybe(text),
                printedItem: maybe(text), itemColumn: maybe { Int.random(in: 0...9, using: &random) }, itemSource: maybe(text),
                ordinal: maybe(text), isTotal: Bool.random(using: &random), cells: cells)
            let column = NormalizedColumn(
                index: Int.random(in: 0...9, using: &random), path: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() },
                role: [ColumnRole.code, .item, .amount, .text].randomElement(using: &random)!, section: maybe(text), phase: maybe(text))
            let segmentRow = SegmentedTable.Row(line: Int.random(in: 1...999, using: &random), cells: (0..<3).map { _ in text() })
            let segmentColumn = SegmentedTable.Column(index: Int.random(in: 0...9, using: &random), path: [text(), text()])
            let source = SourceLine(line: Int.random(in: 1...999, using: &random), text: text())
            let block = NarrativeBlock(kind: Bool.random(using: &random) ? .heading : .paragraph, lines: [1, 2],
                                       text: text(), level: maybe { Int.random(in: 0...5, using: &random) }, ordinal: maybe(text))
            let layout = [TableLayout.grid, .paired, .form].randomElement(using: &random)!
            let segmentTable = SegmentedTable(
                id: text(), kind: maybe(text), label: maybe(text), layout: layout, caption: maybe { source },
                title: maybe { source }, unitName: maybe { source }, amountUnit: maybe(text),
                amountUnitLine: maybe { Int.random(in: 1...99, using: &random) }, columns: [segmentColumn],
                headerRows: [segmentRow], repeatedHeaderRows: maybe { [segmentRow] } ?? [], rows: [segmentRow, segmentRow],
                sections: maybe { [SegmentedTable.Section(name: text(), columns: [0, 1], rows: [1])] } ?? [], notes: [source],
                empty: Bool.random(using: &random),
                fields: maybe { [SegmentedTable.Field(line: 3, label: text(), value: text(), paragraphs: maybe { [text()] })] } ?? [],
                grids: [], realignedRows: maybe { [SegmentedTable.Realignment(line: 4, shift: 2)] } ?? [],
                joinedCodes: maybe { [SegmentedTable.JoinedCode(line: 5, parts: [text(), text()])] },
                diagnostics: maybe { [Diagnostic(lines: [1, 2], message: text())] } ?? [])
            let normalizedTable = NormalizedTable(
                id: text(), kind: maybe(text), title: text(), layout: layout, parentId: maybe(text), project: maybe(text),
                line: Int.random(in: 1...999, using: &random), amountUnit: maybe(text), unitName: maybe(text), columns: [column],
                rows: [row], fields: maybe {
                    [NormalizedField(line: 2, label: text(), value: text(), amount: maybe { random.amount() }, unit: maybe(text),
                                     paragraphs: maybe { [text(), text()] })]
                } ?? [], notes: maybe { [source] } ?? [], empty: Bool.random(using: &random))
            func value() -> ClaimValue { ClaimValue(raw: text(), value: random.amount(), unit: text()) }
            let claim = NarrativeClaim(
                line: Int.random(in: 1...999, using: &random), sentence: text(),
                subject: ClaimSubject(category: [ClaimCategory.total, .classification, .other].randomElement(using: &random)!,
                                      label: text(), classification: maybe { [text(), text()] }),
                amount: value(), year: maybe { Int.random(in: 2019...2026, using: &random) },
                comparison: maybe {
                    ClaimComparison(year: maybe { 2023 }, direction: [ChangeDirection.increase, .decrease, .unchanged].randomElement(using: &random)!,
                                    change: maybe(value), percent: maybe(value))
                },
                share: maybe(value), measure: maybe(text), phase: maybe(text), partOf: maybe { Int.random(in: 0...9, using: &random) },
                statesNone: Bool.random(using: &random))
            try expectSameBytes([claim])
            var form = segmentTable
            form.grids = [segmentTable]
            try expectSameBytes([form])
            try expectSameBytes(normalizedTable)
            try expectSameBytes([row])
            try expectSameBytes(column)
            try expectSameBytes([segmentRow])
            try expectSameBytes(segmentColumn)
            try expectSameBytes(source)
            try expectSameBytes(block)
        }
    }

    /// A manifest's stage records: inputs and outputs with and without a stamp (and with one of
    /// another size, which is left out), an error with every optional member present or absent.
    @Test func stageRecordsGiveTheSameBytes() throws {
        var random = SeededGenerator(state: 12)
        let texts = ["", "report.txt", "02-segment/segment.json", "a\"b", "line\nbreak", "\u{01}", "单位预算.txt"]
        func text() -> String { texts.randomElement(using: &random)! }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &random) ? make() : nil }
        func file() -> FileRecord {
            let size = Int.random(in: 0...99_999, using: &random)
            return FileRecord(path: text(), sha256: text(), size: size, stamp: maybe {
                FileStamp(size: Bool.random(using: &random) ? size : size + 1, modifiedNanoseconds: Int64.random(in: -9...Int64.max, using: &random),
                          inode: UInt64.random(in: 0...UInt64.max, using: &random))
            })
        }
        for _ in 0..<500 {
            let error = maybe {
                ReportError(file: text(), line: maybe { Int.random(in: 1...9_999, using: &random) },
                            byteOffset: maybe { Int.random(in: 0...99_999, using: &random) }, stage: maybe(text), message: text(),
                            hint: maybe(text))
            }
            let record = StageRecord(
                stage: text(), status: Bool.random(using: &random) ? .ok : .failed, pipelineVersion: text(), optionsSHA256: text(),
                inputs: (0..<Int.random(in: 0...3, using: &random)).map { _ in file() },
                outputs: (0..<Int.random(in: 0...3, using: &random)).map { _ in file() }, error: error, finished: text(),
                durationMicroseconds: Int.random(in: 0...9_999_999, using: &random))
            try expectSameBytes([record])
            try expectSameBytes(record.inputs)
            if let error { try expectSameBytes(error) }
        }
    }

    private func expectSameBytes(_ value: some Encodable) throws {
        let direct = try JSONStreamEncoder.bytes(value)
        #expect(direct == (try JSONStreamEncoder.bytes(value, direct: false)), "\(String(decoding: direct, as: UTF8.self))")
    }
}
