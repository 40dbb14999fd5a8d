import BudgetCore
import BudgetNormalize

/// `arithmetic`: a cost estimate line's free text (测算依据及说明) agrees with itself and with the
/// line's amount.
///
/// Arithmetic written out (`1.1万元*12个月=13.2万元`) is evaluated against its written result;
/// amounts summed by a stated total (`…1.5万。总计49.5万元`) against that total; and what the text
/// gives as the line's cost (its stated total, else its results and standalone amounts together:
/// `65.38万元 … 临时劳务费1.34万元`) against the line's 金额. Counts (`70万条`), years, rates
/// (`每条0.06元`) and unrelated numbers (`1300万市民`) are not amounts; but counts listed at one
/// rate (`70万条、10万条、近20万条 … 每条0.06元`) are multiplied out, and what they come to is part
/// of the line's cost (`checkProducts`). Text without amounts or such products states nothing to
/// check. A miss is reported with `options.arithmeticStatus` (warn unless configured), naming
/// the line.
package struct ArithmeticRule: ReconcileRule {
    package static let id = "arithmetic"

    package func check(_ context: ReconcileContext, into log: inout CheckLog) {
        for facts in context.tables where facts.table.layout == .grid {
            let texts = facts.table.columns.filter { column in
                column.role == .text && column.path.contains { $0.includes("依据") || $0.includes("测算") }
            }
            guard !texts.isEmpty, let amountColumn = facts.column(containing: "金额") ?? facts.moneyColumns.first else { continue }
            for row in facts.rows {
                for column in texts {
                    guard let cell = facts.cell(row, column: column.index), !cell.blank, !cell.raw.isEmpty else { continue }
                    checkLine(row, text: cell.raw, column: column, amountColumn: amountColumn, in: facts,
                              status: context.options.arithmeticStatus, into: &log)
                }
            }
        }
    }

    private func checkLine(_ row: NormalizedRow, text: String, column: NormalizedColumn, amountColumn: NormalizedColumn,
                           in facts: TableFacts, status: CheckStatus, into log: inout CheckLog) {
        let basis = CostBasisScanner.scan(text)
        let rowName = RowNames.name(row, in: facts)
        let rowKey = RowNames.key(row, in: facts)
        let base = "\(Self.id):\(facts.id):\(rowKey)"
        let place = "\(facts.name) row \(rowName) (line \(row.line))"
        let textColumn = facts.path(column)
        for (number, expression) in basis.expressions.enumerated() {
            let bound = (expression.slack + ExactDecimal.halfUnit(ofScale: expression.result.precision)) * log.tolerance.multiplier
            let difference = expression.result.value - expression.value
            let agreement = log.tolerance.judge(difference: difference, bound: bound)
            let message: String
            switch agreement {
            case .exact: message = "\(place): \(expression.text) is \(expression.value.description) \(CostBasisScanner.unit), as its \(textColumn) writes."
            case .withinRounding: message = "\(place): \(expression.text) is \(expression.value.description) \(CostBasisScanner.unit)"
                + " and its \(textColumn) writes \(expression.result.text), within rounding (±\(bound.description))."
            case .beyond: message = "\(place): \(expression.text) is \(expression.value.description) \(CostBasisScanner.unit)"
                + ", not \(expression.result.text) as its \(textColumn) writes; correct the calculation."
            }
            log.record(Self.id, id: "\(base):expression\(number + 1)", table: facts.id,
                       location: "\(rowName) | \(textColumn)", expected: expression.value, actual: expression.result.value,
                       difference: difference, tolerance: bound, agreement: agreement, otherwise: status,
                       message: message, lines: [row.line])
        }
        for (number, total) in basis.totals.enumerated() where total.parts.count > 1 {
            let parts = total.parts.map { Figure(value: $0.value, precision: $0.precision, line: row.line) }
            log.compare(Self.id, id: "\(base):total\(number + 1)", table: facts.id, location: "\(rowName) | \(textColumn)",
                        actual: Figure(value: total.amount.value, precision: total.amount.precision, line: row.line),
                        expected: parts,
                        subject: "\(place): the total its \(textColumn) states (\(total.amount.text))",
                        relation: "the sum of the amounts it lists (\(total.parts.map(\.text).joined(separator: " + ")))",
                        otherwise: status, hint: "correct the listed amounts or their total.")
        }
        let stated = basis.basis
        let products = basis.costProducts
        guard !stated.isEmpty || !products.isEmpty else { return }
        let amount = facts.figure(row, column: amountColumn.index)
        guard products.isEmpty else {
            checkProducts(products, amounts: stated, against: amount, base: base, place: place, rowName: rowName,
                          textColumn: textColumn, amountPath: facts.path(amountColumn), in: facts, status: status, into: &log)
            return
        }
        let figures = stated.map { Self.figure($0.value, precision: $0.precision, line: row.line, unit: facts.unit) }
        let amountPath = facts.path(amountColumn)
        var hint = "the cost basis does not support the amount; correct the text or the \(amountPath)."
        if stated.count > 1, let alone = stated.first(where: { $0.value == amount.value }) {
            let others = stated.filter { $0.text != alone.text }.map(\.text).joined(separator: ", ")
            hint = "the \(amountPath) is \(alone.text) alone; say whether \(others) is paid from elsewhere, or correct the amount."
        }
        let statedText = stated.count == 1 ? stated[0].text : stated.map(\.text).joined(separator: " + ")
        log.compare(Self.id, id: "\(base):basis", table: facts.id, location: "\(rowName) | \(amountPath)",
                    actual: amount, expected: figures,
                    subject: "\(place): its \(amountPath)",
                    relation: "what its \(textColumn) gives as the cost (\(statedText))",
                    otherwise: status, hint: hint)
    }

    /// A cost-basis amount (in the scanner's unit, `CostBasisScanner.unit`) as a figure in the
    /// table's unit, converted exactly: a table in 元 is compared with text in 万元 at the rounding
    /// of the text's decimals.
    static func figure(_ value: ExactDecimal, precision: Int, line: Int?, unit: String) -> Figure {
        let (converted, convertedPrecision) = MoneyUnit.convert(value, precision: precision, from: CostBasisScanner.unit, to: unit)
        return Figure(value: converted, precision: convertedPrecision, line: line)
    }

    static func inUnit(_ value: ExactDecimal, _ unit: String) -> ExactDecimal {
        MoneyUnit.convert(value, precision: value.scale, from: CostBasisScanner.unit, to: unit).0
    }

    /// The line's 金额 against counts at a rate (`70万条、10万条、近20万条 … 每条0.06元`) and any
    /// amounts the text states beside them. The tolerance is the rounding of the printed figures,
    /// of a rate printed coarser than the 分, and, for each approximate count (`近20万条`), its
    /// band (`bandPercent` of `reconcile-words.json`) at the rate; a miss with an approximate count
    /// is a `warn` whatever `arithmeticStatus` says, since the text itself does not claim the
    /// exact figure, and the message says the tolerance was widened and by which counts.
    private func checkProducts(_ products: [CostBasis.Product], amounts stated: [CostBasis.Amount], against amount: Figure,
                               base: String, place: String, rowName: String, textColumn: String, amountPath: String,
                               in facts: TableFacts, status: CheckStatus, into log: inout CheckLog) {
        guard !amount.unreadable else { return }
        let figures = stated.map { Self.figure($0.value, precision: $0.precision, line: amount.line, unit: facts.unit) }
        var expected = Figure.sum(figures)
        var slack = ExactDecimal.zero
        var approximateSlack = ExactDecimal.zero
        for product in products {
            expected += Self.inUnit(product.value, facts.unit)
            slack += Self.inUnit(product.slack, facts.unit)
            approximateSlack += Self.inUnit(product.approximateSlack, facts.unit)
        }
        let tolerance = log.tolerance
        let roundingBound = tolerance.bound(figures, plus: amount) + slack * tolerance.multiplier
        let bound = roundingBound + approximateSlack * tolerance.multiplier
        let difference = amount.value - expected
        let agreement = tolerance.judge(difference: difference, bound: bound)
        let approximate = products.flatMap(\.approximate)
        let terms = products.map { "\($0.text) = \($0.value.description)\(CostBasisScanner.unit)" } + stated.map(\.text)
        let cost = "what its \(textColumn) gives as the cost (\(terms.joined(separator: " + "))) is \(expected.description)"
        var allowance = "rounding (±\(roundingBound.description))"
        if !approximate.isEmpty {
            allowance += " and the approximate " + (approximate.count == 1 ? "count " : "counts ") + approximate.joined(separator: ", ")
                + " (±\(ReconcileWords.standard.approximateCounts.bandPercent.description)%: ±\(approximateSlack.description))"
        }
        let together = approximate.isEmpty ? "" : " together (±\(bound.description))"
        let message: String
        switch agreement {
        case .exact: message = ""
        case .withinRounding:
            message = "\(place): its \(amountPath) is \(amount.value.description) and \(cost): they differ by \(difference.description), "
                + "within \(allowance)\(together)."
        case .beyond:
            message = "\(place): its \(amountPath) is \(amount.value.description) but \(cost): they differ by \(difference.description), "
                + "more than \(allowance) \(approximate.isEmpty ? "explains" : "explain")\(together); "
                + "the cost basis does not support the amount; correct the text or the \(amountPath)."
        }
        log.record(Self.id, id: "\(base):basis", table: facts.id, location: "\(rowName) | \(amountPath)",
                   expected: expected, actual: amount.value, difference: difference, tolerance: bound, agreement: agreement,
                   otherwise: approximate.isEmpty ? status : .warn, message: message, lines: [amount.line].compactMap { $0 })
    }
}
