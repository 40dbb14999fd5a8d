import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExtract
@testable import BudgetNormalize
@testable import BudgetSegment

/// The normalize stage on the sample report (`SampleReport`).
@Suite struct SampleNormalizationTests {
    func table(_ id: String) throws -> NormalizedTable {
        try #require(SampleReport.normalized.tables.first { $0.id == id })
    }

    @Test func metadata() {
        #expect(SampleReport.normalized.metadata.fiscalYear == 2024)
        #expect(SampleReport.normalized.metadata.kind == .unitBudget)
        #expect(SampleReport.normalized.metadata.unitName == "武汉市人力资源和社会保障信息中心")
        #expect(SampleReport.normalized.metadata.amountUnit == "万元")
        #expect(SampleReport.normalized.diagnostics.isEmpty)
    }

    @Test func table3LabelsAreRepairedToTheirTable51Forms() throws {
        let table3 = try table("3"), table51 = try table("5-1")
        let full = Dictionary(table51.rows.compactMap { row in row.code.map { ($0, row.item!) } }, uniquingKeysWith: { a, _ in a })
        let coded = table3.rows.filter { $0.code != nil }
        #expect(coded.count == 18)
        for row in coded {
            #expect(row.item == full[row.code!], "code \(row.code!)")
        }
        let repaired = try #require(table3.rows.first { $0.code == "20801" })
        #expect(repaired.printedItem == "人力资源和社会保障管理事")
        #expect(repaired.item == "人力资源和社会保障管理事务")
        #expect(repaired.itemSource == "table 5-1")
    }

    @Test func codesCarryLevelAndParent() throws {
        let rows = try table("5-1").rows
        let row = try #require(rows.first { $0.code == "2080150" })
        #expect(row.codeScheme == .function)
        #expect(row.level == 3)
        #expect(row.parent == "20801")
        let total = try #require(rows.first)
        #expect(total.isTotal)
        #expect(total.level == 0)
        #expect(total.item == "合计")
        let economic = try #require(try table("6").rows.first { $0.code == "30217" })
        #expect(economic.codeScheme == .economic)
        #expect(economic.parent == "302")
        let units = try table("5-2").rows
        #expect(units.map(\.codeScheme) == [nil, .unit, .unit])
        #expect(units.last?.parent == "503")
    }

    @Test func labelsComeFromTheColumnThatNamesThem() throws {
        #expect(try table("10").rows.last?.item == "日常系统运行经费")
        #expect(try table("12.2").rows.first?.item == "网络线路租赁费（信息中心及经办机构连通线路）")
        #expect(try table("11.1").rows.first?.item == "财政拨款")
        #expect(try table("12.3").rows.first?.item == "网络安全等级保护测评")
    }

    @Test func projectTableHierarchy() throws {
        let rows = try table("10").rows
        #expect(rows.map(\.level) == [0, 1, 2, 3])
        #expect(rows[3].parent == rows[2].code)
        #expect(rows[2].parent == "503")
    }

    @Test func cellsHoldExactValuesBesideTheirText() throws {
        let total = try #require(try table("3").rows.first)
        let first = try #require(total.cells.first)
        #expect(first.raw == "1,209.02")
        #expect(first.value == ExactDecimal("1209.02")!)
        #expect(first.value?.description == "1209.02")
        #expect(first.unit == "万元")
        let blank = try #require(total.cells.last)
        #expect(blank.blank)
        #expect(blank.value == nil)
    }

    @Test func pairedTablesHaveSidesWithCleanedNames() throws {
        let table1 = try table("1")
        #expect(Set(table1.rows.compactMap(\.section)) == ["收入", "支出"])
        let housing = try #require(try table("4").rows.first { $0.item == "住房保障支出" })
        #expect(housing.ordinal == "十七")
        #expect(housing.section == "支出")
        #expect(housing.cells.map(\.raw) == ["97.83"])
        let totals = table1.rows.filter(\.isTotal).map(\.item)
        #expect(totals.contains("收入总计") && totals.contains("本年支出合计"))
    }

    @Test func formGridsArePercentAndTextAware() throws {
        let funds = try table("11.1")
        #expect(funds.parentId == "11")
        #expect(funds.amountUnit == "万元")
        let share = try #require(funds.rows.first?.cells.first { $0.raw == "100%" })
        #expect(share.unit == "%")
        #expect(share.value == ExactDecimal("100")!)
        let indicators = try table("11.4")
        let people = try #require(indicators.rows.first?.cells.first { $0.raw == "1100余万人" })
        #expect(people.value == ExactDecimal("1100")!)
        #expect(people.qualifier == "余")
        #expect(people.unit == "万人")
    }

    @Test func countsHaveNoMoneyUnit() throws {
        let purchases = try table("12.3")
        let quantity = try #require(purchases.rows.first?.cells.first { $0.column == 1 })
        #expect(quantity.value == ExactDecimal("1")!)
        #expect(quantity.unit == nil)
        #expect(purchases.rows.first?.cells.first { $0.column == 2 }?.unit == "万元")
    }

    @Test func formFieldsWithMoneyHaveAmounts() throws {
        let form = try table("12")
        let budget = try #require(form.fields.first { $0.label == "项目总预算" })
        #expect(budget.amount == ExactDecimal("383.76")!)
        #expect(budget.unit == "万元")
        #expect(form.fields.first { $0.label == "邮政编码" }?.amount == nil)
    }

    @Test func everyFigureWithAChangeOrShareIsAClaim() {
        let compared = SampleReport.normalized.claims.filter { $0.comparison != nil || $0.share != nil }
        #expect(compared.count >= 20)
        let lines = Set(compared.map(\.line))
        for line in [460, 464, 468, 478, 482, 486, 488, 490, 492, 494, 496, 498, 500, 502, 504, 520, 522, 524, 526, 550] {
            #expect(lines.contains(line), "line \(line)")
        }
        let total = SampleReport.normalized.claims.first { $0.line == 460 }
        #expect(total?.amount.value == ExactDecimal("1209.02")!)
        #expect(total?.comparison?.direction == .decrease)
        #expect(total?.comparison?.change?.value == ExactDecimal("27.72")!)
        #expect(total?.comparison?.percent?.value == ExactDecimal("2.24")!)
        #expect(total?.comparison?.year == 2023)
    }

    @Test func normalizeJSONReadsBack() throws {
        let data = try JSONStreamEncoder.encode(SampleReport.normalized)
        #expect(try JSONCoding.decode(NormalizedReport.self, from: data) == SampleReport.normalized)
    }

    @Test func invalidAmountIsADiagnosticNamingTableRowColumnAndText() {
        var segmented = SampleReport.segmented
        let index = segmented.tables.firstIndex { $0.id == "3" }!
        segmented.tables[index].rows[2].cells[2] = "1,2345"
        let report = NormalizeStage.normalize(segmented)
        let diagnostic = report.diagnostics.first { $0.table == "3" }
        #expect(diagnostic?.row == 3)
        #expect(diagnostic?.column == "合计")
        #expect(diagnostic?.text == "1,2345")
        #expect(diagnostic?.message.contains("20801") == true)
        let cell = report.tables.first { $0.id == "3" }?.rows[2].cells.first
        #expect(cell?.value == nil && cell?.blank == false, "never silently zero")
    }
}
