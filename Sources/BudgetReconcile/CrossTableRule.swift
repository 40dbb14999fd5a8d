import BudgetCore

/// `cross-table`: the same quantity printed in two tables agrees.
///
/// - report-wide figures (`ReportQuantities`): each table that prints one against the first that
///   does — totals, 基本支出, 人员经费 (also = economic 301 + 303), 公用经费 (= 302 …), 项目支出, and
///   the performance form's 人员类 / 运转类 / 特定目标类 and 合计;
/// - tables listing the same codes (支出总表 and 一般公共预算支出表): each code's amount per column,
///   matched by header path;
/// - a paired table's expenditure categories against the 类 rows of a function table, by label;
/// - each “三公” part against the economic code that holds it (公务接待费 ↔ 30217 …);
/// - a project's figures wherever it is named (项目支出表, the performance forms), and a procurement
///   line against the cost-estimate line of the same name.
package struct CrossTableRule: ReconcileRule {
    package static let id = "cross-table"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        let quantities = context.quantities
        for quantity in ReportQuantities.Quantity.allCases {
            checkQuantity(quantity, quantities.sources(quantity), into: &log)
        }
        checkSharedCodes(context, into: &log)
        checkCategories(context, into: &log)
        checkThreePublic(context, into: &log)
        checkProjects(context, into: &log)
        checkProcurement(context, into: &log)
    }

    private func checkQuantity(_ quantity: ReportQuantities.Quantity, _ sources: [ReportQuantities.Source],
                               into log: inout CheckLog) {
        guard let reference = sources.first else { return }
        for source in sources.dropFirst() {
            compare(id: "\(quantity.rawValue):\(source.table):\(LabelKey.of(source.location))",
                    reference: reference, other: source, what: quantity.rawValue, into: &log)
        }
    }

    /// Records `other` checked against `reference`; the check belongs to the reference's table.
    package func compare(id: String, reference: ReportQuantities.Source, other: ReportQuantities.Source, what: String,
                 into log: inout CheckLog) {
        guard reference.terms.count == 1 else {
            // A sum of several cells is the side that varies; keep the single cell as the reference.
            compare(id: id, reference: other, other: reference, what: what, into: &log)
            return
        }
        log.compare(Self.id, id: "\(Self.id):\(reference.table):\(id)", table: reference.table,
                    location: "\(reference.location) = 表\(other.table) \(other.location)",
                    actual: reference.terms[0], expected: other.terms,
                    subject: "\(what): 表\(reference.table) \(reference.location)",
                    relation: "表\(other.table) \(other.location)",
                    hint: "the two tables must print the same figure; correct the one that is misprinted.")
    }

    private func checkThreePublic(_ context: ReconcileContext, into log: inout CheckLog) {
        guard let three = context.table(kind: Kind.threePublic), let row = three.rows.first,
              let basic = context.table(kind: Kind.basic), let total = basic.totalColumn else { return }
        for column in three.moneyColumns {
            guard let part = ThreePublicPart(header: column.path), let code = part.economicCode,
                  let economic = basic.rows.first(where: { $0.code == code }) else { continue }
            let path = three.path(column)
            let reference = ReportQuantities.Source(table: three.id, location: "\(RowNames.name(row, in: three)) | \(path)",
                                                    terms: [three.figure(row, column: column.index)])
            let other = ReportQuantities.Source(table: basic.id,
                                                location: "\(RowNames.name(economic, in: basic)) | \(basic.path(total))",
                                                terms: [basic.figure(economic, column: total.index)])
            compare(id: "three-public:\(code)", reference: reference, other: other, what: path, into: &log)
        }
    }
}
