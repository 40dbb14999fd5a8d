import Testing
@testable import BudgetCore
@testable import BudgetReconcile
@testable import BudgetSegment

/// The one text key: every stage compares labels through it, so a name keys alike wherever it
/// is printed.
@Suite struct TextKeyTests {
    @Test(arguments: [
        ("合 计", "合计"), ("收\u{3000}入", "收入"), ("收\t入\u{A0}", "收入"), ("收\n入\r", "收入"),
        ("“三公”经费", "三公经费"), ("\"三公\"经费", "三公经费"), ("＂三公＂经费", "三公经费"), ("「表」『一』‘a’'b'", "表一ab"),
        ("因公出国（境）费", "因公出国(境)费"), ("单位：万元", "单位:万元"), ("２０２４年", "2024年"), ("ＡＢｃ", "ABc"),
        ("社会保障和就业支出", "社会保障和就业支出"), ("一，二", "一，二"), ("", ""),
    ])
    func keys(text: String, key: String) {
        #expect(TextKey.of(text) == key)
        #expect(TextKey.equal(text, key))
    }

    @Test func theSameNameKeysAlikeInEveryStage() {
        let printings = ["“三公”经费", "\"三公\"经费", "三 公 经 费", "三公经费"]
        for printing in printings {
            #expect(TextKey.of(printing) == "三公经费")
            #expect(LabelKey.of(printing) == TextKey.of(printing), "reconcile keys as every stage does")
            #expect(TableKinds.standard.titleKey(printing) == TextKey.of(printing), "a title keys as every stage does")
        }
        #expect(TableKinds.standard.titleKey("2025年部门“三公”经费支出预算表") == TableKinds.standard.titleKey("“三公”经费支出预算表"))
        #expect(!TextKey.equal("收入", "支出") && !TextKey.equal("收入", "收入合计"))
    }

    @Test func digitsAndCJKHaveOneDefinition() {
        #expect(TextPatterns.digitValue("７") == 7 && TextPatterns.digitValue("7") == 7 && TextPatterns.digitValue("七") == nil)
        #expect(TextPatterns.asciiDigit("０") == "0" && TextPatterns.asciiDigit("a") == "a")
        #expect(TextPatterns.integerValue(ArraySlice("２０24".unicodeScalars)) == 2024)
        #expect(TextPatterns.isCJK("收") && TextPatterns.isCJK("（") && TextPatterns.isCJK("“") && !TextPatterns.isCJK("a"))
        #expect(TextPatterns.isIdeograph("收") && !TextPatterns.isIdeograph("（") && !TextPatterns.isIdeograph("“"))
    }
}
