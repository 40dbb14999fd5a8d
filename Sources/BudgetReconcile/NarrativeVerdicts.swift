import BudgetCore
import BudgetNormalize

/// The verdicts of narrative claims that are not an amount of the report year a table prints:
/// statements of none (`没有使用…安排的支出`) against the table they name, counts of projects
/// against the projects the tables list, shares stated alone, and — for what no table holds — `unverified`
/// with the reason. No claim is left without a check of its own.
extension NarrativeRule {
    /// A claim whose figure is not money: a statement of none, a share, a count or a quantity.
    func checkOtherThanMoney(_ claim: NarrativeClaim, id: String, whole: NarrativeClaim?, targets: NarrativeTargets,
                             total: Figure?, context: ReconcileContext, log: inout CheckLog) {
        guard claim.year == nil || claim.year == context.fiscalYear else {
            Self.otherYear(claim, id: id, context: context, log: &log)
            return
        }
        if claim.statesNone {
            Self.checkNone(claim, id: id, context: context, log: &log)
        } else if claim.amount.unit == "%", let share = claim.share {
            // `基本支出占 68.26%`: the share is all the line states about its subject.
            guard let target = targets.level(of: claim, whole: whole), let total else {
                Self.heldByNoTable(claim, id: id, log: &log)
                return
            }
            checkShare(share, of: Self.figure(target), in: total, claim: claim, id: id, log: &log)
        } else if claim.subject.category == .project, claim.amount.unit != "%" {
            Self.checkProjectCount(claim, id: id, context: context, log: &log)
        } else {
            Self.heldByNoTable(claim, id: id, log: &log)
        }
    }

    /// `unverified`: the tables print nothing the claim could be checked against.
    static func heldByNoTable(_ claim: NarrativeClaim, id: String, log: inout CheckLog) {
        let label = claim.subject.label
        log.note(id: id, status: .unverified, table: nil, claim: claim,
                 message: "No table of the report holds \(label): line \(claim.line)'s \(claim.amount.raw) cannot be checked "
                    + "against the tables.")
    }

    /// `unverified`: the claim is about another year than the tables' (`截至 2023 年 12 月 31 日 …`).
    static func otherYear(_ claim: NarrativeClaim, id: String, context: ReconcileContext, log: inout CheckLog) {
        let label = claim.subject.label
        let tablesYear = context.fiscalYear.map { " (\($0))" } ?? ""
        log.note(id: id, status: .unverified, table: nil, claim: claim,
                 message: "Line \(claim.line) states \(label) for \(claim.year.map(String.init) ?? "another year") "
                    + "(\(claim.amount.raw)); the tables hold the report year's figures\(tablesYear), so none holds it.")
    }

    /// `2024 年没有使用政府性基金预算拨款安排的支出`: the table the statement names prints no rows, or
    /// its total is zero. A statement naming no table is `unverified`.
    static func checkNone(_ claim: NarrativeClaim, id: String, context: ReconcileContext, log: inout CheckLog) {
        let label = claim.subject.label
        guard let facts = namedTable(claim, context: context) else {
            log.note(id: id, status: .unverified, table: nil, claim: claim,
                     message: "No table of the report holds \(label): line \(claim.line) states there is none, "
                        + "which cannot be checked against the tables.")
            return
        }
        let title = "\(facts.name) \(facts.table.title)"
        guard !facts.table.empty, !facts.rows.isEmpty else {
            log.note(id: id, status: .pass, table: facts.id, claim: claim,
                     message: "Line \(claim.line) states there is no \(label), and \(title) prints no rows.")
            return
        }
        let stated = Figure(value: .zero, precision: context.amountPrecision, line: claim.line)
        let column = facts.totalColumn ?? facts.moneyColumns.first
        let figures: [Figure]
        let location: String
        if let column, let total = ReportQuantities.total(facts, column: column) {
            figures = total.terms
            location = total.location
        } else {
            figures = column.map { column in facts.rows.map { facts.figure($0, column: column.index) } } ?? []
            location = column.map { "every row | \(facts.path($0))" } ?? "every row"
        }
        log.compare(Self.id, id: id, table: facts.id, location: "line \(claim.line) \(label) = 表\(facts.id) \(location)",
                    actual: stated, expected: figures,
                    subject: "The narrative's \(label) (line \(claim.line), stated as none)",
                    relation: "\(title) \(location)",
                    hint: "the narrative says there is none; correct it or the table.")
    }

