import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize

/// A column's role comes from its header path first (`table-words.json`: 编码 → code; 金额, 合计,
/// 项目支出 … → amount); its cells decide only where no header word matches, and a header whose
/// cells look otherwise keeps its role with a diagnostic.
@Suite struct ColumnRoleTests {
    /// A small unit budget in the layout of `Tests/Fixtures/minimal-consistent`: 表3 whose 项目支出
    /// column prints whole amounts without decimals (`380`), and a project's form whose 项目采购
    /// grid prints its 金额 as three-digit integers (`254`, `136`, `194`).
    static let text = """
        临江市商务局会展服务中心 2025 年单位预算

        表3

        支出总表

        单位：临江市商务局会展服务中心

        单位：万元

        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \t合计\t792.36\t412.36\t380
        201\t一般公共服务支出\t792.36\t412.36\t380
        20113\t商贸事务\t792.36\t412.36\t380
        2011350\t事业运行\t412.36\t412.36\t
        2011399\t其他商贸事务支出\t380\t\t380

        项目支出绩效目标表

        单位：万元

        项目名称\t展会服务保障\t项目编码\t
        项目总预算\t584.00\t项目当年预算\t584.00
        项目采购\t\t\t
        品名\t数量\t金额\t
        展位搭建服务\t1\t254\t
        会场租赁\t2\t136\t
        安保服务\t1\t194\t

        """

    static let run: StagesRun = try! StagesRun(text: text)

    static func table(where matches: (NormalizedTable) -> Bool) throws -> NormalizedTable {
        let found = run.normalized.tables.first(where: matches)
        return try #require(found)
    }

    static func column(_ table: NormalizedTable, _ header: String) throws -> NormalizedColumn {
        try #require(table.columns.first { $0.path.last == header })
    }

    @Test func threeDigitWholeAmountsUnderAnAmountHeaderAreAmounts() throws {
        let table3 = try Self.table { $0.id == "3" }
        #expect(try Self.column(table3, "科目编码").role == .code)
        let projects = try Self.column(table3, "项目支出")
        #expect(projects.role == .amount)
        // Every printed 380 is an amount cell with its value, and the row keeps its code.
        let coded = table3.rows.filter { $0.code != nil }
        #expect(coded.map(\.code) == ["201", "20113", "2011350", "2011399"])
        var seen = 0
        for row in table3.rows {
            guard let cell = row.cells.first(where: { $0.column == projects.index && !$0.blank }) else { continue }
            #expect(cell.raw == "380")
            #expect(cell.value == ExactDecimal("380"))
            #expect(cell.unit == "万元")
            seen += 1
        }
        #expect(seen == 4)
        let other = try #require(table3.rows.first { $0.code == "2011399" })
        #expect(other.item == "其他商贸事务支出")
        let total = try Self.column(table3, "合计").index
        #expect(other.cells.first { $0.column == total }?.value == ExactDecimal("380"))

        let purchases = try Self.table { table in table.columns.contains { $0.path.last == "品名" } }
        let amount = try Self.column(purchases, "金额")
        #expect(amount.role == .amount)
        #expect(try Self.column(purchases, "数量").role == .amount)
        let values = purchases.rows.compactMap { row in row.cells.first { $0.column == amount.index }?.value }
        #expect(values == ["254", "136", "194"].map { ExactDecimal($0)! })
        #expect(purchases.rows.allSatisfy { $0.code == nil })

        // The amounts are facts.
        let facts = String(decoding: FactsCSV.write(reportID: "r", metadata: Self.run.normalized.metadata,
                                                   tables: Self.run.normalized.tables, byteOrderMark: false).data,
                           as: UTF8.self)
        for value in ["254", "136", "194"] {
            #expect(facts.contains(",金额,\(value),\(value),"), "fact \(value)")
        }
        #expect(facts.components(separatedBy: ",项目支出,380,380,").count - 1 == 4)
    }

