@testable import BudgetCore

/// A small deterministic generator (SplitMix64) for the property tests, so a failing case can
/// be reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A text of up to `maxPieces` of `pieces`, each drawn at random: the property tests' inputs,
    /// built from the characters a byte-level reading could confuse.
    mutating func text(from pieces: [String], maxPieces: Int) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &self)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &self)] }.joined()
    }

    /// An amount `AmountParser` could accept: up to 18 digits before the point, 0–10 after.
    mutating func amount() -> ExactDecimal {
        let integerDigits = Int.random(in: 0...18, using: &self)
        let scale = Int.random(in: 0...10, using: &self)
        let integer = Int128(UInt64.random(in: 0..<UInt64(ExactDecimal.powerOfTen(integerDigits)), using: &self))
        let fraction = Int128(UInt64.random(in: 0..<UInt64(ExactDecimal.powerOfTen(scale)), using: &self))
        let magnitude = integer * ExactDecimal.powerOfTen(scale) + fraction
        return ExactDecimal(significand: Bool.random(using: &self) ? -magnitude : magnitude, scale: scale)
    }

    /// A non-negative amount with `scale` decimals, below 10^8.
    mutating func amount(scale: Int) -> ExactDecimal {
        ExactDecimal(significand: Int128(UInt64.random(in: 0..<(100_000_000 * UInt64(ExactDecimal.powerOfTen(scale))), using: &self)),
                     scale: scale)
    }
}
