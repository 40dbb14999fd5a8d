import Testing
@testable import BudgetCore
@testable import BudgetNormalize

/// Label cleaning: letter-spacing, punctuation widths, enumerators, HTML.
@Suite struct LabelCleanerTests {
    @Test(arguments: [
        ("收 入 总 计", "收入总计"), ("项 目", "项目"), ("合 计", "合计"), ("  预算数 ", "预算数"),
        ("2023 年", "2023年"), ("长期目标(截止2026 年)", "长期目标（截止2026年）"), ("维修(护)费", "维修（护）费"),
        ("系统7*24小时运行", "系统7*24小时运行"), ("A B", "A B"), ("<p>1. 内容</p>", "1.内容"),
        ("年度目标1:", "年度目标1："), ("“三公”经费", "“三公”经费"),
    ])
    func clean(printed: String, cleaned: String) {
        #expect(LabelCleaner.clean(printed) == cleaned)
    }

    @Test(arguments: [
        ("一、一般公共预算拨款收入", "一", "一般公共预算拨款收入"),
        ("廿四、债务发行费用支出", "廿四", "债务发行费用支出"),
        ("（一）一般公共服务支出", "一", "一般公共服务支出"),
        ("(十七) 住房保障支出", "十七", "住房保障支出"),
        ("1. 为保障", "1", "为保障"),
        ("本年收入合计", nil, "本年收入合计"),
    ])
    func enumeratorsAreSplitOff(printed: String, ordinal: String?, label: String) {
        let split = LabelCleaner.split(printed)
        #expect(split.ordinal == ordinal)
        #expect(split.label == label)
    }

    @Test func fullAndHalfWidthPrintingsOfOneLabelBecomeEqual() {
        #expect(LabelCleaner.split("（十七）住房保障支出").label == LabelCleaner.split("(十七) 住房保障支出").label)
    }
}

/// Numbers inside text cells of the performance forms.
@Suite struct TextValueTests {
    @Test(arguments: [
        ("1100余万人", "余", "1100", "万人"), ("月均11万条", "月均", "11", "万条"), (">99.9%", ">", "99.9", "%"),
        ("1000万", nil, "1000", "万"), ("100%", nil, "100", "%"), ("11万条/月", nil, "11", "万条/月"),
    ])
    func parsed(raw: String, qualifier: String?, value: String, unit: String) throws {
        let parsed = try #require(TextValue.parse(raw))
        #expect(parsed.qualifier == qualifier)
        #expect(parsed.value == ExactDecimal(value)!)
        #expect(parsed.unit == unit)
    }

    /// Every prefix is read before a number, and a number of full-width digits is one: the cells
    /// told to be words at their first character are only those that start with neither.
    @Test func everyPrefixAndEitherWidthOfDigit() throws {
        for prefix in TextValue.prefixes {
            let parsed = try #require(TextValue.parse("\(prefix)12万人"), "\(prefix)")
            #expect(parsed.qualifier == prefix && parsed.value == ExactDecimal("12")! && parsed.unit == "万人")
        }
        #expect(TextValue.parse("１２余万人")?.value == ExactDecimal("12")!)
    }

    @Test(arguments: ["即办即领", "计划标准", "系统7*24小时运行，系统可用度>99.9%", "2022年预算安排210.54万元，2023年预算安排398.36万元", ""])
    func keptAsText(raw: String) {
        #expect(TextValue.parse(raw) == nil)
    }
}

/// Codes: scheme, level and parent.
@Suite struct CodeHierarchyTests {
    @Test(arguments: [
        ("208", ["科目编码"], CodeScheme.function, 1, nil as String?), ("20801", ["科目编码"], .function, 2, "208"),
        ("2080150", ["科目编码"], .function, 3, "20801"), ("301", ["部门预算支出经济分类科目", "科目编码"], .economic, 1, nil),
        ("30101", ["科目编码"], .economic, 2, "301"), ("503", ["单位编码"], .unit, 1, nil), ("503019", ["单位编码"], .unit, 2, "503"),
    ])
    func classified(code: String, header: [String], scheme: CodeScheme, level: Int, parent: String?) throws {
        #expect(CodeHierarchy.scheme(of: code, columnPath: header, tableKind: nil) == scheme)
        let position = try #require(CodeHierarchy.position(of: code, scheme: scheme))
        #expect(position.level == level)
        #expect(position.parent == parent)
    }

    @Test func projectCodes() {
        #expect(CodeHierarchy.scheme(of: "42010022503T000000142", columnPath: ["项目编码"], tableKind: nil) == .project)
        #expect(CodeHierarchy.scheme(of: "503", columnPath: ["项目编码"], tableKind: nil) == .unit)
    }
}