    @Test func headerWordsNameRoles() {
        let words = ColumnHeaderWords.standard
        #expect(words.role(of: ["科目编码"]) == .code)
        #expect(words.role(of: ["部门预算支出经济分类科目", "科目编码"]) == .code)
        #expect(words.role(of: ["金额（万元）"]) == .amount)
        #expect(words.role(of: ["金额#2"]) == .amount)
        #expect(words.role(of: ["基本支出", "人员经费"]) == .amount)
        #expect(words.role(of: ["近两年收支金额", "2023年"]) == .amount)
        #expect(words.role(of: ["因公出国（境）费"]) == .amount)
        #expect(words.role(of: ["数量"]) == .count)
        #expect(words.role(of: ["占比"]) == .percent)
        // Text headers and headers no list knows leave the role to the cells.
        #expect(words.role(of: ["支出经济分类"]) == nil)
        #expect(words.role(of: ["项目资金来源"]) == nil)
        #expect(words.role(of: ["指标值", "前年"]) == nil)
        #expect(words.role(of: ["批次"]) == nil)
        // An amount word must end the header, not merely occur in it.
        #expect(words.role(of: ["金额说明"]) == nil)
    }

    /// A header's stem: without the `#n` that tells repeats apart (digits only) and without
    /// bracketed units or notes at its end (either width, several, spaces trimmed), but never
    /// emptied by a header that is all brackets.
    @Test(arguments: [
        ("金额（万元）", "金额"), (" 金额 （万元） (注) ", "金额"), ("金额#2", "金额"), ("金额#12", "金额"), ("金额#a", "金额#a"),
        ("金额#", "金额#"), ("金额#２", "金额#２"), ("（万元）", "（万元）"), ("因公出国（境）费", "因公出国（境）费"),
        ("合计（万元）#2", "合计"), ("人数(人)", "人数"), ("#3", ""), ("", ""),
        // Headers read as they are (no `#`, no closing bracket last, no spaces around).
        ("金额", "金额"), ("（万元）金额", "（万元）金额"), ("金额（", "金额（"), ("金额）", "金额）"), ("金额\u{3000}", "金额"),
        ("\u{A0}金额", "金额"), ("金额\t", "金额"),
    ])
    func headerStems(header: String, stem: String) {
        #expect(ColumnHeaderWords.stem(header) == stem)
    }

    @Test func aColumnWithAnUnknownHeaderIsStillDecidedByItsCells() throws {
        let text = """
            表3
            支出总表
            科目编码\t科目名称\t合计\t批次\t序号
            201\t一般公共服务支出\t12.50\t3.25\t2011350
            208\t社会保障和就业支出\t4.00\t1.75\t2080505

            """
        let table3 = try #require(try StagesRun(text: text).normalized.tables.first { $0.id == "3" })
        #expect(try Self.column(table3, "批次").role == .amount)
        #expect(try Self.column(table3, "序号").role == .code)
        #expect(table3.rows.map(\.code) == ["201", "208"])
    }

    @Test func aHeaderAndCellsThatDisagreeMakeADiagnostic() throws {
        let diagnostics = Self.run.normalized.diagnostics.filter { $0.message.contains("the header names amounts") }
        let table3 = try Self.table { $0.id == "3" }
        let purchases = try Self.table { table in table.columns.contains { $0.path.last == "品名" } }
        let projects = try #require(diagnostics.first { $0.table == "3" })
        #expect(projects.column == "项目支出")
        #expect(projects.text == "380, 380, 380 …")
        #expect(projects.message == "table 3, column 项目支出: the header names amounts but 4 of 4 filled cells look like codes (380, 380, 380 …); kept as amount")
        #expect(try Self.column(table3, "项目支出").role == .amount)
        let amount = try #require(diagnostics.first { $0.table == purchases.id })
        #expect(amount.column == "金额")
        #expect(amount.message.contains("3 of 3 filled cells look like codes (254, 136, 194); kept as amount"))
        // 合计 and 基本支出 print decimals: no disagreement; nor does a count column of small numbers.
        #expect(diagnostics.count == 2)

        // The other way round: a code header over amounts keeps the code role.
        let text = """
            表3
            支出总表
            科目编码\t科目名称\t合计
            12.50\t一般公共服务支出\t12.50
            4.00\t社会保障和就业支出\t4.00

            """
        let report = try StagesRun(text: text).normalized
        let codes = try #require(report.tables.first { $0.id == "3" })
        #expect(try Self.column(codes, "科目编码").role == .code)
        let diagnostic = try #require(report.diagnostics.first { $0.message.contains("the header names codes") })
        #expect(diagnostic.column == "科目编码")
        #expect(diagnostic.message.hasSuffix("2 of 2 filled cells are amounts, not codes (12.50, 4.00); kept as code"))
    }

