import BudgetCore

/// What a cost estimate's free text says the line costs, and the arithmetic it shows on the way.
package struct CostBasis {
    /// A sum of money the text states, in 万元.
    package struct Amount {
        package var value: ExactDecimal
        package var precision: Int
        /// As printed (`65.38万元`).
        package var text: String
    }

    /// Arithmetic written out with its result: `8.31万元*8人=65.38万元`.
    package struct Expression {
        package var text: String
        /// What the left side comes to, in 万元.
        package var value: ExactDecimal
        /// How far the left side may be off because its money operands were rounded, before the
        /// tolerance multiplier: each rounded operand's half unit times the other factors.
        package var slack: ExactDecimal
        package var result: Amount
    }

    /// `…1.5万。总计49.5万元`: a total stated after the amounts it sums.
    package struct StatedTotal {
        package var amount: Amount
        package var parts: [Amount]
    }

    /// Counts priced at one rate, with no written result: `社保中心70万条、失业办10万条、信访处近20万条
    /// …每条0.06元` is (70 + 10 + 20)万条 × 0.06元.
    package struct Product {
        /// The counts as printed, approximate words included (`近20万条`).
        package var counts: [String]
        /// The rate as printed (`每条0.06元`).
        package var rate: String
        /// What the counts at the rate come to, in 万元.
        package var value: ExactDecimal
        /// How far `value` may be off because the rate was rounded (zero for a price to the 分).
        package var slack: ExactDecimal
        /// How far `value` may be off because some counts are approximate: each such count's
        /// band (`bandPercent` of itself) at the rate.
        package var approximateSlack: ExactDecimal
        /// The approximate counts as printed.
        package var approximate: [String]

        /// `(70万条 + 10万条 + 近20万条) × 每条0.06元`.
        package var text: String {
            (counts.count == 1 ? counts[0] : "(" + counts.joined(separator: " + ") + ")") + " × " + rate
        }
    }

    package var expressions: [Expression] = []
    package var totals: [StatedTotal] = []
    /// Amounts stated on their own, outside arithmetic and totals, in order.
    package var amounts: [Amount] = []
    /// Counts and the one rate they are priced at, outside arithmetic.
    package var products: [Product] = []

    /// The amounts the text gives as the line's cost: its last stated total, else the results of
    /// its arithmetic and the amounts it states on their own (and `costProducts` beside them).
    package var basis: [Amount] {
        if let total = totals.last { return [total.amount] }
        return expressions.map(\.result) + amounts
    }

    /// The products that are part of the line's cost: all of them, unless the text states a
    /// total (which then is the cost, and already says what the counts come to).
    package var costProducts: [Product] { totals.isEmpty ? products : [] }

    package init(tokens: [CostBasisScanner.Token], text: [Unicode.Scalar]) {
        func printed(_ token: CostBasisScanner.Token) -> String {
            String(scalars: text[token.start..<token.end])
        }
        var pending: [Amount] = []
        var loose: [CostBasisScanner.Token] = []
        var index = 0
        while index < tokens.count {
            if let (expression, next) = Self.expression(tokens, from: index, text: text) {
                expressions.append(expression)
                index = next
                continue
            }
            loose.append(tokens[index])
            if case .number(let value, let precision, let unit, let total) = tokens[index].kind, unit == .money {
                let amount = Amount(value: value, precision: precision, text: printed(tokens[index]))
                if total {
                    totals.append(StatedTotal(amount: amount, parts: pending))
                    pending = []
                } else {
                    pending.append(amount)
                    amounts.append(amount)
                }
            }
            index += 1
        }
        if !totals.isEmpty { amounts = pending }
        products = Self.products(loose, printed: printed)
    }

    /// Each rate per a thing (`每条0.06元`) with the counts of that thing outside arithmetic
    /// (`70万条`, `近20万条`): a rate that another rate per the same thing contradicts, or that no
    /// count matches, makes no product.
    private static func products(_ tokens: [CostBasisScanner.Token], printed: (CostBasisScanner.Token) -> String) -> [Product] {
        var rates: [String: [CostBasisScanner.Token]] = [:]
        var order: [String] = []
        for token in tokens {
            guard case .number(_, _, .rate, _) = token.kind, let word = token.word else { continue }
            if rates[word] == nil { order.append(word) }
            rates[word, default: []].append(token)
        }
        let band = ReconcileWords.standard.approximateCounts.bandPercent
        let hundred = ExactDecimal(significand: 100, scale: 0)
        var products: [Product] = []
        for word in order {
            guard let same = rates[word], same.count == 1, case .number(let rate, let precision, _, _) = same[0].kind else { continue }
            var total = ExactDecimal.zero
            var approximateTotal = ExactDecimal.zero
            var counts: [String] = []
            var approximate: [String] = []
            for token in tokens {
                guard case .number(let count, _, .count, _) = token.kind, let unit = token.word, unit.hasPrefix(word) else { continue }
                // A word printed before the number (`近`) is outside the token; `余`, `左右` are inside.
                let text = printed(token)
                let shown = token.approximate.map { text.contains($0) ? text : $0 + text } ?? text
                counts.append(shown)
                total += count
                if token.approximate != nil {
                    approximate.append(shown)
                    approximateTotal += count
                }
            }
            guard !counts.isEmpty else { continue }
            let rateText = printed(same[0])
            let slack = isExact(precision: precision) ? .zero : bounded(ExactDecimal.halfUnit(ofScale: precision) * total)
            products.append(Product(
                counts: counts, rate: rateText.contains("/") ? rateText : "每\(word)\(rateText)",
                value: trimmed(bounded(total * rate)), slack: trimmed(slack),
                approximateSlack: trimmed((approximateTotal * rate * band).divided(by: hundred, scale: 12) ?? .zero),
                approximate: approximate))
        }
        return products
    }

    /// A price printed to the 分 (0.06元, or 万元 to six decimals) is exact: nothing smaller is
    /// paid, so it was set, not rounded. Coarser money (8.31万元) is a rounded figure.
    static func isExact(precision: Int) -> Bool { precision >= 6 }

    /// One operand of written arithmetic: its value, the decimals it was rounded to (nil: exact),
    /// and for a count in 万 (`6万条`) its value with 万 read as the unit counted (6).
    private typealias Factor = (value: ExactDecimal, precision: Int?, perTenThousand: ExactDecimal?)

    /// An expression starting at `start`: operands joined by × or +, then = and an amount.
    ///
    /// A count in 万 is read both ways, `130万条` as 1,300,000 (at `每条0.06元`) and `6万条` as 6
    /// lots of 万条 (at `5.13万元` per 万条), and the reading nearer the written result is taken:
    /// the two differ ten-thousandfold, so a result never fits both, and a wrong result is still
    /// reported against the nearer one.
    private static func expression(_ tokens: [CostBasisScanner.Token], from start: Int,
                                   text: [Unicode.Scalar]) -> (Expression, Int)? {
        var terms: [[Factor]] = [[]]
        var index = start
        var expectOperand = true
        while index < tokens.count {
            let token = tokens[index]
            if expectOperand {
                guard case .number(let value, let precision, let unit, _) = token.kind, unit != .other else { return nil }
                // Counts are exact, and so is a price to the 分; other money and rates were
                // rounded to their printed decimals.
                let rounded = unit == .count || isExact(precision: precision) ? nil : precision
                let perTenThousand = token.tenThousands
                    ? value.divided(by: ExactDecimal(significand: 10000, scale: 0), scale: value.scale + 4).map(trimmed) : nil
                terms[terms.count - 1].append((value, rounded, perTenThousand))
                expectOperand = false
            } else {
                switch token.kind {
                case .times: expectOperand = true
                case .plus: terms.append([]); expectOperand = true
                case .equals:
                    guard terms.count > 1 || terms[0].count > 1, index + 1 < tokens.count,
                          case .number(let value, let precision, .money, _) = tokens[index + 1].kind else { return nil }
                    var (sum, slack) = evaluate(terms)
                    if terms.contains(where: { $0.contains { $0.perTenThousand != nil } }) {
                        let lots = terms.map { $0.map { ($0.perTenThousand ?? $0.value, $0.precision, nil) as Factor } }
                        let other = evaluate(lots)
                        if (other.sum - value).abs < (sum - value).abs { (sum, slack) = other }
                    }
                    let result = tokens[index + 1]
                    let whole = String(scalars: text[tokens[start].start..<result.end])
                    let left = String(scalars: text[tokens[start].start..<token.start])
                    let amount = Amount(value: value, precision: precision,
                                        text: String(scalars: text[result.start..<result.end]))
                    return (Expression(text: left.isEmpty ? whole : left, value: sum, slack: slack, result: amount), index + 2)
                default:
                    return nil
                }
            }
            index += 1
        }
        return nil
    }

    /// What a sum of products comes to, and how far off the rounded factors may make it: each
    /// rounded factor's half unit times the other factors.
    private static func evaluate(_ terms: [[Factor]]) -> (sum: ExactDecimal, slack: ExactDecimal) {
        var sum = ExactDecimal.zero
        var slack = ExactDecimal.zero
        for factors in terms {
            var product = ExactDecimal(significand: 1, scale: 0)
            for factor in factors { product = Self.bounded(product * factor.value) }
            sum += product
            for (position, factor) in factors.enumerated() {
                guard let precision = factor.precision else { continue }
                var others = ExactDecimal(significand: 1, scale: 0)
                for (other, cofactor) in factors.enumerated() where other != position {
                    others = Self.bounded(others * cofactor.value)
                }
                slack += Self.bounded(ExactDecimal.halfUnit(ofScale: precision) * others.abs)
            }
        }
        return (sum, slack)
    }

    /// `7.800000` → `7.8`: a product's value without the zeros its factors' decimals left.
    static func trimmed(_ value: ExactDecimal) -> ExactDecimal {
        var significand = value.significand
        var scale = value.scale
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return ExactDecimal(significand: significand, scale: scale)
    }

    /// Products add their factors' decimals; a dozen are more than any printed figure needs.
    private static func bounded(_ value: ExactDecimal) -> ExactDecimal {
        value.scale > 12 ? value.rounded(toScale: 12) : value
    }
}
