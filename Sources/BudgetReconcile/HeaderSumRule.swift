import BudgetCore

/// `header-sum`: in every row, a column that totals a header group equals the sum of the group's
/// other columns, as the header's structure says.
///
/// The header is read as a tree of paths. A group's total is its child headed 合计, 小计 or 总计
/// (or ending in 合计: `“三公”经费合计`): `基本支出 / 小计` = `基本支出 / 人员经费` + `基本支出 / 公用经费`,
/// and at the top `合计` = `基本支出` + `项目支出` + …, where a group that prints its own subtotal
/// counts as that subtotal and one that does not as the sum of its columns. No column names are
/// listed here, so any header of that shape is checked.
package struct HeaderSumRule: ReconcileRule {
    package static let id = "header-sum"

    /// A total column and the columns it sums, by column index.
    package struct Identity {
        package var total: Int
        package var terms: [Int]
    }

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        for facts in context.tables where facts.table.layout == .grid && !facts.rows.isEmpty {
            let columns = facts.moneyColumns
            guard columns.count > 1 else { continue }
            let identities = Self.identities(columns.map { ($0.index, $0.path.map(LabelKey.of)) })
            guard !identities.isEmpty else { continue }
            let paths = Dictionary(uniqueKeysWithValues: columns.map { ($0.index, facts.path($0)) })
            let relations = identities.map { "the sum of " + $0.terms.map { paths[$0]! }.joined(separator: " + ") }
            for row in facts.rows {
                let rowName = RowNames.name(row, in: facts)
                let rowKey = RowNames.key(row, in: facts)
                for (identity, relation) in zip(identities, relations) {
                    let totalPath = paths[identity.total]!
                    log.compare(Self.id, id: "\(Self.id):\(facts.id):\(rowKey):\(totalPath)",
                                table: facts.id, location: "\(rowName) | \(totalPath)",
                                actual: facts.figure(row, column: identity.total),
                                expected: identity.terms.map { facts.figure(row, column: $0) },
                                subject: "\(facts.name) row \(rowName), column \(totalPath),",
                                relation: relation,
                                hint: "correct the total column or the part that is misprinted.")
                }
            }
        }
    }

    /// The identities a header of these column paths states.
    package static func identities(_ columns: [(index: Int, path: [String])]) -> [Identity] {
        var found: [Identity] = []
        _ = walk(columns, depth: 0, into: &found)
        return found
    }

    /// The columns that stand for the group of `columns` (which share their first `depth` header
    /// parts): its own total column if it prints one, else its parts. Records the group's identity.
    private static func walk(_ columns: [(index: Int, path: [String])], depth: Int, into found: inout [Identity]) -> [Int] {
        // Grouped by the names' bytes: headers are Chinese, and `String` keys would check each
        // for Unicode normalization on every look-up.
        var order: [String] = []
        var groups: [ExactString: [(index: Int, path: [String])]] = [:]
        for column in columns where column.path.count > depth {
            let name = column.path[depth]
            if groups[ExactString(name)] == nil { order.append(name) }
            groups[ExactString(name), default: []].append(column)
        }
        var total: Int?
        var terms: [Int] = []
        for name in order {
            let group = groups[ExactString(name)]!
            if group.count == 1, group[0].path.count == depth + 1 {
                if total == nil, order.count > 1, TotalWords.isTotal(name) {
                    total = group[0].index
                } else {
                    terms.append(group[0].index)
                }
            } else {
                terms.append(contentsOf: group.filter { $0.path.count == depth + 1 }.map(\.index))
                terms.append(contentsOf: walk(group.filter { $0.path.count > depth + 1 }, depth: depth + 1, into: &found))
            }
        }
        guard let total else { return terms }
        if !terms.isEmpty { found.append(Identity(total: total, terms: terms)) }
        return [total]
    }
}
