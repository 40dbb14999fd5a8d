import Testing
@testable import BudgetCore

/// `Bytes` compares and searches through `memcmp` and `memchr`, with pointer arithmetic around
/// them: each operation is held here to the plain array answer on random buffers over a small
/// alphabet (so matches, near-matches and repeated first bytes are common), empty ones and ones
/// shorter than the pattern included, and on buffers cut out of a larger one (a slice's base is
/// not the array's).
@Suite struct BytesTests {
    private func randomBytes(_ generator: inout SeededGenerator, upTo length: Int) -> [UInt8] {
        (0..<Int.random(in: 0...length, using: &generator)).map { _ in UInt8.random(in: 0x61...0x63, using: &generator) }
    }

    private func naivelyOccurs(_ pattern: [UInt8], in haystack: [UInt8]) -> Bool {
        if pattern.isEmpty { return true }
        guard haystack.count >= pattern.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { Array(haystack[$0..<($0 + pattern.count)]) == pattern }
    }

    @Test func operationsAgreeWithArrays() {
        var generator = SeededGenerator(state: 20_261_203)
        for _ in 0..<5_000 {
            let whole = randomBytes(&generator, upTo: 24)
            let start = Int.random(in: 0...whole.count, using: &generator)
            let haystack = Array(whole[start...])
            let pattern = randomBytes(&generator, upTo: 4)
            let byte = UInt8.random(in: 0x61...0x64, using: &generator)
            whole.withUnsafeBufferPointer { wholeBuffer in
                pattern.withUnsafeBufferPointer { patternBuffer in
                    let buffer = UnsafeBufferPointer(rebasing: wholeBuffer[start...])
                    #expect(Bytes.occurs(patternBuffer, in: buffer) == naivelyOccurs(pattern, in: haystack), "\(haystack) \(pattern)")
                    #expect(Bytes.equal(buffer, patternBuffer) == (haystack == pattern))
                    #expect(Bytes.hasPrefix(buffer, patternBuffer) == haystack.starts(with: pattern))
                    #expect(Bytes.hasSuffix(buffer, patternBuffer) == haystack.reversed().starts(with: pattern.reversed()))
                    #expect(Bytes.contains(buffer, byte) == haystack.contains(byte))
                }
            }
        }
    }

    @Test func stringsAndSubstringsAreSearchedByTheirUTF8() {
        let text = "单位：万元\t合计"
        #expect(Bytes.contains(text, 0x09))
        #expect(!Bytes.contains(text, 0x3A))
        #expect(Bytes.contains(text.dropLast(2), 0x09))
        #expect(!Bytes.contains(text.prefix(5), 0x09))
        #expect(!Bytes.contains("", 0x00))
        #expect(TextPatterns.contains(text, "：") && !TextPatterns.contains(text, ":"))
        #expect(TextPatterns.keyValue("单位：万元", keys: ["单位"])?.value == "万元")
        #expect(TextPatterns.keyValue("单位:万元", keys: ["单位"])?.value == "万元")
        #expect(TextPatterns.keyValue("单位 万元", keys: ["单位"]) == nil)
    }
}

/// `SpecialBytes` finds a writer's special bytes eight at a time with bit tricks that must never
/// miss one nor report a false one: held to a byte-by-byte search on random buffers that mix
/// Chinese text (no special byte in a whole word), ASCII and the special bytes themselves, at
/// every start and alignment, for each set the writers use.
@Suite struct SpecialBytesTests {
    private let sets: [(SpecialBytes, @Sendable (UInt8) -> Bool)] = [
        (SpecialBytes(UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A), { [0x2C, 0x22, 0x0D, 0x0A].contains($0) }),
        (SpecialBytes(below: 0x20, 0x22, 0x5C), { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }),
        (SpecialBytes(below: 0x0E, 0x3C, 0x3E, 0x26, 0x22), { $0 < 0x0E || [0x3C, 0x3E, 0x26, 0x22].contains($0) }),
        (SpecialBytes(UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">")), { [0x26, 0x3C, 0x3E].contains($0) }),
        (SpecialBytes(below: 0x80, 0x00), { $0 < 0x80 }),
    ]

    @Test func theFirstSpecialByteIsTheOneAByteLoopFinds() {
        var generator = SeededGenerator(state: 8)
        let chinese = Array("单位：万元，合计一般公共预算".utf8)
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                switch Int.random(in: 0...3, using: &generator) {
                case 0: bytes += chinese[0..<Int.random(in: 0...chinese.count, using: &generator)]
                case 1: bytes.append(UInt8.random(in: 0...0x7F, using: &generator))
                case 2: bytes.append([0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x26, 0x2C, 0x3C, 0x3E, 0x5C, 0x7F, 0x80, 0xFF]
                    .randomElement(using: &generator)!)
                default: bytes += (0..<Int.random(in: 0...9, using: &generator)).map { _ in UInt8.random(in: 0x30...0x39, using: &generator) }
                }
            }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            for (set, isSpecial) in sets {
                let expected = bytes[start...].firstIndex(where: isSpecial) ?? bytes.count
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(set.firstIndex(in: buffer, from: start) == expected, "\(bytes) from \(start)")
                }
                for byte in UInt8.min...UInt8.max { #expect(set.contains(byte) == isSpecial(byte)) }
            }
        }
    }
}
