import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize

/// `report.xml` is validated while it is written (`SchemaStreamValidator`), not re-parsed. These
/// tests hold that verdict to the one a parse of the written bytes gives (`ReportSchema.validate`),
/// on random documents valid and invalid, and check that what only a parser would notice is
/// refused too.
@Suite struct ExportStreamValidationTests {
    /// Text that is hard to serialize: markup characters, `&#38;` spelled out (a parser reports an
    /// attribute's `&` that way), whitespace an attribute would lose unescaped, characters XML
    /// forbids, `]]>`, and text a token type collapses or rejects.
    static let pieces = ["a", "表", "&", "&#38;", "&amp;", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", " ", "  ", "\u{0C}", "\u{0}",
                         "\u{FFFE}", "]]>", "1", ".", "-", "𠀀", "grid", "5-1"]

    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// The sample report cut to a few tables and rows, so a thousand documents take seconds.
    static let small: NormalizedReport = {
        var normalized = SampleReport.normalized
        normalized.tables = Array(normalized.tables.prefix(4)).map { table in
            var table = table
            table.rows = Array(table.rows.prefix(3))
            return table
        }
        normalized.claims = Array(normalized.claims.prefix(2))
        return normalized
    }()

    static func input(_ normalized: NormalizedReport) -> ReportXML.Input {
        ReportXML.Input(reportID: ExportFixtures.reportID, extract: SampleReport.extracted.info, normalized: normalized,
                        reconciled: ExportFixtures.reconciled, factCount: 1, segmented: SampleReport.segmented)
    }

