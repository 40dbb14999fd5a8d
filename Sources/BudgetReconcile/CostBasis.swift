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

    package var expressions: [Expression] = []
    package var totals: [StatedTotal] = []
    /// Amounts stated on their own, outside arithmetic and totals, in order.
    package var amounts: [Amount] = []

    /// The amounts the text gives as the line's cost: its last stated total, else the results of
    /// its arithmetic and the amounts it states on their own.
    package var basis: [Amount] {
        if let total = totals.last { return [total.amount] }
        return expressions.map(\.result) + amounts
    }

    package init(tokens: [CostBasisScanner.Token], text: [Unicode.Scalar]) {
        func printed(_ token: CostBasisScanner.Token) -> String {
            String(String.UnicodeScalarView(text[token.start..<token.end]))
        }
        var pending: [Amount] = []
        var index = 0
        while index < tokens.count {
            if let (expression, next) = Self.expression(tokens, from: index, text: text) {
                expressions.append(expression)
                index = next
                continue
            }
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
    }

    /// An expression starting at `start`: operands joined by × or +, then = and an amount.
    private static func expression(_ tokens: [CostBasisScanner.Token], from start: Int,
                                   text: [Unicode.Scalar]) -> (Expression, Int)? {
        var terms: [[(value: ExactDecimal, precision: Int?)]] = [[]]
        var index = start
        var expectOperand = true
        while index < tokens.count {
            let token = tokens[index]
            if expectOperand {
                guard case .number(let value, let precision, let unit, _) = token.kind, unit != .other else { return nil }
                // Counts are exact; money and rates were rounded to their printed decimals.
                terms[terms.count - 1].append((value, unit == .count ? nil : precision))
                expectOperand = false
            } else {
                switch token.kind {
                case .times: expectOperand = true
                case .plus: terms.append([]); expectOperand = true
                case .equals:
                    guard terms.count > 1 || terms[0].count > 1, index + 1 < tokens.count,
                          case .number(let value, let precision, .money, _) = tokens[index + 1].kind else { return nil }
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
                    let result = tokens[index + 1]
                    let whole = String(String.UnicodeScalarView(text[tokens[start].start..<result.end]))
                    let left = String(String.UnicodeScalarView(text[tokens[start].start..<token.start]))
                    let amount = Amount(value: value, precision: precision,
                                        text: String(String.UnicodeScalarView(text[result.start..<result.end])))
                    return (Expression(text: left.isEmpty ? whole : left, value: sum, slack: slack, result: amount), index + 2)
                default:
                    return nil
                }
            }
            index += 1
        }
        return nil
    }

    /// Products add their factors' decimals; a dozen are more than any printed figure needs.
    private static func bounded(_ value: ExactDecimal) -> ExactDecimal {
        value.scale > 12 ? value.rounded(toScale: 12) : value
    }
}
