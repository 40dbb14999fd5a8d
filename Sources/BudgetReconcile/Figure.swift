import BudgetCore

/// A figure an identity uses: its exact value in the report's amount unit, how precisely it was
/// printed, and the source line it is on.
///
/// A blank cell is a figure too: nothing was spent, so it is exactly zero and adds no rounding.
/// A cell whose text is not a number is `unreadable`: an identity that needs it cannot be judged,
/// so it is reported as `unverified`, naming the cell, rather than judged with a made-up zero
/// (the cell itself is a `number` failure).
package struct Figure {
    package var value: ExactDecimal
    /// Decimals the figure was printed to; nil when nothing was printed. Below 0 for a figure
    /// converted from a coarser unit (18,976.76 万元 in 元: −2, printed to the hundred).
    package var precision: Int?
    package var line: Int?
    /// For a figure whose text is not a number: where it is and what is printed there, as a
    /// person finds it (`表3 row 合计, column 合计, line 135: "1,2O9.02"`); nil for any other.
    package var unreadableTerm: String?

    package init(value: ExactDecimal, precision: Int?, line: Int?) {
        self.value = value
        self.precision = precision
        self.line = line
    }

    /// A figure printed as `value` shows it (a narrative number, a form field).
    package init(printed value: ExactDecimal, line: Int?) {
        self.init(value: value, precision: value.scale, line: line)
    }

    package static func blank(line: Int?) -> Figure {
        Figure(value: .zero, precision: nil, line: line)
    }

    /// A figure whose printed text is not a number; `term` names it (see `unreadableTerm`).
    package static func unreadable(line: Int?, term: String) -> Figure {
        var figure = Figure.blank(line: line)
        figure.unreadableTerm = term
        return figure
    }

    package var unreadable: Bool { unreadableTerm != nil }

    package var isPrinted: Bool { precision != nil }

    /// Something was printed here, a number or text that should have been one.
    package var isStated: Bool { precision != nil || unreadableTerm != nil }

    /// The same figure counted with the opposite sign (a change subtracted from a level).
    package var negated: Figure {
        var figure = self
        figure.value = -value
        return figure
    }

    /// The unreadable figures' terms, in order, each once, said in a clause: `X is not a
    /// number`, `X; Y are not numbers`.
    package static func unreadableClause(_ figures: [Figure]) -> String {
        var terms: [String] = []
        for figure in figures {
            if let term = figure.unreadableTerm, !terms.contains(term) { terms.append(term) }
        }
        return terms.joined(separator: "; ") + (terms.count == 1 ? " is not a number" : " are not numbers")
    }

    package static func sum(_ figures: [Figure]) -> ExactDecimal {
        var total = ExactDecimal.zero
        for figure in figures { total += figure.value }
        return total
    }
}
