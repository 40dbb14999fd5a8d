import BudgetCore
import BudgetExport
import Foundation

/// `output/index.html`, written at the end of every run: every report of the catalog (its current
/// version) with its status, counts of facts and of checks that failed, warned or could not be
/// judged, and a link to its page (`<id>/report.html`); above them, a small inline SVG chart of
/// total expenditure by function class (类) across the reports, per fiscal year.
///
/// What it reads: the catalog (just written) for the list and the counts, and for the chart each
/// report's `ExpenditureByClass` from its manifest's summary, which the export stage put there:
/// the reports this run processed were added to the chart as they finished (`chart`), and only the
/// others' manifests are read, one at a time. Nothing in it depends on the clock, so the same
/// catalog and reports give the same bytes; it is rewritten only when they change, atomically.
///
/// The page is polyglot XHTML (well-formed XML that browsers read as HTML), self-contained, with
/// the same CJK font stack as `report.html`.
package enum RunIndex {
    package static let fileName = "index.html"

    /// Writes the index. `charted` tells which reports (by id) are already in `chart`. The catalog
    /// is read a record at a time, twice (the totals and the chart head the page, the rows follow),
    /// and the page is written as it is made: memory stays flat however many reports it lists.
    package static func write(outputFolder: URL, chart: ExpenditureChart, charted: (String) -> Bool) throws {
        let catalogURL = outputFolder.appendingPathComponent(Catalog.fileName)
        var totals = Totals()
        var chart = chart
        try forEachCurrentRow(of: catalogURL) { row in
            totals.add(row)
            guard !charted(row[column("report_id")]), row[column("status")] == "ok",
                  let expenditure = storedExpenditure(reportFolder: outputFolder.appendingPathComponent(row[column("report_id")]))
            else { return }
            chart.add(year: row[column("year")], expenditure)
        }
        let url = outputFolder.appendingPathComponent(fileName)
        StreamedFile.removeLeftovers(of: url)
        var page = try StreamedFile(replacing: url)
        try page.append(head(totals) + chartSection(chart) + tableHead)
        let outputPath = outputFolder.path
        try forEachCurrentRow(of: catalogURL) { row in try page.append(self.row(row, outputPath: outputPath)) }
        try page.append(tail)
        try page.finish()
    }

    /// Calls `body` with each row of the catalog that is a report's current version, in order.
    private static func forEachCurrentRow(of catalog: URL, _ body: ([String]) throws -> Void) throws {
        guard let reader = try CSVFileReader(catalog), let header = try reader.record() else { return }
        let columns = try Catalog.Columns(header: header, file: catalog.path)
        var line = 1
        while let record = try reader.record() {
            line += 1
            let row = try columns.row(record, line: line)
            if row[column("current")] == "yes" { try body(row) }
        }
    }

    /// What the page's first paragraph counts.
    struct Totals {
        var reports = 0, failed = 0, facts = 0, failedChecks = 0

        mutating func add(_ row: [String]) {
            reports += 1
            if row[column("status")] != "ok" { failed += 1 }
            facts += Int(row[column("facts")]) ?? 0
            failedChecks += Int(row[column("failed_checks")]) ?? 0
        }
    }

    /// A catalog column's position.
    private static func column(_ name: String) -> Int { columnPlaces[name]! }

    /// Each catalog column's position, looked up for every field of every row.
    private static let columnPlaces = Dictionary(uniqueKeysWithValues: Catalog.columns.enumerated().map { ($1, $0) })

    /// The expenditure the export stage recorded in a report's manifest, if any.
    static func storedExpenditure(reportFolder: URL) -> ExpenditureByClass? {
        guard let data = try? Data(contentsOf: reportFolder.appendingPathComponent("manifest.json")),
              let manifest = ManifestReader.decode(data),
              let value = manifest.summary?[ExpenditureByClass.summaryKey] else { return nil }
        return ExpenditureByClass(summaryValue: value)
    }

    /// The page up to its chart: title, style, the totals.
    static func head(_ totals: Totals) -> String {
        """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
            <head>
            <meta charset="UTF-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>预算报告索引</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
                   margin: 1.5em auto; max-width: 84em; padding: 0 1em; color: #1f2328; line-height: 1.5; }
            h2 { border-bottom: 2px solid #d0d7de; margin-top: 1.5em; padding-bottom: 0.2em; }
            table { border-collapse: collapse; font-size: 0.9em; }
            th, td { border: 1px solid #c8ccd1; padding: 0.2em 0.5em; vertical-align: top; }
            th { background: #f3f4f6; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.failed td { background: #ffebe9; } td.fail { background: #ffebe9; font-weight: bold; } td.warn { background: #fff8c5; }
            .muted { color: #6e7781; } svg text { font-size: 12px; fill: #1f2328; }
            </style>
            </head>
            <body>
            <h1>预算报告索引</h1>
            <p>共 \(totals.reports) 份报告：成功 \(totals.reports - totals.failed) 份，失败 \(totals.failed) 份；事实 \(totals.facts) 条；未通过的核对 \(totals.failedChecks) 条。</p>

            """
    }

    static let tableHead = "<h2>报告</h2>\n<table>\n<tr><th>报告</th><th>标题</th><th>单位</th><th>年度</th><th>类型</th><th>状态</th>"
        + "<th>事实</th><th>未通过</th><th>警告</th><th>无法核验</th></tr>\n"

    static let tail = "</table>\n</body>\n</html>\n"

    /// One report's row of the table.
    static func row(_ row: [String], outputPath: String) -> String {
        let id = row[column("report_id")]
        let ok = row[column("status")] == "ok"
        // A path, not a URL, for each of thousands of rows (an id is one path segment).
        let hasPage = ok && FileSystem.stamp(atPath: "\(outputPath)/\(id)/\(ReportHTML.fileName)") != nil
        let link = hasPage ? "<a href=\"\(escape(path(id)))/\(ReportHTML.fileName)\">\(escape(id))</a>" : escape(id)
        let status = ok ? "成功" : "失败：\(escape(row[column("reason")]))"
        func count(_ name: String, _ style: String) -> String {
            let value = row[column(name)]
            return "<td class=\"n\((Int(value) ?? 0) > 0 ? " \(style)" : "")\">\(escape(value))</td>"
        }
        return "<tr\(ok ? "" : " class=\"failed\"")><td>\(link)</td><td>\(escape(row[column("title")]))</td>"
            + "<td>\(escape(row[column("unit_name")]))</td><td>\(escape(row[column("year")]))</td><td>\(escape(row[column("kind")]))</td>"
            + "<td>\(status)</td><td class=\"n\">\(escape(row[column("facts")]))</td>"
            + count("failed_checks", "fail") + count("warnings", "warn") + count("unverified", "warn") + "</tr>\n"
    }

    /// Horizontal bars, one group per class, one bar per fiscal year, each as long as its share of
    /// the largest sum.
    static func chartSection(_ chart: ExpenditureChart) -> String {
        var html = "<h2>支出按功能分类（类）</h2>\n"
        let years = chart.years
        let codes = chart.codes
        guard !codes.isEmpty else {
            return html + "<p class=\"muted\">没有可汇总的支出总表（表3）。</p>\n"
        }
        html += "<p class=\"muted\">\(chart.reports) 份报告的支出总表（表3）中各类（3 位功能分类科目）的合计，按年度相加，单位：\(ExpenditureChart.unit)。"
            + (chart.leftOut > 0 ? "另有 \(chart.leftOut) 份报告的金额单位不是货币单位，未计入。" : "") + "</p>\n"
        let largest = chart.totals.values.flatMap(\.values).max() ?? .zero
        let labelWidth = 260, barWidth = 480, bar = 14, gap = 8
        let groupHeight = years.count * bar + gap
        let height = codes.count * groupHeight + 24
        let width = labelWidth + barWidth + 160
        let colours = ["#0969da", "#bf8700", "#1a7f37", "#8250df", "#cf222e", "#57606a"]
        html += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + 20)\" role=\"img\" "
            + "aria-label=\"支出按功能分类\">\n"
        for (index, year) in years.enumerated() {
            let x = labelWidth + index * 90
            html += "<rect x=\"\(x)\" y=\"2\" width=\"12\" height=\"12\" fill=\"\(colours[index % colours.count])\"/>"
                + "<text x=\"\(x + 16)\" y=\"13\">\(escape(year.isEmpty ? "年度不明" : "\(year)年"))</text>\n"
        }
        for (row, code) in codes.enumerated() {
            let top = 24 + row * groupHeight
            let label = ExpenditureChart.name(of: code).map { "\(code) \($0)" } ?? code
            html += "<text x=\"0\" y=\"\(top + (groupHeight - gap) / 2 + 4)\">\(escape(label))</text>\n"
            for (index, year) in years.enumerated() {
                guard let value = chart.totals[year]?[code] else { continue }
                let length = pixels(value, of: largest, in: barWidth)
                let y = top + index * bar
                html += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(bar - 2)\" "
                    + "fill=\"\(colours[index % colours.count])\"><title>\(escape("\(label) \(year)：\(value) \(ExpenditureChart.unit)"))</title></rect>"
                    + "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + bar - 3)\">\(escape(value.description))</text>\n"
            }
        }
        return html + "</svg>\n"
    }

    /// `value`'s share of `largest`, in whole pixels of `width` (exact arithmetic, rounded; none
    /// for a negative value).
    static func pixels(_ value: ExactDecimal, of largest: ExactDecimal, in width: Int) -> Int {
        guard largest > .zero, value > .zero,
              let share = (value * width).divided(by: largest, scale: 0) else { return 0 }
        return max(1, min(width, Int(share.description) ?? 0))
    }

    /// A report id as a path segment of a link.
    private static func path(_ id: String) -> String {
        // Ids are mostly ASCII letters, digits, `-`, `_` and `.`, which need no encoding.
        let plain = id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
            default: false
            }
        }
        if plain { return id }
        return id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
    }

    /// Text and attribute values for XHTML.
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: then it is the text itself (checked on its bytes, not
        // character by character).
        let plain = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): false
            case 0x09, 0x0A, 0x0D: true
            case 0x00..<0x20: false
            default: true
            }
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Characters XML 1.0 does not allow (a control character in a file name) would make
            // the page unreadable as XML.
            case _ where character.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }:
                out += "\u{FFFD}"
            default: out.append(character)
            }
        }
        return out
    }
}
