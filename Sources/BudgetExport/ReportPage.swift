import BudgetCore
import Foundation

/// `report.html` rendered in Swift from the record's own tree (`ReportElement`, built while
/// `report.xml` is written): the bytes libxslt gives applying the bag's `render.xsl` to
/// `report.xml`, without libxslt. `ExportReportPageTests` holds the two to the same bytes for every
/// fixture and for random records with text hard to escape.
///
/// Each method here is one template of `render.xsl` (named after it) and does what it does,
/// keys looked up in `ReportPageIndex`; `HTMLPageWriter` serializes as libxml2 does. Whoever
/// changes the stylesheet changes the matching method, and the tests say where they differ.
struct ReportPage {
    let root: ReportElement
    let index: ReportPageIndex
    var out: HTMLPageWriter

    /// The page of the record `root` (the `budgetReport` element).
    static func render(_ root: ReportElement) -> Data {
        var page = ReportPage(root: root, index: ReportPageIndex(root), out: HTMLPageWriter(capacity: 1 << 17))
        page.budgetReport()
        return page.out.finish()
    }

    /// The CSS of the page: `render.xsl`'s `<style>` text, taken from the stylesheet itself so the
    /// two cannot differ (it holds no markup and no entity).
    static let css: String = {
        let text = String(decoding: ReportHTML.stylesheet, as: UTF8.self)
        guard let start = text.range(of: "<style>"), let end = text.range(of: "</style>", range: start.upperBound..<text.endIndex) else {
            preconditionFailure("render.xsl has no <style> element")
        }
        return String(text[start.upperBound..<end.lowerBound])
    }()

