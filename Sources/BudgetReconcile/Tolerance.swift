import BudgetCore

/// How far a printed identity may miss and still be only rounding.
///
/// Every printed figure may be off from the value it was rounded from by half a unit of its last
/// printed digit, so an identity of n terms and a total may miss by the sum of those half units:
/// half a unit × (n + 1) when all are printed alike (the report warns of such 尾差). `multiplier`
/// widens or narrows that bound (`options.reconcile.toleranceMultiplier`); 0 demands exact figures.
public struct Tolerance: Sendable, Equatable {
    public var multiplier: ExactDecimal

    public init(multiplier: ExactDecimal = ExactDecimal(significand: 1, scale: 0)) {
        self.multiplier = multiplier
    }

    /// How an identity came out.
    public enum Agreement: Sendable, Equatable {
        case exact
        /// Off, but by no more than rounding explains.
        case withinRounding
        case beyond
    }

    /// The bound for printed figures with these numbers of decimals: the sum of their half
    /// units, times the multiplier. Figures not printed (blank cells) add nothing.
    /// A precision below 0 is a figure converted from a coarser unit (−2: to the hundred).
    public func bound(precisions: some Collection<Int>) -> ExactDecimal {
        guard !precisions.isEmpty else { return ExactDecimal(significand: 0, scale: 0) }
        var finest = 0
        for precision in precisions { finest = max(finest, precision) }
        // Half a unit at `precision` is 5 at `precision + 1`; bring every term to the finest scale.
        var significand: Int128 = 0
        for precision in precisions {
            significand += 5 * ExactDecimal.powerOfTen(finest - precision)
        }
        return scaled(ExactDecimal(significand: significand, scale: finest + 1))
    }

    package func bound(_ figures: [Figure], plus extra: Figure? = nil) -> ExactDecimal {
        var finest = 0
        var printed = extra?.precision != nil
        if let precision = extra?.precision { finest = max(finest, precision) }
        for figure in figures {
            if let precision = figure.precision {
                finest = max(finest, precision)
                printed = true
            }
        }
        guard printed else { return ExactDecimal(significand: 0, scale: 0) }
        var significand: Int128 = 0
        if let precision = extra?.precision { significand += 5 * ExactDecimal.powerOfTen(finest - precision) }
        for figure in figures {
            if let precision = figure.precision { significand += 5 * ExactDecimal.powerOfTen(finest - precision) }
        }
        return scaled(ExactDecimal(significand: significand, scale: finest + 1))
    }

    private func scaled(_ bound: ExactDecimal) -> ExactDecimal {
        multiplier.significand == 1 && multiplier.scale == 0 ? bound : bound * multiplier
    }

    /// Exact, within `bound`, or beyond it.
    public func judge(difference: ExactDecimal, bound: ExactDecimal) -> Agreement {
        if difference.isZero { return .exact }
        return difference.abs <= bound ? .withinRounding : .beyond
    }
}