    /// A copy of the small report with a few fields made random: ids (duplicates and empties
    /// break the schema), kinds, titles, cell text and units, levels and lines (negative ones
    /// break it).
    static func mutated(_ random: inout SeededGenerator) -> NormalizedReport {
        var normalized = small
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let table = Int.random(in: 0..<normalized.tables.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: normalized.tables[table].id = text(&random)
            case 1: normalized.tables[table].id = normalized.tables[Int.random(in: 0..<normalized.tables.count, using: &random)].id + text(&random)
            case 2: normalized.tables[table].kind = text(&random)
            case 3: normalized.tables[table].title = text(&random)
            case 4: normalized.tables[table].line = Int.random(in: -2...3, using: &random)
            default:
                guard !normalized.tables[table].rows.isEmpty else { continue }
                let row = Int.random(in: 0..<normalized.tables[table].rows.count, using: &random)
                normalized.tables[table].rows[row].level = Bool.random(using: &random) ? Int.random(in: -1...2, using: &random) : nil
                normalized.tables[table].rows[row].code = text(&random)
                guard !normalized.tables[table].rows[row].cells.isEmpty else { continue }
                normalized.tables[table].rows[row].cells[0].raw = text(&random)
                normalized.tables[table].rows[row].cells[0].unit = text(&random)
            }
        }
        return normalized
    }

    /// The verdict while writing equals the verdict on the written bytes, and a valid document's
    /// bytes are those written without validation.
    @Test func streamingVerdictIsTheParsedOne() throws {
        let schema = try CompiledSchema.streaming.get()
        var random = SeededGenerator(state: 20_260_512)
        var verdicts = (valid: 0, invalid: 0)
        for iteration in 0..<400 {
            let input = Self.input(Self.mutated(&random))
            let bytes = try ReportXML.write(input, validatingAgainst: nil)
            let parsedValid = (try? ReportSchema.validate(bytes)) != nil
            let streamed = try? ReportXML.write(input, validatingAgainst: schema)
            #expect((streamed != nil) == parsedValid, "iteration \(iteration)")
            if let streamed { #expect(streamed == bytes, "iteration \(iteration)") }
            if parsedValid { verdicts.valid += 1 } else { verdicts.invalid += 1 }
        }
        // Both verdicts were exercised, often.
        #expect(verdicts.valid > 50 && verdicts.invalid > 50, "\(verdicts)")
    }

    /// The schema compiled for streaming leaves the table-id constraint to the validator (were
    /// it edited out of step with `TableIDConstraint`, libxml2 would keep it, and this fails as a
    /// reminder); the shipped one keeps it.
    @Test func tableIDsAreLeftToTheValidatorOnlyWhileStreaming() throws {
        #expect(try CompiledSchema.streaming.get().leavesTableIDsToValidator)
        #expect(try !CompiledSchema.shared.get().leavesTableIDsToValidator)
    }

    /// Table ids are one key when their code points are: a repeat anywhere among the tables is
    /// refused while streaming and on a parse; canonically equivalent spellings (`é` and `e` +
    /// U+0301) and ids differing in case or white space are not repeats.
    @Test func tableIDsAreUniqueByCodePoints() throws {
        let schema = try CompiledSchema.streaming.get()
        let cases: [(ids: [String], unique: Bool)] = [
            (["é", "e\u{301}", "3", "4"], true),
            (["a", "A", "a ", " a"], true),
            (["1", "2", "3", "1"], false),
            (["1", "2", "2", "3"], false),
            (["e\u{301}", "2", "3", "e\u{301}"], false),
        ]
        for (ids, unique) in cases {
            var normalized = Self.small
            for (index, id) in ids.enumerated() { normalized.tables[index].id = id }
            let bytes = try ReportXML.write(Self.input(normalized), validatingAgainst: nil)
            #expect(((try? ReportSchema.validate(bytes)) != nil) == unique, "\(ids) parsed")
            #expect(((try? ReportXML.write(Self.input(normalized), validatingAgainst: schema)) != nil) == unique, "\(ids) streamed")
        }
    }

    /// A refused document names its first problem with the line a parse finds it on.
    @Test func refusalsCarryLines() {
        var normalized = Self.small
        normalized.tables[1].id = normalized.tables[0].id
        #expect {
            try ReportXML.write(Self.input(normalized))
        } throws: { error in
            let error = error as! ReportError
            return error.file == ReportXML.fileName && error.line != nil && error.message.contains("does not validate")
        }
    }

    /// `&#38;` spelled out in an id stays distinct from `&` (a parser would report both as
    /// `&#38;` and the validator decodes them), so ids that differ only there are unique.
    @Test func ampersandReferencesReadAsWritten() throws {
        var normalized = Self.small
        normalized.tables[0].id = "a&"
        normalized.tables[1].id = "a&#38;"
        let xml = try ReportXML.write(Self.input(normalized))
        try ReportSchema.validate(xml)
        normalized.tables[1].id = "a&"
        #expect(throws: ReportError.self) { try ReportXML.write(Self.input(normalized)) }
    }

    /// What a parser refuses and a validator fed events would not see: an attribute written
    /// twice, and an element never ended.
    @Test func whatOnlyAParserNoticesIsRefused() throws {
        let schema = try CompiledSchema.shared.get()
        let twice = try XMLStreamWriter(validatingAgainst: schema)
        try twice.startDocument()
        try twice.startRoot("budgetReport", namespace: ReportSchema.namespace)
        try twice.attribute("schemaVersion", ReportSchema.version)
        try twice.attribute("schemaVersion", ReportSchema.version)
        try twice.end()
        #expect(throws: ReportError.self) { try twice.finish() }

        let validator = try SchemaStreamValidator(schema: schema)
        validator.startRoot("budgetReport", namespace: ReportSchema.namespace)
        validator.attribute("schemaVersion", ReportSchema.version)
        validator.start("dublinCore")
        #expect(throws: ReportError.self) { try validator.finish() }
    }

    @Test func attributeValuesReadAsAParserReportsThem() {
        let bytes = ByteBuffer()
        SchemaStreamValidator.appendAttributeValue("a&b&#38;", to: bytes)
        #expect(String(decoding: bytes.array, as: UTF8.self) == "a&#38;b&#38;#38;")
    }
}
