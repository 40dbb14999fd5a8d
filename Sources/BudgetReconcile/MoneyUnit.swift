import BudgetCore

/// Money units reports print amounts in, and how to bring an amount into the report's unit, so a
/// table in 元 can be compared with one in 万元.
package enum MoneyUnit {
    /// The power of ten of one unit in 元; nil for anything that is not money (`%`, `万人`).
    package static func exponent(of unit: String) -> Int? { PrintedUnit.moneyExponent(of: unit) }

    package static func isMoney(_ unit: String?) -> Bool {
        unit.flatMap(exponent(of:)) != nil
    }

    /// `value`, printed with `precision` decimals in `unit`, expressed in `target`. The precision
    /// moves with the point (1.5 元 is 0.00015 万元, printed to 5 decimals); it never goes below 0,
    /// which only makes a figure in a larger unit look a little more precise than it was.
    package static func convert(_ value: ExactDecimal, precision: Int, from unit: String, to target: String) -> (ExactDecimal, Int) {
        guard let from = exponent(of: unit), let to = exponent(of: target), from != to else { return (value, precision) }
        let shift = from - to
        if shift > 0 {
            return (ExactDecimal(significand: value.significand * ExactDecimal.powerOfTen(shift), scale: value.scale),
                    max(0, precision - shift))
        }
        let scale = min(value.scale - shift, ExactDecimal.maximumScale)
        return (ExactDecimal(significand: value.significand, scale: scale), min(precision - shift, ExactDecimal.maximumScale - 1))
    }
}
