import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport

/// `facts.csv` on the sample report, checked against the printed text.
@Suite struct ExportFactsCSVTests {
    static let rows = CSVTestReader.rows(ExportFixtures.file(FactsCSV.fileName))

    func fact(table: String, line: Int, column: String) throws -> [String: String] {
        try #require(Self.rows.first { $0["table_id"] == table && $0["source_line"] == String(line) && $0["column"] == column })
    }

    /// Expects the fact of `table`'s cell in `column` on `line` to hold each of `fields` (CSV
    /// column → text), so each test lists only what the printed line shows.
    func expectFact(table: String, line: Int, column: String, _ fields: KeyValuePairs<String, String>,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fact = try fact(table: table, line: line, column: column)
        for (name, value) in fields {
            #expect(fact[name] == value, "\(name)", sourceLocation: sourceLocation)
        }
    }

    @Test func headerIsTheContractsColumnsInOrder() {
        let header = CSVTestReader.records(ExportFixtures.file(FactsCSV.fileName))[0]
        #expect(header == ["report_id", "table_id", "table_title", "section", "row", "code", "item", "column",
                           "raw", "value", "unit", "source_line",
                           "fiscal_year", "unit_name", "report_kind", "table_kind", "group", "code_scheme", "level",
                           "parent_code", "is_total", "phase", "page"])
    }

    /// 255 facts: every cell of an amount column that holds a value, in the 13 tables and form
    /// grids that have such cells (5-1: 65, 6: 53, 3: 41, 11.1: 24, 5-2: 15, 12.2: 13, 12.3: 10,
    /// 1: 8, 4: 8, 10: 8, 7: 4, 11.2: 2, 12.1: 2), and the project form's two numeric fields (12: 2).
    @Test func holdsEveryNumericCellAndFieldOfEveryTable() {
        #expect(Self.rows.count == 255)
        var expected = 0
        for table in SampleReport.normalized.tables {
            let amounts = Set(table.columns.filter { $0.role == .amount }.map(\.index))
            expected += table.rows.reduce(0) { $0 + $1.cells.filter { amounts.contains($0.column) && $0.value != nil }.count }
            expected += table.fields.filter { $0.amount != nil }.count
        }
        #expect(Self.rows.count == expected)
        var perTable: [String: Int] = [:]
        for row in Self.rows { perTable[row["table_id"]!, default: 0] += 1 }
        #expect(perTable == ["5-1": 65, "6": 53, "3": 41, "11.1": 24, "5-2": 15, "12.2": 13, "12.3": 10,
                             "1": 8, "4": 8, "10": 8, "7": 4, "11.2": 2, "12.1": 2, "12": 2])
    }

    /// Line 93: `一、一般公共预算拨款收入	1,209.02	一、一般公共服务支出	` (the 支出 side is blank).
    @Test func pairedTableIncomeSide() throws {
        try expectFact(table: "1", line: 93, column: "收入 / 预算数", [
            "section": "收入", "row": "1", "item": "一般公共预算拨款收入", "raw": "1,209.02", "value": "1209.02", "unit": "万元",
            "report_id": ExportFixtures.reportID,
        ])
        #expect(!Self.rows.contains { $0["table_id"] == "1" && $0["source_line"] == "93" && $0["section"] == "支出" })
    }

    /// Line 98: `六、事业单位经营收入		六、社会保障和就业支出	1,024.00`.
    @Test func pairedTableExpenditureSide() throws {
        try expectFact(table: "1", line: 98, column: "支出 / 预算数", ["section": "支出", "item": "社会保障和就业支出", "value": "1024.00"])
    }

    /// Line 213: `2080505	机关事业单位基本养老保险缴费支	54.00	54.00	54.00		` (label cut short by the PDF).
    @Test func codedRowWithHeaderPathAndRepairedLabel() throws {
        try expectFact(table: "5-1", line: 213, column: "基本支出 / 人员经费", [
            "code": "2080505", "item": "机关事业单位基本养老保险缴费支出", "raw": "54.00", "value": "54.00",
            "table_title": "一般公共预算支出表（分功能科目）",
        ])
        #expect(!Self.rows.contains { $0["table_id"] == "5-1" && $0["source_line"] == "213" && $0["column"] == "基本支出 / 公用经费" },
                "a blank cell is not a fact")
    }

    /// Line 271: `30217	公务接待费	0.20		0.20`.
    @Test func economicClassificationRow() throws {
        try expectFact(table: "6", line: 271, column: "本年一般公共预算基本支出 / 公用经费", ["code": "30217", "item": "公务接待费", "value": "0.20"])
    }

    /// Line 292: `1.70		1.50		1.50	0.20`, a table without codes or labels.
    @Test func tableWithoutLabels() throws {
        #expect(try fact(table: "7", line: 292, column: "“三公”经费合计")["value"] == "1.70")
        #expect(try fact(table: "7", line: 292, column: "公务用车购置及运行费 / 公务用车运行费")["value"] == "1.50")
        #expect(try fact(table: "7", line: 292, column: "公务接待费")["item"] == "")
    }

    /// Line 333: a project row with a 21-character project code.
    @Test func projectRow() throws {
        try expectFact(table: "10", line: 333, column: "合计", ["code": "42010022503T000000142", "value": "383.76"])
    }

    /// Line 345: `	收入构成	财政拨款	1209.02	100%	1236.74	3217.18`, a form grid with a percentage.
    @Test func formGridAmountsAndPercentages() throws {
        try expectFact(table: "11.1", line: 345, column: "占比", ["raw": "100%", "value": "100", "unit": "%"])
        #expect(try fact(table: "11.1", line: 345, column: "近两年收支金额 / 2022年")["value"] == "3217.18")
        #expect(try fact(table: "12.2", line: 409, column: "金额")["value"] == "70.7")
    }

    /// `1100余万人` (line 361) is an indicator in a text column: not a fact.
    @Test func textCellNumbersAreNotFacts() {
        #expect(!Self.rows.contains { $0["raw"]?.contains("万人") == true })
        #expect(!Self.rows.contains { $0["table_id"] == "11.4" || $0["table_id"] == "11" })
    }

    /// Line 395: `项目总预算	383.76	项目当年预算	383.76`, two fields of the project form (表12, its
    /// 15th and 16th fields): facts of table 12, item the label, column 值. Its other numbers
    /// (邮政编码 430000, 起始年度 2024, 联系电话) are not amounts, so not facts.
    @Test func numericFormFieldsAreFactsOfTheirForm() throws {
        try expectFact(table: "12", line: 395, column: "值", [
            "item": "项目总预算", "row": "15", "code": "", "section": "", "raw": "383.76", "value": "383.76", "unit": "万元",
            "table_title": "项目支出绩效目标表",
        ])
        let fields = Self.rows.filter { $0["table_id"] == "12" }
        #expect(fields.map { $0["item"] } == ["项目总预算", "项目当年预算"])
        #expect(fields.map { $0["row"] } == ["15", "16"])
    }

    /// A form of hand-made fields: each field whose label names money and whose value is a number
    /// is a fact (not 项目前两年预算…, whose value is a sentence) (the form's rows are numbered after its body rows and among its fields, so
    /// `table_id, section, row, column` stays a key), and no other field is.
    @Test func aFormsMoneyFieldsAreFactsAndItsOtherFieldsAreNot() throws {
        let text = """
            表12

            项目支出绩效目标表

            单位：万元

            项目名称\t展会服务保障\t项目编码\t
            邮政编码\t430000\t起始年度\t2025
            项目总预算\t1,584.50\t项目当年预算\t584
            项目负责人\t张三\t联系电话\t027-85898116
            项目前两年预算及当年预算变动情况\t2024年预算安排584万元，较上年增加12万元。

            """
        let run = try StagesRun(text: text)
        let form = try #require(run.normalized.tables.first { $0.id == "12" })
        let written = FactsCSV.write(reportID: "r", metadata: run.normalized.metadata, tables: [form], byteOrderMark: false)
        let facts = CSVTestReader.rows(written.data)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("项目总预算") }! + 1
        #expect(facts.map { $0["item"]! } == ["项目总预算", "项目当年预算"])
        #expect(facts.map { $0["raw"]! } == ["1,584.50", "584"])
        #expect(facts.map { $0["value"]! } == ["1584.50", "584"])
        #expect(facts.allSatisfy { $0["column"] == "值" && $0["unit"] == "万元" && $0["source_line"] == String(line) })
        let positions = form.fields.enumerated().filter { $0.element.amount != nil }.map { String($0.offset + 1) }
        #expect(facts.map { $0["row"]! } == positions)
        #expect(Set(facts.map { $0["row"]! }).count == facts.count)
        // A field is grouped under its form's project, and has no code, level or parent.
        #expect(facts.allSatisfy { $0["group"] == "展会服务保障" && $0["code_scheme"] == "none" && $0["level"] == "" }, "\(facts)")
        #expect(facts.allSatisfy { $0["parent_code"] == "" && $0["is_total"] == "false" })
    }

    @Test func valuesAreExactDecimalsOfTheirRawText() {
        for row in Self.rows {
            let raw = row["raw"]!.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
            #expect(ExactDecimal(row["value"]!) != nil)
            #expect(ExactDecimal(raw)?.description == row["value"], "\(row)")
        }
    }
}
