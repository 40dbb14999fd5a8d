import BudgetCore

/// A printed percentage judged at the precision it was printed.
///
/// The ratio is computed from printed amounts, each of which may be off by its rounding; the
/// percentage passes if it is what some values within those roundings give, rounded as printed.
/// The reported tolerance is how far that range reaches from the ratio of the printed amounts.
package struct PercentCheck {
    /// The ratio of the printed amounts, rounded to the printed precision.
    package var expected: ExactDecimal
    package var difference: ExactDecimal
    package var tolerance: ExactDecimal
    package var agreement: Tolerance.Agreement

    /// `printed` against `numerator / denominator × 100`, where the two may be off by up to
    /// `numeratorSlack` and `denominatorSlack`; nil when the denominator is zero (a change from
    /// nothing has no percentage to check).
    package init?(printed: ExactDecimal, numerator: ExactDecimal, numeratorSlack: ExactDecimal,
          denominator: ExactDecimal, denominatorSlack: ExactDecimal) {
        let scale = printed.scale
        let hundred = ExactDecimal(significand: 100, scale: 0)
        let top = numerator.abs
        let bottom = denominator.abs
        guard !bottom.isZero, let expected = (top * hundred).divided(by: bottom, scale: scale) else { return nil }
        self.expected = expected
        difference = printed.abs - expected
        let lowTop = top > numeratorSlack ? top - numeratorSlack : .zero
        let low = (lowTop * hundred).divided(by: bottom + denominatorSlack, scale: scale) ?? expected
        let high: ExactDecimal?
        if bottom > denominatorSlack {
            high = ((top + numeratorSlack) * hundred).divided(by: bottom - denominatorSlack, scale: scale)
        } else {
            high = nil
        }
        let reach = max(expected - low, (high ?? printed.abs) - expected, .zero)
        tolerance = high == nil ? max(reach, difference.abs) : reach
        if difference.isZero {
            agreement = .exact
        } else if printed.abs >= low, high.map({ printed.abs <= $0 }) ?? true {
            agreement = .withinRounding
        } else {
            agreement = .beyond
        }
    }
}
