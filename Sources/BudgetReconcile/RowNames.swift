import BudgetCore
import BudgetNormalize

/// How rows are named: in messages (so a person finds the row) and for matching (so the same row
/// is found in another table).
package enum RowNames {
    /// `20801 人力资源和社会保障管理事务`, `合同人员经费`, `合计`, or `row 3`.
    package static func name(_ row: NormalizedRow, in facts: TableFacts) -> String {
        if let code = row.code {
            return row.item.map { "\(code) \($0)" } ?? code
        }
        return label(row, in: facts) ?? (row.isTotal ? "合计" : "row \(row.number)")
    }

    /// Short key of a row for check ids: its code, else its label, else its number.
    package static func key(_ row: NormalizedRow, in facts: TableFacts) -> String {
        if let code = row.code { return code }
        if let label = label(row, in: facts) { return LabelKey.of(label) }
        return row.isTotal ? "合计" : "row\(row.number)"
    }

    /// The words of an uncoded row: what its label column prints, else the normalizer's item,
    /// else the last text printed before its first figure (a form's grid prints labels in
    /// whichever cell the PDF put them: `收入构成 | 财政拨款 | 1209.02`).
    package static func label(_ row: NormalizedRow, in facts: TableFacts) -> String? {
        if facts.table.layout == .paired { return row.item }
        return facts.labels[row.number]
    }

    /// Works `label` out; `TableFacts.labels` keeps the answer for each row.
    package static func findLabel(_ row: NormalizedRow, in facts: TableFacts) -> String? {
        if let item = row.item, !item.isEmpty { return item }
        return textBeforeFigures(row).last
    }

    /// The label of the section a row opens, when it prints one before its own label
    /// (`收入构成` in `收入构成 | 财政拨款 | 1209.02`).
    package static func section(_ row: NormalizedRow) -> String? {
        let texts = textBeforeFigures(row)
        return texts.count >= 2 ? texts.first : nil
    }

    /// Names a row could be found by: its label and its printed label.
    package static func names(_ row: NormalizedRow, in facts: TableFacts) -> [String] {
        [row.item, row.printedItem.map(tidy)].compactMap { $0 }.map(LabelKey.of)
    }

    /// The texts printed before the row's first figure, its label among them, left to right.
    private static func textBeforeFigures(_ row: NormalizedRow) -> [String] {
        var texts: [(column: Int, text: String)] = []
        for cell in row.cells {
            if cell.value != nil { break }
            if !cell.blank, !cell.raw.isEmpty { texts.append((cell.column, tidy(cell.raw))) }
        }
        if let printed = row.printedItem, let column = row.itemColumn {
            let firstFigure = row.cells.first { $0.value != nil }?.column ?? Int.max
            if column < firstFigure { texts.append((column, tidy(printed))) }
        }
        return texts.sorted { $0.column < $1.column }.map(\.text)
    }

    /// A printed label without the PDF's letter-spacing: a space beside a CJK character goes
    /// (`合 计` is `合计`), one between other characters stays (`7 * 24`).
    package static func tidy(_ raw: String) -> String {
        guard raw.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0xE3 }) else { return raw }
        let scalars = Array(raw.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " || scalar == "\u{3000}" || scalar == "\t" || scalar == "\n" {
                guard let before = out.last, index + 1 < scalars.count else { continue }
                let after = scalars[index + 1]
                if TextPatterns.isIdeograph(before) || TextPatterns.isIdeograph(after) || before == " " { continue }
                out.append(" ")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
