import Foundation
import Testing
@testable import BudgetCore

/// `ByteBuffer` manages its own memory (malloc, realloc as it grows, memmove to insert, its memory
/// handed to a `Data`): random runs of every operation the writers use, from the smallest
/// capacity so that most appends grow it, must leave exactly the bytes the same operations leave
/// in an array, and what was handed over must stay as it was while the buffer goes on.
@Suite struct ByteBufferTests {
    @Test func operationsLeaveTheBytesAnArrayWould() {
        var generator = SeededGenerator(state: 20_261_203)
        for _ in 0..<500 {
            let buffer = ByteBuffer(capacity: Int.random(in: 0...40, using: &generator))
            var expected: [UInt8] = []
            var taken: [(data: Data, bytes: [UInt8])] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let run = (0..<Int.random(in: 0...70, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                switch Int.random(in: 0...8, using: &generator) {
                case 0:
                    buffer.append(run.first ?? 0)
                    expected.append(run.first ?? 0)
                case 1:
                    run.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
                    expected += run
                case 2:
                    buffer.append(contentsOf: run)
                    expected += run
                case 3:
                    let text = String(decoding: run.filter { $0 < 0x80 }, as: UTF8.self) + "单位：万元"
                    buffer.append(contentsOf: text.utf8)
                    expected += Array(text.utf8)
                case 4:
                    buffer.append("&quot;")
                    expected += Array("&quot;".utf8)
                case 5:
                    let index = Int.random(in: 0...expected.count, using: &generator)
                    buffer.insert(0x0A, at: index)
                    expected.insert(0x0A, at: index)
                case 6:
                    let start = Int.random(in: 0...expected.count, using: &generator)
                    buffer.reverse(from: start)
                    expected[start...].reverse()
                case 7:
                    if Int.random(in: 0...5, using: &generator) == 0 {
                        buffer.removeAll()
                        expected.removeAll()
                    }
                default:
                    if Int.random(in: 0...3, using: &generator) == 0 {
                        taken.append((buffer.takeData(), expected))
                        expected.removeAll()
                    }
                }
                #expect(buffer.count == expected.count)
            }
            #expect(buffer.array == expected)
            buffer.withUnsafeBufferPointer { #expect(Array($0) == expected) }
            for (data, bytes) in taken { #expect(Array(data) == bytes) }
            #expect(Array(buffer.takeData()) == expected)
            #expect(buffer.count == 0)
        }
    }
}
