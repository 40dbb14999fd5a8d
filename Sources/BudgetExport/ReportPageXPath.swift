/// The few XPath 1.0 conversions `render.xsl` relies on, as libxslt computes them, so the Swift
/// page compares and prints numbers as the stylesheet does.
enum ReportPageXPath {
    /// `number(string)`: optional whitespace, an optional `-`, digits with at most one `.`
    /// (at least one digit), optional whitespace; anything else is NaN.
    static func number(_ string: String?) -> Double {
        guard let string else { return .nan }
        return string.withUTF8InPlace { utf8 in
            var start = 0
            var end = utf8.count
            while start < end && isSpace(utf8[start]) { start += 1 }
            while end > start && isSpace(utf8[end - 1]) { end -= 1 }
            var digits = 0
            var dots = 0
            // Integers (nearly every number of a record) are added up here, exactly below 2^53.
            var integer = 0.0
            for index in start..<end {
                switch utf8[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                    integer = integer * 10 + Double(utf8[index] - UInt8(ascii: "0"))
                case UInt8(ascii: "."): dots += 1
                case UInt8(ascii: "-") where index == start: continue
                default: return .nan
                }
            }
            guard digits > 0, dots <= 1 else { return .nan }
            if dots == 0 && digits <= 15 { return utf8[start] == UInt8(ascii: "-") ? -integer : integer }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)) ?? .nan
        }
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
