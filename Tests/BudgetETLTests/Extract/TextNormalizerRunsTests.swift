import Foundation
import Testing
@testable import BudgetExtract

/// `TextNormalizer` copies the bytes it keeps a run at a time; this holds it to the rules applied
/// one character at a time (the oracle below, written as the rules read), on random bytes biased
/// towards line ends, controls, C1 controls and UTF-8 of every length, valid and not.
@Suite struct TextNormalizerRunsTests {
    private struct Result: Equatable {
        var utf8: [UInt8] = []
        var counts = [0, 0, 0, 0]
        var removed: [UInt32: Int] = [:]
        var invalidAt: Int?
    }

    private func oracle(_ input: [UInt8]) -> Result {
        var result = Result()
        var index = 0
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x0A: result.counts[0] += 1; result.utf8.append(0x0A)
            case 0x0D:
                if index + 1 < input.count && input[index + 1] == 0x0A {
                    result.counts[1] += 1
                    index += 1
                } else {
                    result.counts[2] += 1
                }
                result.utf8.append(0x0A)
            case 0x0C: result.counts[3] += 1; result.utf8.append(0x0C)
            case 0x09, 0x20..<0x7F: result.utf8.append(byte)
            case 0x00..<0x80: result.removed[UInt32(byte), default: 0] += 1
            default:
                // One scalar decoded by the standard library's own UTF-8 validation.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(index + length, input.count)
                let scalars = String(validating: input[index..<end], as: UTF8.self)?.unicodeScalars
                guard byte >= 0xC2, end - index == length, let scalar = scalars?.first, scalars?.count == 1 else {
                    return Result(invalidAt: index)
                }
                if (0x80..<0xA0).contains(scalar.value) {
                    result.removed[scalar.value, default: 0] += 1
                } else {
                    result.utf8.append(contentsOf: input[index..<end])
                }
                index = end - 1
            }
            index += 1
        }
        return result
    }

    private func normalized(_ input: [UInt8]) -> Result {
        do {
            let text = try input.withUnsafeBufferPointer { buffer throws(TextNormalizer.InvalidUTF8) in
                try TextNormalizer.normalize(utf8: buffer)
            }
            return Result(utf8: text.utf8,
                          counts: [text.lineFeeds, text.carriageReturnLineFeeds, text.carriageReturns, text.formFeeds],
                          removed: text.removed)
        } catch {
            return Result(invalidAt: error.offset)
        }
    }

    @Test func runsGiveWhatTheRulesGiveCharacterByCharacter() {
        var random = SeededGenerator(state: 47)
        let pieces: [[UInt8]] = [
            [0x0A], [0x0D], [0x0D, 0x0A], [0x0C], [0x09], [0x00], [0x1B], [0x7F], Array("ab 1,209.02".utf8),
            Array("收入总计".utf8), [0xC2, 0x85], [0xC2, 0xA0], [0xC3, 0xA9], Array("😀".utf8), [0xE4, 0xB8], [0xED, 0xA0, 0x80],
            [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF], Array("（１）".utf8), [0xEF, 0xBC], [0xEE, 0x80, 0x80],
            [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF],
        ]
        var invalid = 0
        for _ in 0..<4000 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<24, using: &random) {
                if Int.random(in: 0..<10, using: &random) == 0 {
                    input.append(UInt8.random(in: 0...255, using: &random))
                } else {
                    input += pieces.randomElement(using: &random)!
                }
            }
            let expected = oracle(input)
            if expected.invalidAt != nil { invalid += 1 }
            #expect(normalized(input) == expected, "\(input)")
        }
        // Both kinds of input were drawn, plenty of each.
        #expect(invalid > 400 && invalid < 3600)
    }
}
