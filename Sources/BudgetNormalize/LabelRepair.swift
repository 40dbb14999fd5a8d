import BudgetCore

/// Repairs row labels the PDF cut short (`人力资源和社会保障管理事` for 20801): a label that is
/// the beginning of a longer label the same code has elsewhere in the report takes that label,
/// and a label that is still the beginning of the code's official name takes the name. Where
/// the label came from is recorded on the row. Labels that differ otherwise are left as printed.
package enum LabelRepair {
    package static func repair(_ tables: inout [NormalizedTable], dictionary: CodeDictionary, unitName: String?) {
        // Every printed label of every code, in table order.
        var printed: [String: [(label: String, table: String)]] = [:]
        for table in tables {
            for row in table.rows {
                guard let key = key(row), let item = row.item else { continue }
                printed[key, default: []].append((item, table.id))
            }
        }
        for t in tables.indices {
            for r in tables[t].rows.indices {
                let row = tables[t].rows[r]
                guard let key = key(row), let code = row.code, let scheme = row.codeScheme, let item = row.item else { continue }
                var best = item
                var source: String?
                for candidate in printed[key] ?? [] where isLonger(candidate.label, than: best) {
                    best = candidate.label
                    source = "table \(candidate.table)"
                }
                if scheme == .unit, row.level == 2, let unitName, isLonger(unitName, than: best) {
                    best = unitName
                    source = "report title"
                }
                if let official = dictionary.name(of: code, scheme: scheme), isLonger(official, than: best) {
                    best = official
                    source = "dictionary"
                }
                if let source {
                    tables[t].rows[r].item = best
                    tables[t].rows[r].itemSource = source
                }
            }
        }
    }

    private static func key(_ row: NormalizedRow) -> String? {
        guard let code = row.code, let scheme = row.codeScheme else { return nil }
        return "\(scheme.rawValue):\(code)"
    }

    /// `candidate` continues `label`: it starts with it and is longer.
    private static func isLonger(_ candidate: String, than label: String) -> Bool {
        candidate.utf8.count > label.utf8.count && candidate.utf8.starts(with: label.utf8)
    }
}
