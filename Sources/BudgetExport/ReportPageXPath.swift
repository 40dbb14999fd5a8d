/// The few XPath 1.0 conversions `render.xsl` relies on, as libxslt computes them, so the Swift
/// page compares and prints numbers as the stylesheet does.
enum ReportPageXPath {
    /// `number(string)`: optional whitespace, an optional `-`, digits with at most one `.`
    /// (at least one digit), optional whitespace; anything else is NaN.
    static func number(_ string: String?) -> Double {
        guard let string else { return .nan }
        let trimmed = string.utf8.drop { isSpace($0) }.reversed().drop { isSpace($0) }.reversed()
        var digits = 0
        var dots = 0
        for (offset, byte) in trimmed.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where offset == 0: continue
            default: return .nan
            }
        }
        guard digits > 0, dots <= 1 else { return .nan }
        return Double(String(decoding: trimmed, as: UTF8.self)) ?? .nan
    }

    /// `string(number)` for the numbers the page prints and compares: counts, sums of counts,
    /// columns plus positions (the record writes all of these as integers). NaN and the
    /// infinities as XPath spells them; a fraction (never reached from a record the writer
    /// wrote) in the shortest form that reads back the same.
    static func string(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
