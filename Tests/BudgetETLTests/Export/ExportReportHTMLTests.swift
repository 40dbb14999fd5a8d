import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetReconcile

/// `report.html`: the sample's record rendered by `render.xsl` — findings first, passes counted
/// not listed, every link landing on an element of the page, highlighted rows, self-contained,
/// Chinese, and the same bytes the bag alone renders to.
@Suite struct ExportReportHTMLTests {
    static let page = String(decoding: try! ReportHTML.render(ExportArchivalRecordTests.xml), as: UTF8.self)

    /// Where a fragment first appears in the page (its end when absent, so an order test fails).
    static func position(_ fragment: String) -> Int {
        page.range(of: fragment).map { page.distance(from: page.startIndex, to: $0.lowerBound) } ?? page.count
    }

    /// The values of an attribute throughout the page, entities decoded.
    static func values(of attribute: String, in html: String = page) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { piece in
            String(piece.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
        }
    }

    /// A reader sees the missing 表2 and the cost-basis warnings before any table.
    @Test func findingsComeBeforeTheTables() {
        let firstTable = Self.position("<h3 id=\"t-")
        #expect(Self.position("id=\"findings\"") < firstTable)
        #expect(Self.position("缺少表2「收入总表」") < firstTable)
        let costBasis = SampleReport.reconciled.checks.filter { $0.rule == "arithmetic" && $0.status == .warn }
        #expect(costBasis.count >= 5)
        for check in costBasis {
            #expect(Self.position(check.message.replacingOccurrences(of: "&", with: "&amp;")) < firstTable, "\(check.id)")
        }
    }

