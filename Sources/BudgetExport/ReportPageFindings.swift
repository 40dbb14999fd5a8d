/// `render.xsl`'s findings: the tally, the tables the contents promise and the body lacks, each
/// check that did not pass grouped by status, the checks counted per rule; and the links from a
/// highlighted line to its findings.
extension ReportPage {
    /// `name="findings"`.
    mutating func findings() {
        let checks = root.children("checks")
        func attribute(_ name: String) -> String {
            checks.lazy.compactMap { $0[name] }.first ?? ""
        }
        out.element(.h2, ["id": "findings"], text: "发现的问题")
        out.start(.div, ["class": "tally"])
        out.element(.span, ["class": "fail"], text: "未通过 \(attribute("fail"))")
        out.element(.span, ["class": "warn"], text: "警告 \(attribute("warn"))")
        let unverified = checks.compactMap { $0["unverified"] }.reduce(0) { $0 + ReportPageXPath.number($1) }
        out.element(.span, ["class": "unverified"], text: "无法核验 \(ReportPageXPath.string(unverified))")
        out.element(.span, ["class": "pass"], text: "通过 \(attribute("pass"))")
        out.end()
        for promised in root.all("contents", "promisedTable") where promised["missing"] == "true" {
            out.start(.div, ["class": "missing"])
            out.element(.strong, text: "缺少表\(promised["id"] ?? "")「\(promised.stringValue)」")
            out.text("：\n        目录（")
            out.element(.a, ["href": "#L\(promised["line"] ?? "")"], text: "第\(promised["line"] ?? "")行")
            out.text("）列出了这张表，正文中没有。\n      ")
            out.end()
        }
        findingGroup(status: "fail", heading: "未通过的核对")
        findingGroup(status: "warn", heading: "警告")
        findingGroup(status: "unverified", heading: "无法核验的核对")
        if !checks.contains(where: { $0.has("check") }) { out.element(.p, text: "所有核对均已通过。") }
        out.element(.h3, text: "核对结果（按规则汇总）")
        out.element(.p, ["class": "muted"], text: "通过的核对只计数，不逐条列出；每一条核对（包括通过的）都在同一数据包的 \(attribute("allChecks")) 中。")
        out.start(.table)
        headerRow(["规则"], amounts: ["通过", "警告", "未通过", "无法核验"])
        for rule in checks.flatMap({ $0.children("rule") }) {
            out.start(.tr)
            out.start(.td)
            ruleName(rule["name"] ?? "")
            out.end()
            out.element(.td, ["class": "amount"], text: rule["pass"] ?? "")
            for status in ["warn", "fail", "unverified"] {
                // `@status > 0`: a number compared, so absent or not a number is not more than 0.
                let highlighted = rule[status].map { ReportPageXPath.number($0) > 0 } ?? false
                out.element(.td, ["class": highlighted ? "amount \(status)" : "amount"], text: rule[status] ?? "")
            }
            out.end()
        }
        out.end()
    }

    /// `name="finding-group"`.
    private mutating func findingGroup(status: String, heading: String) {
        let group = root.all("checks", "check").filter { $0["status"] == status }
        guard !group.isEmpty else { return }
        out.element(.h3, ["class": "\(status)-text"], text: "\(heading)（\(group.count)）")
        out.start(.div, ["class": "scroll"])
        out.start(.table)
        headerRow(["规则", "表", "位置"], amounts: ["预期", "实际", "差额", "容差"], then: ["说明", "涉及"])
        for check in group {
            out.start(.tr, ["id": "c-\(Self.anchor(check["id"] ?? ""))", "class": status])
            out.start(.td)
            ruleName(check["rule"] ?? "")
            out.end()
            out.start(.td, ["class": "ref"])
            if let table = check["table"] {
                if index.hasTable(table) {
                    out.element(.a, ["href": "#t-\(table)"], text: "表\(table)")
                } else {
                    out.text("表\(table)")
                }
            }
            out.end()
            out.element(.td, text: check.value("location"))
            out.element(.td, ["class": "amount"], text: check["expected"] ?? "")
            out.element(.td, ["class": "amount"], text: check["actual"] ?? "")
            out.element(.td, ["class": "amount"], text: check["difference"] ?? "")
            out.element(.td, ["class": "amount"], text: check["tolerance"].map { "±\($0)" } ?? "")
            out.element(.td, text: check.value("message"))
            out.start(.td)
            for (position, involves) in check.children("involves").enumerated() {
                if position > 0 { out.text("、") }
                let place = "第\(involves["line"] ?? "")行" + (involves["page"].map { "（第\($0)页）" } ?? "")
                if involves["part"] != nil {
                    out.element(.a, ["class": "where", "href": "#L\(involves["line"] ?? "")"],
                                text: (involves["table"].map { "表\($0)" } ?? "") + place)
                } else {
                    out.text(place)
                }
            }
            out.end()
            out.end()
        }
        out.end()
        out.end()
    }

    /// `name="worst"`: the status of the worst of `findings`, nil for none.
    static func worst(_ findings: [ReportElement]) -> String? {
        if findings.isEmpty { return nil }
        if findings.contains(where: { $0["status"] == "fail" }) { return "fail" }
        if findings.contains(where: { $0["status"] == "warn" }) { return "warn" }
        return "unverified"
    }

    /// `name="flags"`: a link to each finding involving a line.
    mutating func flags(_ findings: [ReportElement]) {
        for finding in findings {
            let status = finding["status"] ?? ""
            out.element(.a, ["class": "flag \(status)-text", "href": "#c-\(Self.anchor(finding["id"] ?? ""))", "title": finding.value("message")],
                        text: Self.statusName(status))
        }
    }
}
