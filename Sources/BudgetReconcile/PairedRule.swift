import BudgetCore
import BudgetNormalize

/// `paired`: a table with 收入 and 支出 side by side balances.
///
/// On each side the 合计 row equals the sum of its items (the top-level rows, `一、` …, before
/// it), and 合计 plus the carry-over rows after it (上年结转结余, 年终结转结余) equals 总计, a
/// carry-over row the parts it lists under it (`一、一般公共预算财政拨款` …); a side
/// without 合计 has 总计 equal to its items. An item followed by sub-items (`（一）` …) equals their
/// sum. 收入总计 equals 支出总计.
package struct PairedRule: ReconcileRule {
    package static let id = "paired"

    /// One side's rows and the column its amounts are in.
    package struct Side {
        package var name: String
        package var rows: [NormalizedRow]
        package var column: Int
    }

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        for facts in context.tables where facts.table.layout == .paired {
            let sides = facts.sides
            var grandTotals: [(Side, NormalizedRow)] = []
            for side in sides {
                checkSide(side, in: facts, into: &log)
                if let total = side.rows.last(where: { $0.isTotal && TotalWords.isGrandTotal($0.item ?? "") })
                    ?? side.rows.last(where: \.isTotal) {
                    grandTotals.append((side, total))
                }
            }
            guard grandTotals.count == 2 else { continue }
            let (income, incomeTotal) = grandTotals[0]
            let (spending, spendingTotal) = grandTotals[1]
            let incomeName = incomeTotal.item ?? "总计"
            let spendingName = spendingTotal.item ?? "总计"
            log.compare(Self.id, id: "\(Self.id):\(facts.id):\(LabelKey.of(spendingName))=\(LabelKey.of(incomeName))",
                        table: facts.id, location: "\(spending.name) \(spendingName) | \(income.name) \(incomeName)",
                        actual: facts.figure(spendingTotal, column: spending.column),
                        expected: [facts.figure(incomeTotal, column: income.column)],
                        subject: "\(facts.name) \(spendingName)", relation: incomeName,
                        hint: "the two sides of \(facts.name) must balance; correct the side that is misprinted.")
        }
    }

    /// The table's sides in order, each with the money column of its section.
    package static func sides(of facts: TableFacts) -> [Side] {
        var order: [String] = []
        var rows: [String: [NormalizedRow]] = [:]
        for row in facts.rows {
            let name = row.section ?? ""
            if rows[name] == nil { order.append(name) }
            rows[name, default: []].append(row)
        }
        return order.compactMap { name in
            let column = facts.moneyColumns.first { ($0.section ?? "") == name } ?? facts.moneyColumns.first
            return column.map { Side(name: name, rows: rows[name]!, column: $0.index) }
        }
    }

    private func checkSide(_ side: Side, in facts: TableFacts, into log: inout CheckLog) {
        let rows = side.rows
        let subtotal = rows.firstIndex { $0.isTotal && !TotalWords.isGrandTotal($0.item ?? "") }
        let grand = rows.firstIndex { $0.isTotal && TotalWords.isGrandTotal($0.item ?? "") }
        let itemsEnd = subtotal ?? grand ?? rows.endIndex
        let items = rows[..<itemsEnd].filter { !$0.isTotal && ($0.level ?? 1) <= 1 }
        if let subtotal {
            compare(side, facts, total: rows[subtotal], parts: items, relation: "the sum of its items", into: &log)
            if let grand, grand > subtotal {
                // A carry-over row printed without an enumerator may list its parts under it
                // (`年初财政拨款结转和结余` over `一、一般公共预算财政拨款`, `二、…`): they are its
                // breakdown, checked against it, not carry-over rows of their own.
                var carried: [NormalizedRow] = []
                var breakdowns: [(heading: NormalizedRow, parts: [NormalizedRow])] = []
                for row in rows[(subtotal + 1)..<grand] where !row.isTotal {
                    if row.ordinal != nil, let last = carried.last, last.ordinal == nil {
                        if breakdowns.last?.heading.number == last.number {
                            breakdowns[breakdowns.count - 1].parts.append(row)
                        } else {
                            breakdowns.append((last, [row]))
                        }
                        continue
                    }
                    carried.append(row)
                }
                compare(side, facts, total: rows[grand], parts: [rows[subtotal]] + carried,
                        relation: "\(rows[subtotal].item ?? "合计") plus the carry-over rows", into: &log)
                for breakdown in breakdowns {
                    compare(side, facts, total: breakdown.heading, parts: breakdown.parts, relation: "the sum of its parts", into: &log)
                }
            }
        } else if let grand {
            compare(side, facts, total: rows[grand], parts: items, relation: "the sum of its items", into: &log)
        }
        checkSubItems(side, facts, into: &log)
    }

    /// A top-level item equals its sub-items, where it has them.
    private func checkSubItems(_ side: Side, _ facts: TableFacts, into log: inout CheckLog) {
        var item: NormalizedRow?
        var parts: [NormalizedRow] = []
        func close(_ log: inout CheckLog) {
            if let item, !parts.isEmpty {
                compare(side, facts, total: item, parts: parts, relation: "the sum of its sub-items", into: &log)
            }
            parts = []
        }
        for row in side.rows {
            if row.isTotal || (row.level ?? 1) <= 1 {
                close(&log)
                item = row.isTotal ? nil : row
            } else if row.level == 2, item != nil {
                parts.append(row)
            }
        }
        close(&log)
    }

    private func compare(_ side: Side, _ facts: TableFacts, total: NormalizedRow, parts: [NormalizedRow],
                         relation: String, into log: inout CheckLog) {
        let name = total.item ?? "row \(total.number)"
        let names = HierarchyRule.list(parts.map { $0.item ?? "row \($0.number)" })
        log.compare(Self.id, id: "\(Self.id):\(facts.id):\(side.name):\(LabelKey.of(name))", table: facts.id,
                    location: "\(side.name) \(name)",
                    actual: facts.figure(total, column: side.column),
                    expected: parts.map { facts.figure($0, column: side.column) },
                    subject: "\(facts.name) \(side.name) row \(name)", relation: "\(relation) (\(names))",
                    hint: "correct the total or the item that is misprinted.")
    }
}
