import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExport

/// `output/index.html`: written by every run from the catalog and each report's manifest, every
/// report listed with its status, counts and page, and the chart of expenditure by function class.
@Suite struct RunIndexTests {
    let folder = TemporaryFolder()

    func run(_ selection: RunSelection = RunSelection()) throws -> String {
        let configuration = PipelineConfiguration(failOnCheckFailures: false)
        _ = try Pipeline(configuration: configuration, baseFolder: folder.url).run(selection)
        return try #require(folder.text("output/index.html"))
    }

    /// 表3's 类 rows of the sample, in its 合计 column.
    @Test func expenditureByClassReadsTheClassRowsOfTable3() throws {
        let expenditure = try #require(ExpenditureByClass(SampleReport.normalized))
        #expect(expenditure.unit == "万元")
        #expect(expenditure.classes.map(\.code) == ["208", "210", "221"])
        #expect(expenditure.classes.map(\.amount) == [decimal("1024.00"), decimal("87.19"), decimal("97.83")])
        #expect(ExpenditureByClass(summaryValue: expenditure.summaryValue) == expenditure)
        #expect(ExpenditureByClass(summaryValue: "") == nil)
    }

    /// Sums per year and class, in 万元 whatever unit a report printed.
    @Test func theChartSumsPerYearInOneUnit() {
        var chart = ExpenditureChart()
        chart.add(year: "2024", ExpenditureByClass(unit: "万元", classes: [("208", decimal("1024.00"))]))
        chart.add(year: "2024", ExpenditureByClass(unit: "元", classes: [("208", decimal("15000")), ("201", decimal("2"))]))
        chart.add(year: "2023", ExpenditureByClass(unit: "万元", classes: [("208", decimal("1"))]))
        chart.add(year: "2023", ExpenditureByClass(unit: "万人", classes: [("208", decimal("1"))]))
        #expect(chart.totals["2024"]?["208"] == decimal("1025.5"))
        #expect(chart.totals["2024"]?["201"] == decimal("0.0002"))
        #expect(chart.years == ["2023", "2024"])
        #expect(chart.codes == ["201", "208"])
        #expect(chart.reports == 3)
        #expect(chart.leftOut == 1)
        #expect(RunIndex.pixels(decimal("512.75"), of: decimal("1025.5"), in: 480) == 240)
        #expect(RunIndex.pixels(decimal("0.0002"), of: decimal("1025.5"), in: 480) == 1, "a class with spending gets a visible bar")
    }

    @Test func theIndexListsEveryReportWithItsPageAndChartsTable3() throws {
        folder.write("input/sample.txt", SampleReport.data)
        folder.write("input/tiny.txt", text: TinyReport.text(1))
        folder.write("input/not-a-report.txt", text: "hello\n")
        let index = try run()
        // Well-formed: it is polyglot XHTML.
        _ = try LibXMLDocument(parsing: Data(index.utf8), file: "index.html")
        #expect(index.contains("共 3 份报告：成功 2 份，失败 1 份"))
        for id in ["sample", "tiny"] {
            #expect(index.contains("<a href=\"\(id)/report.html\">\(id)</a>"), "\(id)")
            #expect(folder.read("output/\(id)/report.html") != nil, "\(id)'s page exists")
        }
        #expect(index.contains("<tr class=\"failed\"><td>not-a-report</td>"), "a failed report is listed, without a page")
        #expect(index.contains("not a budget report"))
        #expect(index.contains(">208 社会保障和就业支出</text>"))
        #expect(index.contains(">1024.00</text>"))
        #expect(index.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(index.contains("font-family: \"Noto Sans CJK SC\""))
        #expect(!index.contains("<script"))
    }

    /// A run of some reports still lists and charts the others, read from their manifests one at a
    /// time; the same reports give the same bytes.
    @Test func aRunOfOneReportKeepsTheOthersInTheIndex() throws {
        folder.write("input/sample.txt", SampleReport.data)
        folder.write("input/tiny.txt", text: TinyReport.text(1))
        let first = try run()
        let again = try run(RunSelection(reportIDs: ["tiny"], from: .export))
        #expect(again == first)
        let storedSample = RunIndex.storedExpenditure(reportFolder: folder.path("output/sample"))
        #expect(storedSample == ExpenditureByClass(SampleReport.normalized))
    }
}