    /// A report in the sample's layout whose amounts are all three-digit integers (`254`), as
    /// codes are: 表3's 合计, 基本支出 and 项目支出, the project form's 项目总预算 and 项目当年预算,
    /// and its 项目支出明细测算 and 项目采购 grids' 金额 (beside an empty 备注). Returns the text and
    /// every amount printed, as (table, code or label, column, printed text).
    static func threeDigitReport(seed: UInt64) -> (text: String, amounts: [(table: String, row: String, column: String, raw: String)]) {
        var random = SeededGenerator(state: seed)
        func amount() -> String { String(Int.random(in: 100...999, using: &random)) }
        var amounts: [(table: String, row: String, column: String, raw: String)] = []
        var lines = ["临江市商务局会展服务中心 2025 年单位预算", "", "表3", "", "支出总表", "", "单位：万元", "",
                     "科目编码\t科目名称\t合计\t基本支出\t项目支出"]
        let rows = [("", "合计"), ("201", "一般公共服务支出"), ("20113", "商贸事务"), ("2011350", "事业运行"), ("2011399", "其他商贸事务支出")]
        for (code, name) in rows {
            var cells = [code, name]
            for column in ["合计", "基本支出", "项目支出"] {
                // Some cells blank, as a report leaves a column it has nothing in.
                guard Int.random(in: 0..<5, using: &random) > 0 else { cells.append(""); continue }
                let printed = amount()
                cells.append(printed)
                amounts.append(("3", code.isEmpty ? name : code, column, printed))
            }
            lines.append(cells.joined(separator: "\t"))
        }
        let budget = amount()
        lines += ["", "表12", "", "项目支出绩效目标表", "", "单位：万元", "", "项目名称\t展会服务保障\t项目编码\t",
                  "项目总预算\t\(budget)\t项目当年预算\t\(budget)"]
        amounts += [("12", "项目总预算", FactsCSV.fieldColumn, budget), ("12", "项目当年预算", FactsCSV.fieldColumn, budget)]
        let activities = ["展位搭建服务", "会场租赁", "安保服务", "宣传印刷"].prefix(Int.random(in: 2...4, using: &random))
        lines += ["项目支出明细测算\t\t\t\t\t", "项目活动\t活动内容表述\t支出经济分类\t金额\t测算依据及说明\t备注"]
        var purchases: [(String, String)] = []
        for activity in activities {
            let printed = amount()
            lines.append("\(activity)\t\(activity)\t委托业务费\t\(printed)\t根据合同约定及市场价格测算。\t")
            amounts.append(("12.1", activity, "金额", printed))
            purchases.append((activity, printed))
        }
        lines += ["项目采购\t\t\t", "品名\t数量\t金额\t"]
        for (activity, printed) in purchases {
            lines.append("\(activity)\t1\t\(printed)\t")
            amounts += [("12.2", activity, "数量", "1"), ("12.2", activity, "金额", printed)]
        }
        return ((lines + ["", ""]).joined(separator: "\n"), amounts)
    }

    /// Reports generated from 25 seeds whose amount columns hold only three-digit integers: every
    /// amount printed is a fact (by table, code or label, column and printed text), and there is
    /// no other fact.
    @Test(arguments: 1...25 as ClosedRange<UInt64>)
    func everyThreeDigitAmountIsAFact(seed: UInt64) throws {
        let (text, amounts) = Self.threeDigitReport(seed: seed)
        let run = try StagesRun(text: text)
        let csv = FactsCSV.write(reportID: "r", metadata: run.normalized.metadata, tables: run.normalized.tables, byteOrderMark: false)
        let facts = CSVTestReader.rows(csv.data)
        func key(_ table: String, _ row: String, _ column: String, _ raw: String) -> String { [table, row, column, raw].joined(separator: "|") }
        let written = facts.map { key($0["table_id"]!, $0["code"]!.isEmpty ? $0["item"]! : $0["code"]!, $0["column"]!, $0["raw"]!) }
        let printed = amounts.map { key($0.table, $0.row, $0.column, $0.raw) }
        #expect(written.sorted() == printed.sorted(), "seed \(seed)")
        #expect(facts.allSatisfy { ExactDecimal($0["value"]!) == ExactDecimal($0["raw"]!) })
    }
}
