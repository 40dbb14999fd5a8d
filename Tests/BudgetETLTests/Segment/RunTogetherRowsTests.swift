import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetSegment

/// Two rows of a coded table an extractor printed on one line (issue 16): each is a row of its
/// own, in space-aligned and in tab-separated text alike.
@Suite struct RunTogetherRowsTests {
    /// Runs at the places given (pdftotext's grid counts characters).
    static func at(_ runs: [(Int, String)]) -> String {
        runs.reduce(into: "") { line, run in line += String(repeating: " ", count: max(1, run.0 - line.count)) + run.1 }
    }

    static func table(_ lines: [String]) throws -> SegmentedTable {
        try #require(Segmenter(kinds: .standard, options: SegmentOptions()).segment(lines.joined(separator: "\n") + "\n").tables.first)
    }

    static let expected: [[String]] = [
        ["201", "一般公共服务支出", "1,200.00", "1,000.00", "200.00"],
        ["20101", "人大事务", "1,200.00", "1,000.00", "200.00"],
        ["2010101", "行政运行", "1,000.00", "1,000.00"],
        ["2010102", "一般行政管理事务", "200.00", "", "200.00"],
    ]

    /// `2010101 行政运行 1,000.00 1,000.00` and `2010102 一般行政管理事务 200.00 0.00 200.00` on one
    /// line of `pdftotext -layout` text: two rows. The second's runs stand where the first's
    /// leave room, not under their labels, so they are read as printed, in order.
    @Test func twoRowsOnOneAlignedLineAreTwoRows() throws {
        let table = try Self.table([
            "                  一般公共预算支出功能分类预算表",
            Self.at([(60, "单位：元")]),
            Self.at([(2, "功能分类科目编码"), (20, "功能分类科目名称"), (42, "合计"), (54, "基本支出"), (66, "项目支出")]),
            Self.at([(2, "201"), (20, "一般公共服务支出"), (38, "1,200.00"), (52, "1,000.00"), (66, "200.00")]),
            Self.at([(2, "20101"), (20, "人大事务"), (38, "1,200.00"), (52, "1,000.00"), (66, "200.00")]),
            Self.at([(2, "2010101"), (20, "行政运行"), (38, "1,000.00"), (52, "1,000.00"), (76, "2010102"), (86, "一般行政管理事务"),
                     (104, "200.00"), (112, "0.00"), (118, "200.00")]),
            Self.at([(20, "合计"), (38, "1,200.00"), (52, "1,000.00"), (66, "200.00")]),
        ])
        #expect(table.kind == "general-budget-expenditure-by-function")
        let rows = AlignedTablesTests.cells(table)
        #expect(Array(rows.prefix(3)) == Array(Self.expected.prefix(3)))
        #expect(rows[3] == ["2010102", "一般行政管理事务", "200.00", "0.00", "200.00"])
        #expect(table.rows[2].line == table.rows[3].line)
        #expect(rows.count == 5)
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics) \(rows)")
    }

    /// The same in tab-separated text: the line's cells from the second code on are its second row.
    @Test func twoRowsOnOneTabbedLineAreTwoRows() throws {
        let table = try Self.table([
            "一般公共预算支出功能分类预算表",
            "单位：元",
            "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "201\t一般公共服务支出\t1,200.00\t1,000.00\t200.00",
            "20101\t人大事务\t1,200.00\t1,000.00\t200.00",
            "2010101\t行政运行\t1,000.00\t1,000.00\t\t2010102\t一般行政管理事务\t200.00\t\t200.00",
            "\t合计\t1,200.00\t1,000.00\t200.00",
        ])
        let rows = AlignedTablesTests.cells(table)
        #expect(Array(rows.prefix(4)) == Self.expected)
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    }

    /// One row is left alone: a code among its amounts is not a second row unless a name follows
    /// it, and a row's code parts (`201 | 05 | 07`) come before any amount.
    @Test func aLineOfOneRowIsNotSplit() {
        #expect(RunTogetherRows.secondRow(in: ["2010101", "行政运行", "1,000.00", "380"]) == nil)
        #expect(RunTogetherRows.secondRow(in: ["201", "05", "07", "统计信息事务", "12.00"]) == nil)
        #expect(RunTogetherRows.secondRow(in: ["合计", "12.00", "2010101", "行政运行"]) == nil)
        #expect(RunTogetherRows.secondRow(in: ["201", "一般公共服务支出", "12.00", "", "202", "外交支出", "3.00"]) == 4)
    }
}
