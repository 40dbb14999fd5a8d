import BudgetCore
import BudgetExport
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import BudgetSegment
import Foundation

/// Every stage budget-etl has, in the one order they run. This list is the only place stages
/// meet: each stage declares its own name, needs, options and fingerprint (see `Stage`); a new
/// stage is a type conforming to `Stage` and a line here.
public enum StageTable {
    public static var stages: [any Stage.Type] {
        [ExtractStage.self, SegmentStage.self, NormalizeStage.self, ReconcileStage.self, ExportStage.self]
    }

    /// The stages' names, in pipeline order.
    public static let names: [StageName] = stages.map { $0.name }

    /// Each stage's folder inside a report's output folder (`01-extract` …).
    public static let layout = StageLayout(order: names)

    /// The stage of that name, if there is one.
    public static func stage(named name: StageName) -> (any Stage.Type)? {
        stages.first { $0.name == name }
    }

    /// The stages, comma-separated, for messages that say what would be valid.
    public static var validNames: String { names.map(\.rawValue).joined(separator: ", ") }
}

extension StageName: Comparable {
    /// 1-based position in the pipeline; also the `NN` of the stage's folder.
    public var number: Int { (StageTable.names.firstIndex(of: self) ?? StageTable.names.count) + 1 }

    /// The folder under `output/<report-id>/` the stage writes, e.g. `01-extract`.
    public var folderName: String { StageTable.layout.folderName(self) }

    /// Stages whose files this stage reads; they must run (be listed) before it.
    public var requires: [StageName] { StageTable.stage(named: self)?.needs ?? [] }

    public static func < (lhs: StageName, rhs: StageName) -> Bool { lhs.number < rhs.number }
}
