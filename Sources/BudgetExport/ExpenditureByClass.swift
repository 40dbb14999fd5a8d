import BudgetCore
import BudgetNormalize
import BudgetReconcile

/// A report's total expenditure by function class (支出功能分类 类, the 3-digit codes), as its
/// 支出总表 prints it: the table of kind `expenditure-summary` (表3 in the family's templates),
/// the 类 rows (level 1, not totals), in its total column (合计). The run's index charts these
/// across reports; the export stage hands them on in its summary (`summaryValue`), so the index
/// reads a few bytes of each report's manifest, not its facts.
public struct ExpenditureByClass: Sendable, Equatable {
    public static let summaryKey = "expenditureByClass"
    /// The table kind whose 类 rows are read, else the table with this id.
    static let tableKind = "expenditure-summary"
    static let tableID = "3"

    /// The amounts' unit (`万元`), the table's.
    public var unit: String
    /// Each class code with its amount, in printed order.
    public var classes: [(code: String, amount: ExactDecimal)]

    public init(unit: String, classes: [(code: String, amount: ExactDecimal)]) {
        self.unit = unit
        self.classes = classes
    }

    /// nil when the report has no such table, or it states no unit or no class.
    public init?(_ report: NormalizedReport) {
        guard let table = report.tables.first(where: { $0.kind == Self.tableKind }) ?? report.tables.first(where: { $0.id == Self.tableID }),
              let unit = table.amountUnit ?? report.metadata.amountUnit else { return nil }
        let amounts = table.columns.filter { $0.role == .amount }
        var total: NormalizedColumn?
        for column in amounts where column.path.last.map(TotalWords.isTotal) == true {
            if total == nil || column.path.count < total!.path.count { total = column }
        }
        guard let column = total ?? amounts.first else { return nil }
        var classes: [(code: String, amount: ExactDecimal)] = []
        for row in table.rows where row.codeScheme == .function && row.level == 1 && !row.isTotal {
            guard let code = row.code, code.count == 3,
                  let value = row.cells.first(where: { $0.column == column.index })?.value else { continue }
            if let index = classes.firstIndex(where: { $0.code == code }) {
                classes[index].amount += value
            } else {
                classes.append((code, value))
            }
        }
        guard !classes.isEmpty else { return nil }
        self.init(unit: unit, classes: classes)
    }

    /// `万元 201=12.50 208=1024.00`: the unit, then each class and amount.
    public var summaryValue: String {
        ([unit] + classes.map { "\($0.code)=\($0.amount.description)" }).joined(separator: " ")
    }

    /// Reads `summaryValue` back; nil for an empty or malformed value.
    public init?(summaryValue: String) {
        let parts = summaryValue.split(separator: " ")
        guard let unit = parts.first, parts.count > 1 else { return nil }
        var classes: [(code: String, amount: ExactDecimal)] = []
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let amount = ExactDecimal(String(pair[1])) else { return nil }
            classes.append((String(pair[0]), amount))
        }
        self.init(unit: String(unit), classes: classes)
    }

    public static func == (lhs: ExpenditureByClass, rhs: ExpenditureByClass) -> Bool {
        lhs.unit == rhs.unit && lhs.classes.elementsEqual(rhs.classes) { $0.code == $1.code && $0.amount == $1.amount }
    }
}
