import BudgetCore
import BudgetNormalize

/// Cross-table checks by classification code and category label.
extension CrossTableRule {
    /// Two tables whose rows carry codes of one scheme and whose totals agree list the same
    /// money by code: each code's amount agrees in every column both have (by header path, a
    /// group's subtotal standing for the group). Tables whose totals differ cover different
    /// money (支出总表 has every fund, 一般公共预算支出表 one), so their codes are not compared.
    ///
    /// Each table is compared with the first earlier table of its scheme whose total agrees with
    /// its own, so the checks grow with the number of tables, not with its square: tables that
    /// agree with a common reference agree with each other within the same rounding. Only totals
    /// are compared to find the reference, one per group of agreeing totals.
    package func checkSharedCodes(_ context: ReconcileContext, into log: inout CheckLog) {
        for scheme in [CodeScheme.function, .economic, .unit, .project] {
            var references: [(table: TableFacts, total: Figure)] = []
            for table in context.tables(scheme: scheme) {
                guard let total = printedTotal(table, scheme: scheme) else { continue }
                if let reference = references.first(where: { agree($0.total, total, context: context) }) {
                    compareCodes(reference.table, table, context: context, into: &log)
                } else {
                    references.append((table, total))
                }
            }
        }
    }

    /// The table's total as `readableTotal` gives it, when it was printed.
    private func printedTotal(_ table: TableFacts, scheme: CodeScheme) -> Figure? {
        guard let total = readableTotal(table, scheme: scheme), total.isPrinted else { return nil }
        return total
    }

    /// The table's total, or, when its total cell is not a number, the sum of its top-level rows of
    /// `scheme`: which tables cover the same money is still known, so the codes, which do not
    /// need that cell, are still compared (the identities that do need it are `unverified`).
    private func readableTotal(_ table: TableFacts, scheme: CodeScheme) -> Figure? {
        guard let total = ReportQuantities.total(table, column: nil)?.terms.first else { return nil }
        guard total.unreadable, let column = table.totalColumn else { return total }
        let top = table.rows.filter { $0.codeScheme == scheme && $0.level == 1 }.map { table.figure($0, column: column.index) }
        guard !top.isEmpty, top.allSatisfy({ !$0.unreadable }), top.contains(where: \.isPrinted) else { return nil }
        return Figure(value: Figure.sum(top), precision: top.compactMap(\.precision).max(), line: total.line)
    }

    private func agree(_ a: Figure, _ b: Figure, context: ReconcileContext) -> Bool {
        let tolerance = context.options.tolerance
        return tolerance.judge(difference: a.value - b.value, bound: tolerance.bound([a, b])) != .beyond
    }

    private func compareCodes(_ reference: TableFacts, _ other: TableFacts, context: ReconcileContext,
                              into log: inout CheckLog) {
        var referenceColumns: [String: NormalizedColumn] = [:]
        for column in reference.moneyColumns {
            let key = reference.key(column)
            if referenceColumns[key] == nil { referenceColumns[key] = column }
        }
        var referenceRows: [String: NormalizedRow] = [:]
        for row in reference.rows {
            if let code = row.code, referenceRows[code] == nil { referenceRows[code] = row }
        }
        for row in other.rows {
            guard let code = row.code, let match = referenceRows[code] else { continue }
            for column in other.moneyColumns {
                let key = other.key(column)
                guard let referenceColumn = referenceColumns[key] else { continue }
                let referenceFigure = reference.figure(match, column: referenceColumn.index)
                let otherFigure = other.figure(row, column: column.index)
                guard referenceFigure.isStated || otherFigure.isStated else { continue }
                let source = ReportQuantities.Source(
                    table: reference.id, location: "\(RowNames.name(match, in: reference)) | \(reference.path(referenceColumn))",
                    terms: [referenceFigure])
                let printed = ReportQuantities.Source(
                    table: other.id, location: "\(RowNames.name(row, in: other)) | \(other.path(column))",
                    terms: [otherFigure])
                compare(id: "\(code):\(key):\(other.id)", reference: source, other: printed, what: "code \(code)", into: &log)
            }
        }
    }

