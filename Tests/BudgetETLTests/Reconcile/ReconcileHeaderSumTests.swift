import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// Identities read from header paths alone.
@Suite struct ReconcileHeaderSumTests {
    @Test func subtotalsStandForTheirGroupAndTheTopTotalSumsTheGroups() {
        let identities = HeaderSumRule.identities([
            (2, ["合计"]), (3, ["基本支出", "小计"]), (4, ["基本支出", "人员经费"]), (5, ["基本支出", "公用经费"]), (6, ["项目支出"]),
        ])
        #expect(identities.map(\.total) == [3, 2])
        #expect(identities.map(\.terms) == [[4, 5], [3, 6]])
    }

    @Test func aGroupWithoutSubtotalCountsAsItsColumns() {
        let identities = HeaderSumRule.identities([
            (3, ["合计"]), (4, ["本年拨款", "一般公共预算"]), (5, ["本年拨款", "政府性基金预算"]), (6, ["单位资金"]),
        ])
        #expect(identities.count == 1)
        #expect(identities.first?.terms == [4, 5, 6])
    }

    @Test func aTotalUnderAWrappingHeaderAndAHeaderWithoutTotals() {
        let wrapped = HeaderSumRule.identities([(2, ["本年基本支出", "合计"]), (3, ["本年基本支出", "人员经费"]), (4, ["本年基本支出", "公用经费"])])
        #expect(wrapped.map(\.total) == [2] && wrapped.first?.terms == [3, 4])
        #expect(HeaderSumRule.identities([(3, ["当年金额"]), (5, ["近两年", "2023年"]), (6, ["近两年", "2022年"])]).isEmpty)
        #expect(HeaderSumRule.identities([(0, ["合计"])]).isEmpty, "a lone total sums nothing")
    }
}

/// Label keys: what tells labels apart, nothing else.
@Suite struct ReconcileLabelKeyTests {
    @Test(arguments: [
        ("合 计", "合计"), ("因公出国（境）费", "因公出国(境)费"), ("“三公”经费合计", "三公经费合计"), ("长期目标（截止2026 年）：", "长期目标(截止2026年):"),
        ("收\u{3000}入", "收入"), ("「表」\u{A0}x", "表x"), ("社会保障和就业支出", "社会保障和就业支出"), ("弈（", "弈("), ("", ""),
    ])
    func keys(label: String, key: String) {
        #expect(LabelKey.of(label) == key)
    }

    @Test func cutNamesMatchTheirFullForm() {
        #expect(LabelKey.matches("人力资源和社会保障管理事", "人力资源和社会保障管理事务"))
        #expect(!LabelKey.matches("其他支", "其他支出"), "three characters are too few to stand for a name")
        #expect(!LabelKey.matches("卫生健康支出", "住房保障支出"))
        #expect("一般公共预算拨款收入".includes("拨款") && !"一般公共预算".includes("拨款") && "abc".includes(""))
    }
}
