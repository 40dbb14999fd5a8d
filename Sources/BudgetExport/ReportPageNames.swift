/// The Chinese names `render.xsl` gives the record's codes (`status-name`, `rule-name`,
/// `event-name`, `line-kind`); a code it does not know is shown as it is.
extension ReportPage {
    /// `name="status-name"`.
    static func statusName(_ status: String) -> String {
        switch status {
        case "pass": "通过"
        case "warn": "警告"
        case "fail": "未通过"
        case "unverified": "无法核验"
        default: status
        }
    }

    /// `name="rule-name"`: the name, then the code in a muted span.
    mutating func ruleName(_ rule: String) { nameThenCode(rule, Self.ruleNames) }

    private static let ruleNames = [
        "hierarchy": "上下级合计", "header-sum": "分列合计", "share": "占比", "paired": "收支平衡", "cross-table": "表间一致",
        "narrative": "说明与表格一致", "breakdown": "分项合计", "arithmetic": "测算依据", "completeness": "完整性",
        "number": "数字无法读取", "structure": "表格结构", "column": "列内容", "metadata": "报告信息", "unread": "未读入的数字",
    ]

    /// `name="event-name"`.
    static func eventName(_ event: String) -> String {
        switch event {
        case "extracted": "提取文本"
        case "segmented": "识别表格与文字"
        case "normalized": "规范化"
        case "reconciled": "核对"
        case "exported": "导出"
        default: event
        }
    }

    /// `name="line-kind"`: the name, then the code in a muted span.
    mutating func lineKind(_ kind: String) { nameThenCode(kind, Self.lineKindNames) }

    private mutating func nameThenCode(_ code: String, _ names: [String: String]) {
        out.text(names[code] ?? code)
        out.element(.span, ["class": "muted"], text: " (\(code))")
    }

    private static let lineKindNames = [
        "blank": "空行", "contents": "目录", "heading": "标题", "caption": "表号", "title": "表名", "unit": "单位行", "header": "表头",
        "body": "表格数据行", "note": "注释", "field": "表单字段", "paragraph": "段落", "pageMark": "分页", "furniture": "页码、页眉页脚",
    ]
}