    /// `match="/b:budgetReport"`.
    private mutating func budgetReport() {
        let title = root.value("dublinCore", "dc:title")
        out.start(.html, ["lang": "zh-CN"])
        out.start(.head)
        // libxslt declares the encoding first in the head of an HTML page.
        out.start(.meta, ["http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"])
        out.start(.meta, ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        out.element(.title, text: title)
        out.element(.style, text: Self.css)
        out.end()
        out.start(.body)
        out.element(.h1, text: title)
        out.start(.p, ["class": "subtitle"])
        out.text(root.value("metadata", "unit"))
        if let year = root.first("metadata", "fiscalYear") { out.text(" · \(year.stringValue)年") }
        if let kind = root.first("metadata", "kind") { out.text(" · \(kind.stringValue)") }
        if let unit = root.first("metadata", "amountUnit") { out.text(" · 金额单位：\(unit.stringValue)") }
        out.end()
        findings()
        for metadata in root.children("metadata") { self.metadata(metadata) }
        for provenance in root.children("provenance") { self.provenance(provenance) }
        tables()
        for claims in root.children("claims") { self.claims(claims) }
        for narrative in root.children("narrative") { self.narrative(narrative) }
        for accounting in root.children("lineAccounting") { lineAccounting(accounting) }
        out.end()
        out.end()
    }

    /// `match="b:metadata"`.
    private mutating func metadata(_ metadata: ReportElement) {
        out.element(.h2, text: "报告信息")
        out.start(.dl, ["class": "meta"])
        for (label, name) in [("单位", "unit"), ("年度", "fiscalYear"), ("报告类型", "kind"), ("金额单位", "amountUnit")] {
            out.element(.dt, text: label)
            out.element(.dd, text: metadata.value(name))
        }
        if metadata.has("units") {
            out.element(.dt, text: "所含单位（\(metadata.attribute("units", named: "count") ?? "")）")
            out.start(.dd)
            for (position, unit) in metadata.all("units", "unit").enumerated() {
                if position > 0 { out.text("；") }
                out.text(unit.stringValue)
            }
            out.end()
        }
        out.element(.dt, text: "报告编号")
        out.start(.dd)
        out.element(.code, text: root["reportId"] ?? "")
        out.end()
        out.element(.dt, text: "源文件")
        func source(_ name: String) -> String { metadata.attribute("source", named: name) ?? "" }
        out.element(.dd, text: "\(source("file"))（\(source("size")) 字节，\(source("encoding"))，\n        \(source("lines")) 行，\(source("pages")) 页）\n      ")
        out.element(.dt, text: "源文件 SHA-256")
        out.start(.dd)
        out.element(.code, text: source("sha256"))
        out.end()
        out.element(.dt, text: "生成")
        let pipeline = (metadata.attribute("pipeline", named: "name") ?? "") + "\u{A0}" + (metadata.attribute("pipeline", named: "version") ?? "")
        out.element(.dd, text: "\(pipeline)，记录格式第 \(root["schemaVersion"] ?? "") 版")
        out.end()
    }

    /// `match="b:provenance"`.
    private mutating func provenance(_ provenance: ReportElement) {
        out.element(.h3, text: "处理记录")
        out.start(.table)
        headerRow(["步骤", "结果", "说明"])
        for event in provenance.children("event") {
            out.start(.tr)
            out.element(.td, text: Self.eventName(event["type"] ?? ""))
            switch event["outcome"] ?? "" {
            case "failure": out.element(.td, ["class": "fail"], text: "有核对未通过")
            case "warning": out.element(.td, ["class": "warn"], text: "有需要注意之处")
            default: out.element(.td, ["class": "pass"], text: "成功")
            }
            out.element(.td, text: event.stringValue)
            out.end()
        }
        out.end()
    }

    /// `match="b:claims"`.
    private mutating func claims(_ claims: ReportElement) {
        out.element(.h2, ["id": "claims"], text: "说明中的数字及核对结果")
        let list = claims.children("claim")
        if list.isEmpty {
            out.element(.p, ["class": "muted"], text: "说明中没有可核对的数字。")
            return
        }
        out.start(.div, ["class": "scroll"])
        out.start(.table)
        out.start(.tr)
        out.element(.th, text: "行")
        out.element(.th, text: "主题")
        out.element(.th, ["class": "amount"], text: "数字")
        out.element(.th, text: "与上年比较")
        out.element(.th, ["class": "amount"], text: "占比")
        out.element(.th, text: "核对结果")
        out.element(.th, text: "原文")
        out.end()
        for claim in list {
            out.start(.tr)
            out.start(.td)
            out.element(.a, ["href": "#L\(claim["line"] ?? "")"], text: claim["line"] ?? "")
            out.end()
            out.element(.td, text: claim.value("subject", "label"))
            let amount = "\(claim.attribute("amount", named: "value") ?? "") \(claim.attribute("amount", named: "unit") ?? "")"
            out.element(.td, ["class": "amount", "title": amount], text: claim.value("amount"))
            out.start(.td)
            if claim.has("comparison") {
                if let year = claim.attribute("comparison", named: "year") { out.text("\(year)年") }
                // A comparison of node-sets: true when any comparison has that direction.
                let directions = claim.all("comparison").compactMap { $0["direction"] }
                out.text(directions.contains("increase") ? "增加" : directions.contains("decrease") ? "减少" : "持平")
                if let change = claim.first("comparison", "change") { out.text("\u{A0}\(change.stringValue)") }
                if let percent = claim.first("comparison", "percent") { out.text("，\(percent.stringValue)") }
            }
            out.end()
            out.element(.td, ["class": "amount"], text: claim.value("share"))
            let verdict = claim["verdict"]
            out.start(.td, ["class": verdict])
            if let verdict, let check = claim["check"], index.hasCheck(check) {
                out.element(.a, ["href": "#c-\(Self.anchor(check))"], text: Self.statusName(verdict))
            } else if let verdict {
                out.text(Self.statusName(verdict))
            } else {
                out.element(.span, ["class": "muted"], text: "未核对")
            }
            out.end()
            out.element(.td, text: claim.value("sentence"))
            out.end()
        }
        out.end()
        out.end()
    }

    /// `match="b:narrative"`, with `line-anchors`.
    private mutating func narrative(_ narrative: ReportElement) {
        out.element(.h2, ["id": "narrative"], text: "说明全文")
        if narrative.children.isEmpty { out.element(.p, ["class": "muted"], text: "报告没有表格以外的文字。") }
        for part in narrative.children {
            let lines = part["lines"] ?? ""
            let first = Self.before(0x20, lines + " ")
            out.start(.p, ["id": "L\(first)", "class": part.name == "heading" ? "heading" : nil])
            out.element(.span, ["class": "line"], text: first)
            // line-anchors: an empty anchor per further line, while any is left.
            var rest = Self.after(0x20, lines)
            while rest.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                out.element(.span, ["id": "L\(Self.before(0x20, rest + " "))"], text: "")
                rest = Self.after(0x20, rest)
            }
            out.text(part.stringValue)
            out.end()
        }
    }

