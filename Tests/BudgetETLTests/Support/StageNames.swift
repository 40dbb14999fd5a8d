@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExport
@testable import BudgetExtract
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// Short names for the stages in tests (`manifest.record(for: .extract)`); the pipeline itself
/// names a stage by its type (`ExtractStage.name`).
extension StageName {
    static let extract = ExtractStage.name
    static let segment = SegmentStage.name
    static let normalize = NormalizeStage.name
    static let reconcile = ReconcileStage.name
    static let export = ExportStage.name
    static var allCases: [StageName] { StageTable.names }
}
