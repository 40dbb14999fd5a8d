import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize

/// A row shares its members with its copies until one changes (`NormalizedRow`'s box): these
/// tests hold it to a value's behaviour, a change to one copy never seen by another, whichever
/// member changes and however the change is reached.
@Suite struct NormalizedRowTests {
    /// Each member changed on a copy, directly, inside an array, through `fields` and inside a
    /// cell: the original, and every other copy, keep what they had.
    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        var random = SeededGenerator(state: 5)
        let changes: [(String, (inout NormalizedRow) -> Void)] = [
            ("number", { $0.number += 1 }), ("line", { $0.line += 1 }), ("section", { $0.section = ($0.section ?? "") + "收" }),
            ("group", { $0.group = ($0.group ?? "") + "组" }), ("code", { $0.code = ($0.code ?? "") + "9" }),
            ("codeScheme", { $0.codeScheme = $0.codeScheme == .function ? .economic : .function }),
            ("level", { $0.level = ($0.level ?? 0) + 1 }), ("parent", { $0.parent = ($0.parent ?? "") + "1" }),
            ("item", { $0.item = ($0.item ?? "") + "项" }), ("printedItem", { $0.printedItem = ($0.printedItem ?? "") + "项" }),
            ("itemColumn", { $0.itemColumn = ($0.itemColumn ?? 0) + 1 }), ("itemSource", { $0.itemSource = ($0.itemSource ?? "") + "表" }),
            ("ordinal", { $0.ordinal = ($0.ordinal ?? "") + "一" }), ("isTotal", { $0.isTotal.toggle() }),
            ("cells", { $0.cells.append(NormalizedCell(column: 9, raw: "1", value: .zero, unit: "万元", qualifier: nil, blank: false)) }),
            ("a cell's value", { $0.cells[0].value = ($0.cells[0].value ?? .zero) + ExactDecimal(significand: 1, scale: 2) }),
            ("fields", { $0.fields.item = ($0.fields.item ?? "") + "改" }),
        ]
        for _ in 0..<50 {
            let original = Self.row(using: &random)
            let before = original.fields
            for (member, change) in changes {
                var copy = original
                let other = original
                change(&copy)
                #expect(original.fields == before, "changing \(member) of a copy changed the original")
                #expect(other.fields == before, "changing \(member) of a copy changed another copy")
                #expect(copy != original, "the copy's \(member) did not change")

                var rows = [original, original]
                change(&rows[0])
                #expect(rows[1] == original && rows[0] != original, "changing \(member) in an array changed its neighbour")
            }
        }
    }

    /// A row's JSON is its members', so normalize.json reads and writes as before the box.
    @Test func aRowEncodesAndDecodesAsItsMembers() throws {
        var random = SeededGenerator(state: 6)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for _ in 0..<50 {
            let row = Self.row(using: &random)
            let data = try encoder.encode(row)
            #expect(data == (try encoder.encode(row.fields)))
            #expect(try JSONDecoder().decode(NormalizedRow.self, from: data) == row)
        }
    }

    private static func row(using random: inout SeededGenerator) -> NormalizedRow {
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &random) ? value : nil }
        let cells = (0..<Int.random(in: 1...4, using: &random)).map { column in
            NormalizedCell(column: column, raw: "1,209.02", value: maybe(random.amount()), unit: maybe("万元"),
                           qualifier: maybe("余"), blank: Bool.random(using: &random))
        }
        return NormalizedRow(
            number: Int.random(in: 1...99, using: &random), line: Int.random(in: 1...999, using: &random),
            section: maybe("支出"), group: maybe("收入构成"), code: maybe("20101"), codeScheme: maybe(.function),
            level: maybe(Int.random(in: 0...3, using: &random)), parent: maybe("201"), item: maybe("行政运行"),
            printedItem: maybe("一、行政运行"), itemColumn: maybe(1), itemSource: maybe("dictionary"), ordinal: maybe("一"),
            isTotal: Bool.random(using: &random), cells: cells)
    }
}