    /// The top-level table whose title, without its ending (`支出表`), the claim's label holds;
    /// the longest such title when several do.
    private static func namedTable(_ claim: NarrativeClaim, context: ReconcileContext) -> TableFacts? {
        let label = LabelKey.of(claim.subject.label)
        var best: (facts: TableFacts, length: Int)?
        for facts in context.tables where facts.table.parentId == nil {
            var stem = LabelKey.of(facts.table.title)
            if let ending = titleEndings.first(where: { stem.hasSuffix($0) && stem.count > $0.count }) {
                stem.removeLast(ending.count)
            }
            guard stem.count >= 2, label.includes(stem), stem.count > (best?.length ?? 0) else { continue }
            best = (facts, stem.count)
        }
        return best?.facts
    }

    private static let titleEndings = ClaimSubjectWords.standard.noneStatements.tableTitleEndings.map(LabelKey.of)

    /// `1 个二级项目支出绩效目标`: as many projects as the project table lists (its rows of projects
    /// that have none under them, the 二级项目), or, without a project table, as the report has
    /// project forms (项目支出绩效目标表). Forms are not counted when the table lists the projects:
    /// a report may publish a form for some projects only.
    static func checkProjectCount(_ claim: NarrativeClaim, id: String, context: ReconcileContext, log: inout CheckLog) {
        let counted: (table: String, count: Int, lines: [Int], what: String)
        if let table = context.table(kind: Kind.projects) {
            let parents = Set(table.rows.compactMap(\.parent))
            let projects = table.rows.filter { $0.codeScheme == .project && !parents.contains($0.code ?? "") }
            let names = HierarchyRule.list(projects.map { CrossTableRule.projectName($0, in: table) })
            counted = (table.id, projects.count, projects.map(\.line),
                       "\(table.name) lists \(projects.count) project\(projects.count == 1 ? "" : "s")\(names.isEmpty ? "" : " (\(names))")")
        } else if let first = context.table(kind: Kind.projectPerformance) {
            let forms = context.tables(kind: Kind.projectPerformance)
            counted = (first.id, forms.count, forms.map(\.table.line),
                       "the report has \(forms.count) project form\(forms.count == 1 ? "" : "s") (\(forms.map(\.name).joined(separator: ", ")))")
        } else {
            log.note(id: id, status: .unverified, table: nil, claim: claim,
                     message: "Line \(claim.line) states \(claim.amount.raw) \(claim.subject.label), and the report has "
                        + "neither a project table nor a project form to count.")
            return
        }
        let count = ExactDecimal(significand: Int128(counted.count), scale: 0)
        let difference = claim.amount.value - count
        let holds = difference.isZero
        log.record(Self.id, id: id, table: counted.table, location: "line \(claim.line) \(claim.subject.label) = 表\(counted.table) projects",
                   expected: count, actual: claim.amount.value, difference: difference, tolerance: .zero,
                   agreement: holds ? .exact : .beyond,
                   message: holds ? "Line \(claim.line) states \(claim.amount.raw) \(claim.subject.label), and \(counted.what)."
                    : "Line \(claim.line) states \(claim.amount.raw) \(claim.subject.label) but \(counted.what); "
                        + "correct the count or the list of projects.",
                   lines: [claim.line] + counted.lines)
    }
}

extension CheckLog {
    /// Records a narrative claim's verdict that compares no figures.
    fileprivate mutating func note(id: String, status: CheckStatus, table: String?, claim: NarrativeClaim, message: String) {
        note(NarrativeRule.id, id: id, table: table, location: "line \(claim.line) \(claim.subject.label)", status: status,
             message: message, lines: [claim.line])
    }
}
