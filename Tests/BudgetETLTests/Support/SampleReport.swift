import Foundation
@testable import BudgetCore
@testable import BudgetExtract
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// The in-memory stages extract → segment → normalize → reconcile run on one report, as the
/// pipeline runs them (normalize is given the text's lines, so each narrative claim gets the line
/// it is printed on), keeping each stage's artifact.
struct StagesRun: Sendable {
    let extracted: ExtractedText
    let segmented: SegmentedReport
    let normalized: NormalizedReport
    let reconciled: ReconcileReport

    /// The extracted text: UTF-8, LF line ends.
    var text: String { extracted.text }

    /// Runs the stages on a file's bytes.
    init(data: Data, file: String = "input.txt", reconcile options: ReconcileOptions = ReconcileOptions()) throws {
        extracted = try TextExtractor(options: ExtractOptions(), file: file).extract(data)
        segmented = Segmenter(kinds: .standard, options: SegmentOptions()).segment(extracted.text)
        normalized = NormalizeStage.normalize(segmented, sourceLines: Segmenter.split(extracted.text, on: 0x0A))
        reconciled = Reconciler.reconcile(normalized, options: options)
    }

    /// Runs the stages on a report's text, written as UTF-8.
    init(text: String, reconcile options: ReconcileOptions = ReconcileOptions()) throws {
        try self.init(data: Data(text.utf8), reconcile: options)
    }

    /// Reconciles the normalized report again, with other options.
    func reconcile(_ options: ReconcileOptions) -> ReconcileReport {
        Reconciler.reconcile(normalized, options: options)
    }

    /// The checks of one rule.
    func checks(_ rule: String) -> [CheckResult] { reconciled.checks.filter { $0.rule == rule } }

    /// The check with this id.
    func check(_ id: String) -> CheckResult? { reconciled.checks.first { $0.id == id } }
}

/// The sample report (`Tests/Fixtures/sample/input.txt`, the 2024 unit budget of
/// 武汉市人力资源和社会保障信息中心) taken through the stages once, for every test that reads it.
/// `static let`s are initialized lazily and exactly once, whichever test asks first.
enum SampleReport {
    /// The file's bytes, as a user would drop them into `input/`.
    static let data: Data = try! Data(contentsOf: Fixtures.sampleReport)

    static let run: StagesRun = try! StagesRun(data: data, file: Fixtures.sampleReport.lastPathComponent)

    static var extracted: ExtractedText { run.extracted }
    static var text: String { run.text }
    /// The text's lines: `lines[n - 1]` is line `n`.
    static let lines: [Substring] = Segmenter.split(run.text, on: 0x0A)
    static var segmented: SegmentedReport { run.segmented }
    static var normalized: NormalizedReport { run.normalized }
    /// Reconciled with the default options.
    static var reconciled: ReconcileReport { run.reconciled }
}

/// An exact decimal from its digits, for expectations: `decimal("383.76")`.
func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }
