/// An exact decimal amount, as a report prints it: `significand × 10^-scale`.
///
/// Budget figures are reconciled to the last printed digit, so they are never held in binary
/// floating point. The significand is an `Int128` so that aligning scales and summing thousands
/// of amounts of the size `AmountParser` accepts (18 digits before the point, 10 after) cannot
/// overflow; arithmetic that would overflow anyway traps, as `Int` does.
///
/// `scale` is the number of decimals as printed and is kept: `description` prints exactly that
/// many (`54.00`, `1024`, `-0.50`). Equality, ordering and hashing are by value, so
/// `1.5 == 1.50` and both hash alike.
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let significand: Int128
    public let scale: Int

    /// The largest scale: 10^38 is the largest power of ten an `Int128` holds, and aligning or
    /// rounding needs `10^scale`.
    public static let maximumScale = 38

    public static let zero = ExactDecimal(significand: 0, scale: 0)

    public init(significand: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= Self.maximumScale, "ExactDecimal scale \(scale) outside 0...\(Self.maximumScale)")
        self.significand = significand
        self.scale = scale
    }

    /// Plain ASCII text: an optional `-`, digits, and optionally `.` and more digits (`-12.30`,
    /// `7`). No separators, spaces, `+` or exponent: this is the form `description` prints,
    /// for tests and JSON, not report text (that is `AmountParser`'s job).
    public init?(_ plain: String) {
        var utf8 = plain.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var magnitude: Int128 = 0
        var digits = 0
        var decimals: Int?
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard decimals == nil, digits > 0 else { return nil }
                decimals = 0
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.addingReportingOverflow(Int128(byte - UInt8(ascii: "0")))
            guard !overflowA && !overflowB else { return nil }
            magnitude = next
            digits += 1
            if let counted = decimals { decimals = counted + 1 }
        }
        guard digits > 0, decimals != 0, (decimals ?? 0) <= Self.maximumScale else { return nil }
        self.init(significand: negative ? -magnitude : magnitude, scale: decimals ?? 0)
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }

    public var description: String {
        withPlainText { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes `description` spells (ASCII: digits, at most one `.`, a leading `-`), lent to
    /// `body` without making a string: the CSV and JSON writers copy them straight into their
    /// buffers (a string for each amount of checks.csv and facts.csv was ~1 % of a run).
    @inlinable
    public func withPlainText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // The amounts reports print fit in 64 bits: their digits go straight into a buffer; a
        // wider value takes the general path.
        guard significand.magnitude <= UInt128(UInt64.max) else {
            return widePlainText.withUTF8InPlace(body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 22 + scale) { buffer in
            var digits = UInt64(significand.magnitude)
            var end = buffer.count
            var written = 0
            repeat {
                if written == scale, scale > 0 {
                    end -= 1
                    buffer[end] = UInt8(ascii: ".")
                }
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
                written += 1
            } while digits > 0 || written <= scale
            if significand < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: buffer[end...]))
        }
    }

    @usableFromInline
    var widePlainText: String {
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale + 1 - digits.count) + digits : digits
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<point] + "." + padded[point...]
    }

    /// Half of one unit in the last place of a number printed with `scale` decimals (scale 2 →
    /// 0.005; scale −2, a figure in 元 converted from 万元 printed to two decimals → 50): how far
    /// the printed figure may be from the value it was rounded from.
    public static func halfUnit(ofScale scale: Int) -> ExactDecimal {
        scale >= 0 ? ExactDecimal(significand: 5, scale: scale + 1) : ExactDecimal(significand: 5 * powerOfTen(-scale - 1), scale: 0)
    }
}

// MARK: - Arithmetic

extension ExactDecimal {
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (left, right, scale) = aligned(lhs, rhs)
        return ExactDecimal(significand: left + right, scale: scale)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (left, right, scale) = aligned(lhs, rhs)
        return ExactDecimal(significand: left - right, scale: scale)
    }

    public static prefix func - (operand: ExactDecimal) -> ExactDecimal {
        ExactDecimal(significand: -operand.significand, scale: operand.scale)
    }

    /// The exact product; its scale is the sum of the two scales.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        ExactDecimal(significand: lhs.significand * rhs.significand, scale: lhs.scale + rhs.scale)
    }

    public static func * (lhs: ExactDecimal, rhs: Int) -> ExactDecimal {
        ExactDecimal(significand: lhs.significand * Int128(rhs), scale: lhs.scale)
    }

    public static func * (lhs: Int, rhs: ExactDecimal) -> ExactDecimal {
        rhs * lhs
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

    public var abs: ExactDecimal {
        ExactDecimal(significand: significand < 0 ? -significand : significand, scale: scale)
    }

    /// The value with exactly `newScale` decimals, rounded half away from zero (四舍五入, the
    /// convention of Chinese finance: 2.345 → 2.35, -2.345 → -2.35), or padded with zeros.
    public func rounded(toScale newScale: Int) -> ExactDecimal {
        precondition(newScale >= 0 && newScale <= Self.maximumScale, "scale \(newScale) outside 0...\(Self.maximumScale)")
        if newScale >= scale {
            return ExactDecimal(significand: significand * Self.powerOfTen(newScale - scale), scale: newScale)
        }
        let divisor = Self.powerOfTen(scale - newScale)
        let (truncated, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
        var quotient = truncated
        let rest = remainder.magnitude
        // rest ≥ divisor − rest is 2·rest ≥ divisor without overflowing at 10^38.
        if rest >= divisor.magnitude - rest {
            quotient += significand < 0 ? -1 : 1
        }
        return ExactDecimal(significand: quotient, scale: newScale)
    }

    /// `self / divisor` with `scale` decimals, rounded half away from zero; nil if the divisor
    /// is zero. Computed by exact long division, so a percentage such as
    /// `(825.26 * 100).divided(by: 1209.02, scale: 2)` is 68.26 exactly as a person would get it.
    public func divided(by divisor: ExactDecimal, scale newScale: Int) -> ExactDecimal? {
        precondition(newScale >= 0 && newScale <= Self.maximumScale, "scale \(newScale) outside 0...\(Self.maximumScale)")
        guard !divisor.isZero else { return nil }
        // self / divisor × 10^newScale = (a / b) × 10^exponent, with a and b the significands.
        let exponent = newScale + divisor.scale - scale
        let numerator = significand.magnitude
        var denominator = divisor.significand.magnitude
        var quotient: UInt128
        var remainder: UInt128
        if exponent >= 0 {
            (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
            var pending = exponent
            while pending > 0 {
                let step = min(pending, Self.maximumScale)
                let power = Self.powerOfTen(step).magnitude
                // remainder < denominator, so this quotient is < power and fits.
                let (digits, rest) = denominator.dividingFullWidth(remainder.multipliedFullWidth(by: power))
                let (shifted, overflowA) = quotient.multipliedReportingOverflow(by: power)
                let (next, overflowB) = shifted.addingReportingOverflow(digits)
                precondition(!overflowA && !overflowB, "ExactDecimal division overflows")
                quotient = next
                remainder = rest
                pending -= step
            }
        } else if -exponent <= Self.maximumScale {
            let (scaled, overflow) = denominator.multipliedReportingOverflow(by: Self.powerOfTen(-exponent).magnitude)
            if overflow {
                // The denominator exceeds UInt128.max ≥ 2 × numerator: the quotient rounds to 0.
                (quotient, remainder, denominator) = (0, 0, 1)
            } else {
                denominator = scaled
                (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
            }
        } else {
            (quotient, remainder, denominator) = (0, 0, 1)
        }
        if remainder >= denominator - remainder {
            quotient += 1
        }
        precondition(quotient <= Int128.max.magnitude, "ExactDecimal division overflows")
        let negative = (significand < 0) != (divisor.significand < 0)
        return ExactDecimal(significand: negative ? -Int128(quotient) : Int128(quotient), scale: newScale)
    }

    /// The two significands brought to the larger scale.
    private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128, Int) {
        if lhs.scale == rhs.scale { return (lhs.significand, rhs.significand, lhs.scale) }
        if lhs.scale < rhs.scale {
            return (lhs.significand * powerOfTen(rhs.scale - lhs.scale), rhs.significand, rhs.scale)
        }
        return (lhs.significand, rhs.significand * powerOfTen(lhs.scale - rhs.scale), lhs.scale)
    }

    private static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 0..<maximumScale { powers.append(powers.last! * 10) }
        return powers
    }()

    package static func powerOfTen(_ exponent: Int) -> Int128 { powersOfTen[exponent] }
}

// MARK: - Value comparison

extension ExactDecimal {
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { compare(lhs, rhs) == 0 }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { compare(lhs, rhs) < 0 }

    /// Hashes the value with trailing zeros removed, so values that compare equal hash alike.
    public func hash(into hasher: inout Hasher) {
        var reduced = significand
        var reducedScale = scale
        while reducedScale > 0 {
            let (quotient, remainder) = reduced.quotientAndRemainder(dividingBy: 10)
            guard remainder == 0 else { break }
            reduced = quotient
            reducedScale -= 1
        }
        hasher.combine(reduced)
        hasher.combine(reducedScale)
    }

    /// -1, 0 or 1. Aligns the smaller scale up; if that overflows, that side's magnitude is the
    /// larger one and its sign decides.
    private static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let left: Int128
        let right: Int128
        if lhs.scale == rhs.scale {
            (left, right) = (lhs.significand, rhs.significand)
        } else if lhs.scale < rhs.scale {
            let (scaled, overflow) = lhs.significand.multipliedReportingOverflow(by: powerOfTen(rhs.scale - lhs.scale))
            if overflow { return lhs.significand < 0 ? -1 : 1 }
            (left, right) = (scaled, rhs.significand)
        } else {
            let (scaled, overflow) = rhs.significand.multipliedReportingOverflow(by: powerOfTen(lhs.scale - rhs.scale))
            if overflow { return rhs.significand < 0 ? 1 : -1 }
            (left, right) = (lhs.significand, scaled)
        }
        return left < right ? -1 : (left == right ? 0 : 1)
    }
}

// MARK: - Codable

extension ExactDecimal {
    /// A JSON string holding `description` (`"1209.02"`), so the printed precision survives.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a plain decimal such as \"-12.30\"")
        }
        self = value
    }
}
