import BudgetCore

/// Money units reports print amounts in, and how to bring an amount into the report's unit, so a
/// table in 元 can be compared with one in 万元.
package enum MoneyUnit {
    /// The power of ten of one unit in 元; nil for anything that is not money (`%`, `万人`).
    package static func exponent(of unit: String) -> Int? { PrintedUnit.moneyExponent(of: unit) }

    package static func isMoney(_ unit: String?) -> Bool {
        unit.flatMap(exponent(of:)) != nil
    }

    /// `value`, printed with `precision` decimals in `unit`, expressed in `target`, exactly. The
    /// precision moves with the point (1.5 元 is 0.00015 万元, printed to 5 decimals), below 0 too:
    /// 18,976.76 万元 is 189,767,600 元 printed to the hundred (precision −2), so a comparison with
    /// a table in 元 allows the rounding of the coarser figure, ±50 元, not ±0.5.
    package static func convert(_ value: ExactDecimal, precision: Int, from unit: String, to target: String) -> (ExactDecimal, Int) {
        guard let from = exponent(of: unit), let to = exponent(of: target), from != to else { return (value, precision) }
        let shift = from - to
        if shift > 0 {
            return (ExactDecimal(significand: value.significand * ExactDecimal.powerOfTen(shift), scale: value.scale),
                    precision - shift)
        }
        let scale = min(value.scale - shift, ExactDecimal.maximumScale)
        return (ExactDecimal(significand: value.significand, scale: scale), min(precision - shift, ExactDecimal.maximumScale - 1))
    }
}
