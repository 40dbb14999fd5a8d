import BudgetCore
import BudgetNormalize

/// The 单位总体资金情况 grid of an overall performance form (表11): income and expenditure by kind
/// for this year and the two before, each half closed by a 合计 row.
package struct FundsGrid {
    package enum Half { case income, expenditure }

    package struct Line {
        package var row: NormalizedRow
        package var label: String
        package var half: Half?
        package var isTotal: Bool
    }

    package let facts: TableFacts
    package let lines: [Line]
    /// This year's amounts (`当年金额`).
    package let current: NormalizedColumn?

    package init?(_ context: ReconcileContext) {
        guard let form = context.table(kind: Kind.overallPerformance),
              let grid = context.grids(of: form, titled: ["资金"]).first(where: { $0.table.title.includes("总体") })
                ?? context.grids(of: form, titled: ["资金情况"]).first else { return nil }
        facts = grid
        current = grid.moneyColumns.first { column in
            column.path.contains { $0.includes("当年") || $0.includes("本年") }
        }
        var half: Half?
        var lines: [Line] = []
        for row in grid.rows {
            let label = LabelKey.of(RowNames.label(row, in: grid) ?? "")
            if let section = RowNames.section(row) {
                if section.includes("收入") { half = .income } else if section.includes("支出") { half = .expenditure }
            }
            lines.append(Line(row: row, label: label, half: half, isTotal: TotalWords.isTotal(label)))
        }
        self.lines = lines
    }

    /// The column of `year`'s amounts (`近两年收支金额 / 2023年`).
    package func column(year: Int) -> NormalizedColumn? {
        let text = String(year)
        return facts.moneyColumns.first { $0.path.contains { $0.includes(text) } }
    }

    package func total(_ half: Half) -> Line? {
        lines.first { $0.isTotal && $0.half == half }
    }

    /// The expenditure line of a kind: 人员类, 运转类 (or 公用), 特定目标类.
    package func expenditure(_ words: [String]) -> Line? {
        lines.first { line in !line.isTotal && line.half == .expenditure && words.contains { line.label.includes($0) } }
    }

    package func income(_ word: String) -> Line? {
        lines.first { !$0.isTotal && $0.half == .income && $0.label.includes(word) }
    }
}
