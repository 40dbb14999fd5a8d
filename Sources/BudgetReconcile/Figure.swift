import BudgetCore

/// A figure an identity uses: its exact value in the report's amount unit, how precisely it was
/// printed, and the source line it is on.
///
/// A blank cell is a figure too: nothing was spent, so it is exactly zero and adds no rounding.
/// A cell whose text is not a number is `unreadable`: an identity that needs it cannot be judged,
/// so it is left out rather than judged with a made-up zero (the normalizer reports the cell).
package struct Figure {
    package var value: ExactDecimal
    /// Decimals the figure was printed to; nil when nothing was printed.
    package var precision: Int?
    package var line: Int?
    package var unreadable = false

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

    package static func unreadable(line: Int?) -> Figure {
        var figure = Figure.blank(line: line)
        figure.unreadable = true
        return figure
    }

    package var isPrinted: Bool { precision != nil }

    /// The same figure counted with the opposite sign (a change subtracted from a level).
    package var negated: Figure {
        var figure = self
        figure.value = -value
        return figure
    }

    package static func sum(_ figures: [Figure]) -> ExactDecimal {
        var total = ExactDecimal.zero
        for figure in figures { total += figure.value }
        return total
    }
}
