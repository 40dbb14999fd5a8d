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
