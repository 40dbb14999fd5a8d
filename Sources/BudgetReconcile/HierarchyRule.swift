import BudgetCore
import BudgetNormalize

/// `hierarchy`: every total a table prints in its rows equals the rows it totals, in every money
/// column.
///
/// In a coded table (function 类/款/项, economic 类/款, unit and project trees) each parent row
/// equals the sum of the rows that name it as parent, and the 合计 row the sum of the top-level
/// rows. In an uncoded grid (a form's 单位总体资金情况 or 项目资金来源) a 合计 row equals the rows it
/// closes: those since the previous total, or, when it heads the grid, those after it; `其中` rows
/// are parts of the row above them, not items of their own.
package struct HierarchyRule: ReconcileRule {
    package static let id = "hierarchy"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        for facts in context.tables where facts.table.layout == .grid && !facts.rows.isEmpty {
            let columns = facts.moneyColumns
            guard !columns.isEmpty else { continue }
            if facts.isCoded {
                checkTree(facts, columns: columns, into: &log)
            } else {
                checkTotals(facts, columns: columns, into: &log)
            }
        }
    }

    private func checkTree(_ facts: TableFacts, columns: [NormalizedColumn], into log: inout CheckLog) {
        let rows = facts.rows
        var position: [String: Int] = [:]
        for index in rows.indices {
            if let code = rows[index].code, position[code] == nil { position[code] = index }
        }
        var children: [String: [Int]] = [:]
        var parents: [String] = []
        var top: [Int] = []
        for index in rows.indices {
            guard let code = rows[index].code, position[code] == index else { continue }
            if let parent = rows[index].parent, position[parent] != nil {
                if children[parent] == nil { parents.append(parent) }
                children[parent, default: []].append(index)
            } else {
                top.append(index)
            }
        }
        for parent in parents.sorted(by: { position[$0]! < position[$1]! }) {
            compare(facts, total: position[parent]!, parts: children[parent]!, columns: columns,
                    relation: "the sum of the rows under it", into: &log)
        }
        guard !top.isEmpty else { return }
        // A total closes the top-level rows since the previous total, or, printed at their head,
        // those up to the next (a list printed in two halves has a total under each: 人员经费合计
        // under 301 and 303, 公用经费合计 under 302 and 310); failing both, all of them.
        let totals = rows.indices.filter { rows[$0].isTotal && rows[$0].code == nil }
        for (number, index) in totals.enumerated() {
            let previous = number > 0 ? totals[number - 1] : -1
            let next = number + 1 < totals.count ? totals[number + 1] : rows.count
            var closed = top.filter { $0 > previous && $0 < index }
            if closed.isEmpty { closed = top.filter { $0 > index && $0 < next } }
            if closed.isEmpty { closed = top }
            compare(facts, total: index, parts: closed, columns: columns,
                    relation: "the sum of its top-level rows", into: &log)
        }
    }

    private func checkTotals(_ facts: TableFacts, columns: [NormalizedColumn], into log: inout CheckLog) {
        let rows = facts.rows
        var items: [Int] = []
        var heading: Int?
        for row in rows.indices {
            let label = RowNames.label(rows[row], in: facts) ?? ""
            if rows[row].isTotal || TotalWords.isTotal(label) {
                if let open = heading {
                    compare(facts, total: open, parts: items, columns: columns,
                            relation: "the sum of the rows it heads", into: &log)
                    heading = nil
                    items = []
                }
                if items.isEmpty {
                    heading = row
                } else {
                    compare(facts, total: row, parts: items, columns: columns,
                            relation: "the sum of the rows above it", into: &log)
                    items = []
                }
            } else if !LabelKey.of(label).hasPrefix("其中") {
                items.append(row)
            }
        }
        if let open = heading, !items.isEmpty {
            compare(facts, total: open, parts: items, columns: columns,
                    relation: "the sum of the rows it heads", into: &log)
        }
    }

    /// `total` and `parts` are indices of `facts.rows`: rows are passed by position, not copied
    /// (a copy of a row retains each of its strings, and this runs for every parent row).
    private func compare(_ facts: TableFacts, total: Int, parts: [Int],
                         columns: [NormalizedColumn], relation: String, into log: inout CheckLog) {
        guard !parts.isEmpty else { return }
        let rows = facts.rows
        let rowKey = RowNames.key(rows[total], in: facts)
        let rowName = RowNames.name(rows[total], in: facts)
        let partNames = Self.list(parts.map { RowNames.key(rows[$0], in: facts) })
        for column in columns {
            let path = facts.path(column)
            log.compare(Self.id, id: "\(Self.id):\(facts.id):\(rowKey):\(path)", table: facts.id,
                        location: "\(rowName) | \(path)",
                        actual: facts.figure(at: total, column: column.index),
                        expected: parts.map { facts.figure(at: $0, column: column.index) },
                        subject: "\(facts.name) row \(rowName), column \(path),",
                        relation: "\(relation) (\(partNames))",
                        hint: "correct the total or the row that is misprinted.")
        }
    }

    /// `a + b + c`, or the first few and how many more.
    package static func list(_ names: [String]) -> String {
        names.count <= 6 ? names.joined(separator: " + ")
            : names.prefix(5).joined(separator: " + ") + " + \(names.count - 5) more"
    }
}