    /// A paired table lists expenditure by category (一、一般公共服务支出 …); a function table's 类
    /// rows are the same categories. Where the list's base (its 合计, or the item its categories
    /// hang under, 本年支出) equals the function table's total, each category equals the 类 row
    /// of the same name, and each 类 row with money has a category.
    package func checkCategories(_ context: ReconcileContext, into log: inout CheckLog) {
        let functionTables = context.tables(scheme: .function)
        guard !functionTables.isEmpty else { return }
        for paired in context.tables where paired.table.layout == .paired {
            guard let side = paired.sides.first(where: { $0.name.includes("支出") }) else { continue }
            for table in functionTables {
                guard let totalColumn = table.totalColumn, let total = readableTotal(table, scheme: .function),
                      let categories = categoryRows(side, in: paired, matching: total, context: context) else { continue }
                compareCategories(categories, side: side, paired: paired, table: table, column: totalColumn, into: &log)
            }
        }
    }

    /// The category rows of a side whose base equals `total`, or nil.
    private func categoryRows(_ side: PairedRule.Side, in paired: TableFacts, matching total: Figure,
                              context: ReconcileContext) -> [NormalizedRow]? {
        let tolerance = context.options.tolerance
        func agrees(_ row: NormalizedRow) -> Bool {
            let figure = paired.figure(row, column: side.column)
            guard figure.isPrinted else { return false }
            return tolerance.judge(difference: figure.value - total.value, bound: tolerance.bound([figure, total])) != .beyond
        }
        let rows = side.rows
        if let subtotal = rows.firstIndex(where: { $0.isTotal && !TotalWords.isGrandTotal($0.item ?? "") }), agrees(rows[subtotal]) {
            return rows[..<subtotal].filter { !$0.isTotal && ($0.level ?? 1) <= 1 }
        }
        guard let base = rows.firstIndex(where: { !$0.isTotal && ($0.level ?? 1) <= 1 && agrees($0) }) else { return nil }
        var categories: [NormalizedRow] = []
        for row in rows[(base + 1)...] {
            if row.isTotal || (row.level ?? 1) <= 1 { break }
            if row.level == 2 { categories.append(row) }
        }
        return categories.isEmpty ? nil : categories
    }

    private func compareCategories(_ categories: [NormalizedRow], side: PairedRule.Side, paired: TableFacts,
                                   table: TableFacts, column: NormalizedColumn, into log: inout CheckLog) {
        let classes = table.rows.indices.filter { table.rows[$0].codeScheme == .function && table.rows[$0].level == 1 }
            .map { (row: table.rows[$0], key: table.itemKeys[$0]) }
        var matched = Set<String>()
        let columnPath = table.path(column)
        for row in categories {
            let figure = paired.figure(row, column: side.column)
            let label = row.item ?? ""
            let key = LabelKey.of(label)
            let match = classes.first(where: { LabelKey.matches($0.key, key) })?.row
            if let match { matched.insert(match.code ?? "") }
            let classFigure = match.map { table.figure($0, column: column.index) }
            guard figure.isStated || classFigure?.isStated == true else { continue }
            let category = ReportQuantities.Source(table: paired.id, location: "\(side.name) \(label)", terms: [figure])
            if let match, let classFigure {
                let source = ReportQuantities.Source(table: table.id, location: "\(RowNames.name(match, in: table)) | \(columnPath)",
                                                     terms: [classFigure])
                compare(id: "category:\(key):\(table.id)", reference: category, other: source, what: "category \(label)", into: &log)
            } else if !figure.value.isZero || figure.unreadable {
                log.compare(Self.id, id: "\(Self.id):\(paired.id):category:\(key):\(table.id)", table: paired.id,
                            location: "\(side.name) \(label) = 表\(table.id) 类",
                            actual: category.terms[0], expected: [],
                            subject: "\(paired.name) \(side.name) \(label)",
                            relation: "what \(table.name) lists under a 类 of that name (none)",
                            hint: "add the 类 row to \(table.name) or correct the category's amount.")
            }
        }
        for (row, _) in classes where !matched.contains(row.code ?? "") {
            let figure = table.figure(row, column: column.index)
            guard figure.unreadable || (figure.isPrinted && !figure.value.isZero) else { continue }
            let name = RowNames.name(row, in: table)
            log.compare(Self.id, id: "\(Self.id):\(table.id):category:\(row.code ?? ""):\(paired.id)", table: table.id,
                        location: "\(name) | \(columnPath) = 表\(paired.id) \(side.name)",
                        actual: figure, expected: [],
                        subject: "\(table.name) 类 \(name)",
                        relation: "what \(paired.name) lists under a category of that name (none)",
                        hint: "add the category to \(paired.name) or correct the 类 row.")
        }
    }
}
