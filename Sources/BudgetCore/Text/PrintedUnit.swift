/// The units of money reports print amounts in (`元`, `千元`, `万元`, `亿元`) and the percent
/// sign: the part of reading a number's unit that every stage shares. Which other units a
/// caller knows (`人`, `个`, `台(套)`, `个百分点` in prose; a bare `万` in a cost estimate) is that
/// caller's business.
package enum PrintedUnit {
    /// Money units with the power of ten of one unit in 元, longest first so that `万元` is
    /// read before `元`.
    package static let money: [(name: String, exponent: Int)] = [("亿元", 8), ("万元", 4), ("千元", 3), ("元", 0)]

    private static let moneyScalars: [(pattern: [Unicode.Scalar], name: String, exponent: Int)] =
        money.map { (Array($0.name.unicodeScalars), $0.name, $0.exponent) }

    /// The power of ten of one `unit` in 元; nil for anything that is not money (`%`, `万人`).
    package static func moneyExponent(of unit: String) -> Int? {
        money.first { TextPatterns.same($0.name, unit) }?.exponent
    }

    /// The money unit printed at `i` in `s`, if any, with its length in scalars.
    package static func money(in s: [Unicode.Scalar], at i: Int) -> (name: String, exponent: Int, length: Int)? {
        for unit in moneyScalars where i >= 0 && i + unit.pattern.count <= s.count {
            if s[i ..< i + unit.pattern.count].elementsEqual(unit.pattern) { return (unit.name, unit.exponent, unit.pattern.count) }
        }
        return nil
    }
}