    /// Each check that did not pass is one row of the findings, with its figures; a pass is
    /// only counted, per rule.
    @Test func passesAreSummarizedNotListed() {
        let checks = SampleReport.reconciled.checks
        let findingRows = Self.values(of: "id").filter { $0.hasPrefix("c-") }
        #expect(findingRows.count == checks.filter { $0.status != .pass }.count)
        for check in checks where check.status == .pass {
            #expect(!findingRows.contains("c-\(check.id)"), "\(check.id)")
        }
        #expect(Self.page.contains("通过 \(SampleReport.reconciled.summary.pass)"))
        let hierarchy = checks.filter { $0.rule == "hierarchy" && $0.status == .pass }.count
        // Line breaks are the serializer's indentation, not content.
        let compact = Self.page.replacingOccurrences(of: "\n", with: "")
        #expect(compact.contains("上下级合计<span class=\"muted\"> (hierarchy)</span></td><td class=\"amount\">\(hierarchy)</td>"))
        // A warning shows expected, actual, difference and tolerance.
        #expect(compact.contains("<td class=\"amount\">7.8</td><td class=\"amount\">8</td><td class=\"amount\">0.2</td>"
            + "<td class=\"amount\">±0.125</td>"))
    }

    /// Every in-page link lands on an element of the page (a browser decodes the percent-encoded
    /// fragment), and no id is given twice.
    @Test func everyLinkResolvesToAnIdOfThePage() {
        let ids = Self.values(of: "id")
        #expect(Set(ids).count == ids.count, "ids given twice: \(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys)")
        let links = Self.values(of: "href").filter { $0.hasPrefix("#") }
        #expect(links.count > 50)
        let known = Set(ids)
        for link in links {
            let fragment = String(link.dropFirst())
            #expect(known.contains(fragment) || known.contains(fragment.removingPercentEncoding ?? fragment), "\(link)")
        }
    }

    /// The rows of a finding's figures are highlighted with its status and link back to it.
    @Test func findingsHighlightTheirRows() {
        for line in [416, 417, 418, 349, 352] {
            #expect(Self.page.contains("<tr id=\"L\(line)\" class=\"warn\">") || Self.page.contains("<tr id=\"L\(line)\" class=\"total warn\">"),
                    "line \(line)")
        }
        #expect(Self.page.contains("<tr id=\"L138\">"), "a row no finding involves is not highlighted")
        let flag = "href=\"#c-arithmetic:12.2:%E7%9F%AD%E4%BF%A1%E9%80%9A%E8%AE%AF%E8%B4%B9:basis\""
        #expect(Self.page.contains(flag), "the row of 短信通讯费 links to its warning")
    }

    /// Claims are listed with their verdicts, each line linking into the narrative.
    @Test func claimsShowTheirVerdicts() {
        #expect(Self.position("id=\"claims\"") < Self.position("id=\"narrative\""))
        #expect(Self.page.contains("<td class=\"unverified\"><a href=\"#c-narrative:51:"))
        #expect(Self.page.contains("<td><a href=\"#L460\">460</a></td>"))
        #expect(Self.page.contains("<p id=\"L47\">"))
    }

    /// No script, nothing fetched, Chinese labels, and a CJK font named first.
    @Test func selfContainedAndChinese() {
        #expect(!Self.page.contains("<script"))
        #expect(!Self.page.contains("src="))
        #expect(Self.values(of: "href").allSatisfy { !$0.contains("://") })
        #expect(!Self.page.contains("url("))
        #expect(Self.page.contains("font-family: \"Noto Sans CJK SC\""))
        #expect(Self.page.contains("<html lang=\"zh-CN\">"))
        for label in ["发现的问题", "报告信息", "表格", "说明中的数字及核对结果", "逐行核算"] { #expect(Self.page.contains(label), "\(label)") }
        #expect(Self.page.contains("全文共 600 行"))
    }

    /// The page is the bag's own rendering: xsltproc with the exported stylesheet gives the same
    /// bytes, and a second rendering too.
    @Test func theBagAloneRendersTheSamePage() throws {
        let folder = TemporaryFolder()
        let stylesheet = folder.write("render.xsl", ExportFixtures.file(ReportHTML.stylesheetFileName, in: ExportArchivalRecordTests.files))
        let document = folder.write("report.xml", ExportArchivalRecordTests.xml)
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["xsltproc", "--nonet", stylesheet.path, document.path])
        #expect(result.status == 0, "xsltproc (`make check-deps` installs it): \(result.stderr)")
        #expect(result.stdout == Self.page)
        #expect(try ReportHTML.render(ExportArchivalRecordTests.xml) == Data(Self.page.utf8))
    }

    /// A record whose printed lines take every shape (see `cellsFollowTheColumnsWhateverTheRowsShape`).
    static let shapesRecord = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <budgetReport xmlns="urn:budget-etl:report" schemaVersion="3" reportId="shapes">
        <tables count="2">
        <table id="3" kind="expenditure-summary" layout="grid" line="10">
        <title>支出总表</title>
        <columns>
        <column index="0" role="code"><header>科目编码</header></column>
        <column index="1" role="item"><header>科目名称</header></column>
        <column index="2" role="text"><header>单位</header></column>
        <column index="3" role="amount"><header>合计</header></column></columns>
        <rows>
        <row number="1" line="11" code="201" level="1">
            <item column="1" printed="一般公共服务支出">一般公共服务支出</item>
            <cell column="2">本级</cell>
            <cell column="3" value="5" unit="万元">5.00</cell></row>
        <row number="2" line="12" level="0" total="true"><cell column="3" value="5" unit="万元">5.00</cell></row>
        <row number="3" line="13" code="20101" level="2"><item column="1" printed="人大事务">人大事务</item><cell column="3" blank="true"/></row>
        <row number="4" line="14" code="20102" level="2">
            <item column="2" printed="政协事务">政协事务</item>
            <cell column="1">甲</cell>
            <cell column="3" value="1" unit="万元">1</cell></row>
        </rows>
        </table>
        <table id="1" kind="income-expenditure-summary" layout="paired" line="20">
        <title>收支总表</title>
        <columns>
        <column index="0" role="item" section="收入"><header>收入</header></column>
        <column index="1" role="amount" section="收入"><header>预算数</header></column>
        <column index="2" role="item" section="支出"><header>支出</header></column>
        <column index="3" role="amount" section="支出"><header>预算数</header></column></columns>
        <rows>
        <row number="1" line="21" section="收入" level="1">
            <item column="0" printed="一、拨款收入">拨款收入</item>
            <cell column="1" value="5" unit="万元">5.00</cell></row>
        <row number="1" line="21" section="支出" level="1">
            <item column="2" printed="一、一般公共服务支出">一般公共服务支出</item>
            <cell column="3" value="5" unit="万元">5.00</cell></row>
        <row number="2" line="22" section="支出" level="1"><item column="2" printed="二、教育支出">教育支出</item><cell column="3" blank="true"/></row>
        </rows>
        </table>
        </tables>
        <checks pass="0" warn="1" fail="0" unverified="0" allChecks="checks.csv">
        <check id="hierarchy:3:1" rule="hierarchy" status="warn" table="3" lines="13"><location>表3</location>
            <message>人大事务 differs</message>
            <involves line="13" table="3" part="row"/></check>
        </checks>
        </budgetReport>
        """#

    /// A printed line's cells follow the columns, whatever the order of its items and cells in the
    /// record and whichever columns it leaves empty: a full row, a total row with neither code nor
    /// item, a row a finding involves, a row whose item column lies right of a cell's, a paired
    /// table's line with both sides and one with the 支出 side only.
    @Test func cellsFollowTheColumnsWhateverTheRowsShape() throws {
        // Line breaks between elements are whitespace the stylesheet does not show.
        let record = Self.shapesRecord
        let page = String(decoding: try ReportHTML.render(Data(record.utf8)), as: UTF8.self).replacingOccurrences(of: "\n", with: "")
        let rows = [
            "<tr id=\"L11\"><td>201</td><td title=\"一般公共服务支出\">一般公共服务支出</td><td>本级</td><td class=\"amount\" title=\"5\u{A0}万元\">5.00</td></tr>",
            "<tr id=\"L12\" class=\"total \"><td></td><td></td><td></td><td class=\"amount\" title=\"5\u{A0}万元\">5.00</td></tr>",
            "<tr id=\"L13\" class=\"warn\"><td><a class=\"flag warn-text\" href=\"#c-hierarchy:3:1\" title=\"人大事务 differs\">警告</a>20101</td>"
                + "<td title=\"人大事务\" class=\"lv2\">人大事务</td><td></td><td></td></tr>",
            "<tr id=\"L14\"><td>20102</td><td>甲</td><td title=\"政协事务\" class=\"lv2\">政协事务</td><td class=\"amount\" title=\"1\u{A0}万元\">1</td></tr>",
            "<tr id=\"L21\"><td title=\"一、拨款收入\">拨款收入</td><td class=\"amount\" title=\"5\u{A0}万元\">5.00</td>"
                + "<td title=\"一、一般公共服务支出\">一般公共服务支出</td><td class=\"amount\" title=\"5\u{A0}万元\">5.00</td></tr>",
            "<tr id=\"L22\"><td></td><td></td><td title=\"二、教育支出\">教育支出</td><td></td></tr>",
        ]
        for row in rows { #expect(page.contains(row), "\(row)") }
    }
}
