import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport

/// `tables.csv`: every table as printed, one after the other.
@Suite struct ExportTablesCSVTests {
    static let all = CSVTestReader.records(ExportFixtures.file(TablesCSV.fileName))

    /// One table as its own file had it: its header, then its rows (or fields), each as wide as
    /// the header.
    func records(_ id: String) -> [[String]] {
        let own = Self.all.dropFirst().filter { $0[0] == id }
        guard let header = own.first, header[1] == "header" else { return [] }
        let width = header.dropFirst(2).prefix { !$0.isEmpty }.count
        return own.map { Array($0.dropFirst(2).prefix(width)) }
    }

    @Test func everyTableIsThereInOrderHeaderFirst() {
        let width = TablesCSV.width(SampleReport.normalized.tables)
        #expect(Self.all[0] == ["table_id", "record"] + (1...width).map { "c\($0)" })
        #expect(Self.all.allSatisfy { $0.count == width + 2 }, "every record has every column")
        let headers = Self.all.dropFirst().filter { $0[1] == "header" }.map { $0[0] }
        #expect(headers == SampleReport.normalized.tables.map(\.id))
        var seen: Set<String> = []
        var previous = ""
        for record in Self.all.dropFirst() {
            if record[0] != previous {
                #expect(record[1] == "header" && !seen.contains(record[0]), "\(record[0]) starts with its header, once")
                seen.insert(record[0])
                previous = record[0]
            } else {
                #expect(record[1] != "header")
            }
        }
    }

    /// Lines 205–206 of the sample: the header of 表5-1 over two rows, and its first body row.
    @Test func gridHeaderIsFlattenedAndRowsAreAsPrinted() {
        let table = records("5-1")
        #expect(table[0] == ["科目编码", "科目名称", "合计", "基本支出 / 小计", "基本支出 / 人员经费", "基本支出 / 公用经费", "项目支出"])
        #expect(table[1] == ["", "合计", "1,209.02", "825.26", "763.41", "61.85", "383.76"])
        #expect(table[5] == ["2080199", "其他人力资源和社会保障管理事务", "383.76", "", "", "", "383.76"])
        #expect(table.count == 20)
    }

    /// Line 333: the label is in 项目名称 and the unit in 项目单位; line 331 has the label and an
    /// empty 项目单位, which the source line tells apart.
    @Test func labelsLandInTheColumnTheyWerePrintedIn() {
        let table = records("10")
        #expect(table[2].prefix(4) == ["503", "武汉市人力资源和社会保障局", "", "383.76"])
        #expect(table[4].prefix(4) == ["42010022503T000000142", "日常系统运行经费", "武汉市人力资源和社会保障信息中心", "383.76"])
        let indicators = records("11.4")
        #expect(indicators[1] == ["", "产出指标", "数量指标", "服务全市参保对象", "1100余万人", "计划标准"])
    }

    /// Line 93 of the sample: both sides of 收支总表 on one record.
    @Test func pairedTableSidesShareARecord() {
        let table = records("1")
        #expect(table[0] == ["收入 / 项目", "收入 / 预算数", "支出 / 项目", "支出 / 预算数"])
        #expect(table[1] == ["一、一般公共预算拨款收入", "1,209.02", "一、一般公共服务支出", ""])
        #expect(table.contains(["", "", "十七、住房保障支出", "97.83"]))
        #expect(table.contains(["收 入 总 计", "1,209.02", "支 出 总 计", "1,209.02"]))
    }

    @Test func emptyTableAndFormRecords() {
        #expect(records("8") == [["科目编码", "科目名称", "本年政府性基金预算支出 / 合计", "本年政府性基金预算支出 / 基本支出",
                                  "本年政府性基金预算支出 / 项目支出"]])
        let form = records("12")
        #expect(form[0] == ["label", "value"])
        #expect(form.contains(["项目总预算", "383.76"]))
        #expect(form.contains(["邮政编码", "430000"]))
        #expect(Self.all.contains { $0[0] == "12" && $0[1] == "field" && $0[2] == "项目总预算" })
    }
}
