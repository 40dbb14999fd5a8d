import BudgetCore
import BudgetExtract
import BudgetSegment
import Foundation

/// Stage 3, normalize: turns the segmented tables into typed ones (exact values and units beside
/// the printed text, codes with level and parent, cleaned and repaired labels), reads the
/// report's metadata and the narrative's claims, and writes `03-normalize/normalize.json`
/// (`NormalizedReport`).
public struct NormalizeStage: Stage {
    public static let file = "normalize.json"

    public static let name: StageName = "normalize"
    public static let needs = [ExtractStage.name, SegmentStage.name]
    /// The classification codes and the word lists are data: a change to them re-runs the stage.
    public static var fingerprint: Data {
        CodeDictionary.fingerprint + ClaimSubjectWords.fingerprint + ClaimUnitWords.fingerprint + TableWords.fingerprint
    }

    public init(options: NoOptions) {}

    public func run(_ context: StageContext) throws -> StageProduct<NormalizedReport> {
        let segmented = try context.artifact(of: SegmentStage.self)
        // The text itself, so each narrative figure gets the exact line it is printed on.
        let text = try context.artifact(of: ExtractStage.self).text
        let report = Self.normalize(segmented, sourceLines: Segmenter.split(text, on: 0x0A))
        var summary = ["tables": String(report.tables.count)]
        summary["unit"] = report.metadata.unitName
        summary["year"] = report.metadata.fiscalYear.map(String.init)
        summary["kind"] = report.metadata.kind?.rawValue
        summary["title"] = report.metadata.title
        summary["amountUnit"] = report.metadata.amountUnit
        return StageProduct(artifact: report, files: [OutputFile(name: Self.file, data: try JSONStreamEncoder.encode(report))], summary: summary)
    }

    public static func loadArtifact(from folder: StageFolder) throws -> NormalizedReport {
        try folder.decodeJSON(NormalizedReport.self, from: Self.file)
    }

    package static func normalize(_ segmented: SegmentedReport, sourceLines: [Substring] = [],
                          dictionary: CodeDictionary = .standard) -> NormalizedReport {
        var (metadata, diagnostics) = MetadataReader.read(segmented)
        var tables: [NormalizedTable] = []
        let (distinct, repeats) = RepeatedTables.separate(segmented.tables)
        for table in distinct {
            tables.append(TableNormalizer(table: table, parent: nil).normalize(diagnostics: &diagnostics))
            for grid in table.grids {
                tables.append(TableNormalizer(table: grid, parent: table).normalize(diagnostics: &diagnostics))
            }
        }
        LabelRepair.repair(&tables, dictionary: dictionary, unitName: metadata.unitName)
        let claims = NarrativeClaims.extract(from: segmented.narrative, reportYear: metadata.fiscalYear, sourceLines: sourceLines)
        let promised = segmented.contents.compactMap { entry in
            entry.tableId.map { PromisedTable(id: $0, title: LabelCleaner.clean(entry.title ?? ""), line: entry.line) }
        }
        CutOffCheck.diagnose(tables: tables, promised: promised, sourceLines: sourceLines, into: &diagnostics)
        UnreadNumbersCheck.diagnose(tables: tables, narrative: segmented.narrative, sourceLines: sourceLines, into: &diagnostics)
        let completions = CompletionStatements.read(segmented.narrative, sourceLines: sourceLines)
        return NormalizedReport(metadata: metadata, tables: tables, claims: claims,
                                completions: completions.isEmpty ? nil : completions, promisedTables: promised,
                                missingTables: segmented.missingTables, repeatedTables: repeats, diagnostics: diagnostics)
    }
}
