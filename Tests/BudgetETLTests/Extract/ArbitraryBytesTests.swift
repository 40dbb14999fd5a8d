import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExtract

/// Whatever bytes arrive, extract either returns valid text or a `ReportError` pointing inside
/// the input: it never crashes, and what it returns is what the rules say.
@Suite struct ArbitraryBytesTests {
    @Test func randomBytesDecodeOrFailWithAnOffsetInside() {
        var random = SeededGenerator(state: 2024)
        // Biased towards the bytes that matter: ASCII, CR/LF, controls, UTF-8 and GB18030 leads.
        let interesting: [UInt8] = [0x0A, 0x0D, 0x00, 0x0C, 0x09, 0x41, 0xE4, 0xB8, 0x80, 0xC2, 0x85, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0x81, 0x30]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<64, using: &random)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &random) ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            let data = Data(bytes)
            do {
                let result = try TextExtractor(options: ExtractOptions(), file: "fuzz").extract(data)
                #expect(!result.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\u{0C}" })
                #expect(!result.text.contains("\r"))
                #expect(result.info.source.size == data.count)
            } catch {
                if let offset = error.byteOffset {
                    #expect(offset >= 0 && offset <= data.count, "offset \(offset) outside \(bytes)")
                }
                #expect(error.line ?? 1 >= 1)
            }
        }
    }
}