    /// `match="b:lineAccounting"`.
    private mutating func lineAccounting(_ accounting: ReportElement) {
        out.element(.h2, ["id": "lines"], text: "逐行核算")
        let unassigned = accounting.children("unassigned")
        out.element(.p, text: "\n      全文共 \(accounting["lines"] ?? "") 行，每一行都归入下列一类\n      "
                        + (unassigned.isEmpty ? "" : "，或列为未归类") + "，没有遗漏：\n    ")
        out.start(.table)
        headerRow(["类别"], amounts: ["行数"])
        var sum = 0.0
        for kind in accounting.children("kind") {
            out.start(.tr)
            out.start(.td)
            lineKind(kind["name"] ?? "")
            out.end()
            out.element(.td, ["class": "amount"], text: kind["lines"] ?? "")
            out.end()
            if let lines = kind["lines"] { sum += ReportPageXPath.number(lines) }
        }
        if !unassigned.isEmpty {
            out.start(.tr, ["class": "warn"])
            out.element(.td, text: "未归类")
            out.element(.td, ["class": "amount"], text: String(unassigned.count))
            out.end()
        }
        out.start(.tr, ["class": "total"])
        out.element(.td, text: "合计")
        out.element(.td, ["class": "amount"], text: ReportPageXPath.string(sum + Double(unassigned.count)))
        out.end()
        out.end()
        if unassigned.isEmpty {
            out.element(.p, ["class": "muted"], text: "没有未归类的行。")
            return
        }
        out.element(.h3, text: "未归类的行")
        out.start(.table)
        headerRow(["行", "内容"])
        for line in unassigned {
            out.start(.tr)
            out.element(.td, text: line["line"] ?? "")
            out.element(.td, text: line.stringValue)
            out.end()
        }
        out.end()
    }

    /// A row of `<th>`s: plain, right-aligned (`class="amount"`), plain again.
    mutating func headerRow(_ labels: [String], amounts: [String] = [], then more: [String] = []) {
        out.start(.tr)
        for label in labels { out.element(.th, text: label) }
        for label in amounts { out.element(.th, ["class": "amount"], text: label) }
        for label in more { out.element(.th, text: label) }
        out.end()
    }

    /// `substring-before(string, ' ')`, over the bytes (a space is one, and never part of another).
    static func before(_ separator: UInt8, _ string: String) -> String {
        string.utf8.firstIndex(of: separator).map { String(string[..<$0]) } ?? ""
    }

    /// `substring-after(string, ' ')`.
    static func after(_ separator: UInt8, _ string: String) -> String {
        string.utf8.firstIndex(of: separator).map { String(string[string.utf8.index(after: $0)...]) } ?? ""
    }

    /// `translate(id, ' &#9;%#&quot;', '_____')`: a finding's anchor.
    static func anchor(_ id: String) -> String {
        guard id.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x25 || $0 == 0x23 || $0 == 0x22 }) else { return id }
        return String(scalars: id.unicodeScalars.map { " \t%#\"".unicodeScalars.contains($0) ? "_" : $0 })
    }
}
