import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// The rounding bound: half a unit of the last printed digit per figure, never flagging a true
/// identity printed rounded, always flagging a miss beyond it.
@Suite struct ReconcileToleranceTests {
    let one = Tolerance()

    @Test func boundIsHalfAUnitPerFigure() {
        var random = SeededGenerator(state: 4)
        for _ in 0..<500 {
            let terms = Int.random(in: 0...30, using: &random)
            let scale = Int.random(in: 0...6, using: &random)
            let bound = one.bound(precisions: Array(repeating: scale, count: terms + 1))
            #expect(bound == ExactDecimal.halfUnit(ofScale: scale) * (terms + 1))
        }
        #expect(one.bound(precisions: [2, 2, 2]) == ExactDecimal("0.015")!)
        #expect(one.bound(precisions: [0, 2]) == ExactDecimal("0.505")!, "mixed precisions: each its own half unit")
        #expect(one.bound(precisions: []) == .zero)
    }

    @Test func aTrueIdentityPrintedRoundedIsNeverBeyond() {
        var random = SeededGenerator(state: 2024)
        for _ in 0..<2000 {
            let printed = Int.random(in: 0...3, using: &random)
            let terms = (0..<Int.random(in: 1...25, using: &random)).map { _ in random.amount(scale: printed + 3) }
            var total = ExactDecimal.zero
            for term in terms { total += term }
            var sum = ExactDecimal.zero
            for term in terms { sum += term.rounded(toScale: printed) }
            let difference = total.rounded(toScale: printed) - sum
            let bound = one.bound(precisions: Array(repeating: printed, count: terms.count + 1))
            #expect(one.judge(difference: difference, bound: bound) != .beyond, "\(terms) → \(total)")
        }
    }

    @Test func aMissBeyondTheBoundIsBeyondAndExactIsExact() {
        var random = SeededGenerator(state: 7)
        for _ in 0..<1000 {
            let scale = Int.random(in: 0...4, using: &random)
            let figures = Int.random(in: 2...40, using: &random)
            let bound = one.bound(precisions: Array(repeating: scale, count: figures))
            let unit = ExactDecimal(significand: 1, scale: scale + 1)
            #expect(one.judge(difference: bound, bound: bound) == .withinRounding)
            #expect(one.judge(difference: -bound, bound: bound) == .withinRounding)
            #expect(one.judge(difference: bound + unit, bound: bound) == .beyond)
            #expect(one.judge(difference: -(bound + unit), bound: bound) == .beyond)
            #expect(one.judge(difference: ExactDecimal(significand: 0, scale: scale), bound: bound) == .exact)
        }
    }

    @Test func theMultiplierScalesTheBound() {
        var random = SeededGenerator(state: 11)
        for _ in 0..<500 {
            let precisions = (0..<Int.random(in: 1...10, using: &random)).map { _ in Int.random(in: 0...4, using: &random) }
            let multiplier = ExactDecimal(significand: Int128(Int.random(in: 0...300, using: &random)), scale: 2)
            #expect(Tolerance(multiplier: multiplier).bound(precisions: precisions) == one.bound(precisions: precisions) * multiplier)
        }
        let exact = Tolerance(multiplier: .zero)
        #expect(exact.judge(difference: ExactDecimal("0.01")!, bound: exact.bound(precisions: [2, 2])) == .beyond)
    }

    @Test func aPercentOfRoundedAmountsIsNeverBeyond() throws {
        var random = SeededGenerator(state: 99)
        let hundred = ExactDecimal(significand: 100, scale: 0)
        let half = one.bound(precisions: [2])
        for _ in 0..<2000 {
            let whole = random.amount(scale: 6) + ExactDecimal("1")!
            let part = ExactDecimal(significand: whole.significand * Int128(Int.random(in: 0...1000, using: &random)) / 1000, scale: 6)
            let scale = Int.random(in: 0...2, using: &random)
            let truePercent = try #require((part * hundred).divided(by: whole, scale: scale))
            let check = try #require(PercentCheck(printed: truePercent, numerator: part.rounded(toScale: 2), numeratorSlack: half,
                                                  denominator: whole.rounded(toScale: 2), denominatorSlack: half))
            #expect(check.agreement != .beyond, "\(part) / \(whole) printed \(truePercent)")
        }
        let wrong = try #require(PercentCheck(printed: ExactDecimal("68.30")!, numerator: ExactDecimal("825.26")!, numeratorSlack: half,
                                              denominator: ExactDecimal("1209.02")!, denominatorSlack: half))
        #expect(wrong.agreement == .beyond && wrong.expected == ExactDecimal("68.26")!)
    }
}
