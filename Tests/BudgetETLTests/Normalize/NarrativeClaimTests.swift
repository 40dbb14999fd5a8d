import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// Figures of the report's prose to claims: every figure of the sample's 第三部分 with its
/// subject, year, comparison and share; what is not a figure; and hand-written sentences for the
/// wordings the sample does not use.
@Suite struct NarrativeClaimTests {
    /// The headings among the sample's lines 452–600; every other non-empty line is a paragraph.
    static let headingLines: Set<Int> = [
        452, 454, 462, 466, 470, 474, 476, 480, 484, 506, 518, 528, 532, 536, 542, 544, 548, 552, 556, 560, 564, 568,
    ]

    /// One block per non-empty sample line in `lines`, as the segment stage would give them.
    static func sampleBlocks(_ lines: ClosedRange<Int>) -> [NarrativeBlock] {
        lines.compactMap { line in
            let text = String(SampleReport.lines[line - 1])
            guard !text.isEmpty else { return nil }
            return block(text, lines: [line], kind: headingLines.contains(line) ? .heading : .paragraph)
        }
    }

    static func block(_ text: String, lines: [Int] = [1], kind: NarrativeBlock.Kind = .paragraph) -> NarrativeBlock {
        NarrativeBlock(kind: kind, lines: lines, text: text, level: nil, ordinal: nil)
    }

    static let part3 = NarrativeClaims.extract(from: sampleBlocks(452...562), reportYear: 2024)

    func claims(_ text: String, reportYear: Int? = 2024) -> [NarrativeClaim] {
        NarrativeClaims.extract(from: [Self.block(text)], reportYear: reportYear)
    }

    /// `line category label amount year`, then `| 比year direction change percent` and
    /// `| 占share` when present.
    static func summary(_ claim: NarrativeClaim) -> String {
        var text = "\(claim.line) \(claim.subject.category.rawValue) \(claim.subject.label) "
            + "\(claim.amount.value)\(claim.amount.unit) \(claim.year.map(String.init) ?? "-")"
        if let comparison = claim.comparison {
            text += " | 比\(comparison.year.map(String.init) ?? "-") \(comparison.direction.rawValue)"
            if let change = comparison.change { text += " \(change.value)\(change.unit)" }
            if let percent = comparison.percent { text += " \(percent.value)\(percent.unit)" }
        }
        if let share = claim.share { text += " | 占\(share.value)\(share.unit)" }
        return text
    }

    // MARK: The sample's 第三部分

    @Test func everyFigureOfPart3IsAClaim() {
        let expected = [
            "460 total 收支总预算 1209.02万元 2024 | 比2023 decrease 27.72万元 2.24%",
            "464 total 收入预算 1209.02万元 2024",
            "464 income 一般公共预算财政拨款收入 1209.02万元 2024 | 占100%",
            "468 total 支出预算 1209.02万元 2024",
            "468 basic 基本支出 825.26万元 2024 | 占68.26%",
            "468 project 项目支出 383.76万元 2024 | 占31.74%",
            "472 total 财政拨款收支总预算 1209.02万元 2024",
            "472 income 一般公共预算财政拨款本年收入 1209.02万元 2024",
            "472 expenditure 社会保障和就业支出 1024万元 2024",
            "472 expenditure 卫生健康支出 87.19万元 2024",
            "472 expenditure 住房保障支出 97.83万元 2024",
            "478 total 一般公共预算拨款 1209.02万元 2024",
            "478 total 本年预算 1209.02万元 2024 | 比2023 decrease 27.72万元 2.24%",
            "482 basic 基本支出 825.26万元 2024 | 占68.26%",
            "482 personnel 人员经费 763.41万元 2024",
            "482 publicFunds 公用经费 61.85万元 2024",
            "482 project 项目支出 383.76万元 2024 | 占31.74%",
            "486 classification 社会保障和就业支出(类)人力资源和社会保障管理事务(款)事业运行(项) 571.56万元 2024 | 比2023 decrease 6.26万元 1.08%",
            "488 classification 社会保障和就业支出(类)人力资源和社会保障管理事务(款)其他人力资源和社会保障管理事务支出(项) 383.76万元 2024 | 比2023 decrease 14.6万元 3.67%",
            "490 classification 社会保障和就业支出(类)行政事业单位养老支出(款)事业单位离退休(项) 10.81万元 2024 | 比2023 increase 1.91万元 21.46%",
            "492 classification 社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项) 54万元 2024 | 比2023 decrease 15.69万元 22.51%",
            "494 classification 社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项) 3.87万元 2024 | 比2023 increase 3.87万元 100%",
            "496 classification 卫生健康支出(类)行政事业单位医疗(款)事业单位医疗(项) 43.85万元 2024 | 比2023 increase 0.46万元 1.06%",
            "498 classification 卫生健康支出(类)行政事业单位医疗(款)其他行政事业单位医疗支出(项) 43.34万元 2024 | 比2023 increase 0.39万元 0.91%",
            "500 classification 住房保障支出(类)住房改革支出(款)住房公积金(项) 60.55万元 2024 | 比2023 unchanged",
            "502 classification 住房保障支出(类)住房改革支出(款)提租补贴(项) 11.77万元 2024 | 比2023 unchanged",
            "504 classification 住房保障支出(类)住房改革支出(款)购房补贴(项) 25.51万元 2024 | 比2023 increase 2.2万元 9.44%",
            "508 basic 一般公共预算基本支出 825.26万元 2024",
            "510 personnel 人员经费 763.41万元 2024",
            "512 economic 工资福利支出 751.6万元 2024",
            "514 economic 对个人和家庭的补助 11.81万元 2024",
            "516 publicFunds 公用经费 61.85万元 2024",
            "520 threePublic 一般公共预算“三公”经费支出 1.7万元 2024 | 比2023 decrease 2万元 54.05%",
            "522 threePublicPart 因公出国(境)经费 0万元 2024 | 比2023 increase 0万元 0%",
            "524 threePublicPart 公务用车购置及运行维护费 1.5万元 2024 | 比2023 decrease 1.5万元 50%",
            "524 threePublicPart 公务用车购置费 0万元 2024",
            "524 threePublicPart 公务用车运行维护费 1.5万元 2024",
            "526 threePublicPart 公务接待费 0.2万元 2024 | 比2023 decrease 0.5万元 71.43%",
            "530 expenditure 政府性基金预算拨款安排的支出 0 2024",
            "534 expenditure 国有资本经营预算拨款安排的支出 0 2024",
            "538 project 项目支出 383.76万元 2024",
            "538 income 一般公共预算本年拨款 383.76万元 2024",
            "540 project 日常系统运行经费 383.76万元 2024",
            "546 expenditure 机关运行经费拨款安排的支出 0 2024",
            "550 procurement 政府采购预算支出合计 177.94万元 2024 | 比2023 decrease 15.5万元 8.01%",
            "550 procurement 服务类 177.94万元 2024",
            "554 expenditure 政府购买服务预算拨款安排的支出 0 2024",
            "558 assets 国有资产 1729.25万元 2023",
            "558 assets 一般公务用车 1辆 2023",
            "558 assets 单价100万元(含)以上设备 5台(套) 2023",
            "562 total 预算支出 1209.02万元 2024",
            "562 project 二级项目支出绩效目标 1个 2024",
        ]
        let actual = Self.part3.map(Self.summary)
        #expect(actual == expected)
        for (index, line) in actual.enumerated() where index >= expected.count || expected[index] != line {
            Issue.record("claim \(index): \(line)")
        }
    }

    @Test func classificationPathsAreSplitIntoTheirLevels() throws {
        let paths = Self.part3.compactMap(\.subject.classification)
        #expect(paths.count == 10)
        #expect(paths.first == ["社会保障和就业支出", "人力资源和社会保障管理事务", "事业运行"])
        #expect(paths.contains(["住房保障支出", "住房改革支出", "提租补贴"]))
        #expect(Self.part3.allSatisfy { ($0.subject.category == .classification) == ($0.subject.classification != nil) })
    }

    @Test func figuresKeepTheirPrintedText() throws {
        let total = try #require(Self.part3.first)
        #expect(total.amount.raw == "1209.02 万元")
        #expect(total.amount.value.description == "1209.02")
        #expect(total.comparison?.change?.raw == "27.72 万元")
        #expect(total.comparison?.percent == ClaimValue(raw: "2.24%", value: ExactDecimal("2.24")!, unit: "%"))
        #expect(total.sentence == "2024 年收支总预算 1209.02 万元。比 2023 年预算减少 27.72 万元，下降 2.24%")

        let pension = try #require(Self.part3.first { $0.line == 492 })
        #expect(pension.amount.raw == "54万元")
        #expect(pension.comparison?.change?.raw == "15.69万元")

        let cars = try #require(Self.part3.first { $0.subject.label == "公务用车购置及运行维护费" })
        #expect(cars.sentence == "2.公务用车购置及运行维护费1.5万元(公务用车购置费0万元，公务用车运行维护费1.5万元)，比上年减少1.5万元，下降50%")
        let equipment = try #require(Self.part3.last { $0.line == 558 })
        #expect(equipment.amount == ClaimValue(raw: "5 台(套)", value: ExactDecimal("5")!, unit: "台(套)"))
        let procurement = try #require(Self.part3.first { $0.subject.category == .procurement })
        #expect(procurement.comparison?.percent?.raw == "8.01%")
        #expect(procurement.sentence == "2024 年政府采购预算支出合计 177.94 万元，比上年度减少 15.5 万元，降低 8.01%")
    }

    @Test func datesYearsOrdinalsThresholdsAndCountsAreNotClaims() {
        #expect(!Self.part3.contains { $0.amount.value == ExactDecimal("100")! })
        // The one count is `1 个二级项目` (a counted noun follows it); statements of none print no number.
        #expect(Self.part3.filter { $0.amount.unit == "个" }.map(\.line) == [562])
        #expect(!Self.part3.contains { $0.amount.raw.contains("年") || $0.amount.raw.contains("月") || $0.amount.raw.contains("日") })
        // 第四部分 is a glossary: ordinals (`1.`, `(1)`) and bracketed names, no figures.
        #expect(NarrativeClaims.extract(from: Self.sampleBlocks(564...600), reportYear: 2024).isEmpty)
    }

    // MARK: Wordings

    @Test func percentWithoutAChangeAmount() throws {
        let claim = try #require(claims("基本支出 500 万元，较上年增长 5.5%。").first)
        #expect(claim.comparison == ClaimComparison(year: 2023, direction: .increase, change: nil,
                                                    percent: ClaimValue(raw: "5.5%", value: ExactDecimal("5.5")!, unit: "%")))
    }

    @Test func sameTimeLastYear() throws {
        let claim = try #require(claims("人员经费 300 万元，同比下降 3%。").first)
        #expect(claim.comparison?.year == 2023)
        #expect(claim.comparison?.direction == .decrease)
        #expect(claim.comparison?.percent?.value == ExactDecimal("3"))
        #expect(claim.comparison?.change == nil)
    }

    @Test(arguments: ["比上年度持平", "与上年持平", "比2023年无增减变化", "较上年无变化", "比上年预算减无变化", "与上年相比没有变化"])
    func unchanged(wording: String) throws {
        let result = claims("公用经费 20 万元，\(wording)。")
        #expect(result.count == 1)
        #expect(result.first?.comparison == ClaimComparison(year: 2023, direction: .unchanged))
        #expect(result.first?.sentence == "公用经费 20 万元，\(wording)")
    }

    @Test func changeWithoutAPercentAndThousandsSeparators() throws {
        let claim = try #require(claims("2024年项目支出18,976.76万元，比上年增加3,355.65万元。").first)
        #expect(claim.amount == ClaimValue(raw: "18,976.76万元", value: ExactDecimal("18976.76")!, unit: "万元"))
        #expect(claim.comparison == ClaimComparison(year: 2023, direction: .increase,
                                                    change: ClaimValue(raw: "3,355.65万元", value: ExactDecimal("3355.65")!, unit: "万元")))
        #expect(claim.subject == ClaimSubject(category: .project, label: "项目支出"))
    }

    @Test func amountsInYuan() throws {
        let result = claims("2024 年收支总预算 189,767,551元，比2023年减少1,234 元，下降 0.01%。")
        let claim = try #require(result.first)
        #expect(result.count == 1)
        #expect(claim.amount == ClaimValue(raw: "189,767,551元", value: ExactDecimal("189767551")!, unit: "元"))
        #expect(claim.comparison?.change?.value == ExactDecimal("1234"))
        #expect(claim.comparison?.change?.unit == "元")
    }

    @Test func fullWidthBracketsAndPercent() throws {
        let claim = try #require(claims("1．社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）2024年预算数10.81万元，比2023年预算增加1.91万元，增长21.46％。").first)
        #expect(claim.subject.category == .classification)
        #expect(claim.subject.classification == ["社会保障和就业支出", "行政事业单位养老支出", "事业单位离退休"])
        #expect(claim.subject.label == "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）")
        #expect(claim.comparison?.percent == ClaimValue(raw: "21.46％", value: ExactDecimal("21.46")!, unit: "%"))
    }

    @Test func asciiAndChinesePunctuationReadAlike() {
        let chinese = claims("基本支出 825.26 万元，占 68.26%；项目支出 383.76 万元，占 31.74%。公务用车购置及运行维护费1.5万元（公务用车购置费0万元，公务用车运行维护费1.5万元），比上年减少1.5万元，下降50%。")
        let ascii = claims("基本支出825.26万元,占68.26%;项目支出383.76万元,占31.74%.公务用车购置及运行维护费1.5 万元(公务用车购置费0 万元,公务用车运行维护费1.5 万元),比上年减少1.5 万元,下降50%.")
        func essentials(_ claims: [NarrativeClaim]) -> [String] {
            claims.map { claim in
                var text = Self.summary(claim)
                text.removeAll { $0 == "(" || $0 == ")" || $0 == "（" || $0 == "）" }
                return text
            }
        }
        #expect(chinese.count == 5)
        #expect(essentials(chinese) == essentials(ascii))
    }

    @Test func aReasonDoesNotChangeTheClaimBeforeIt() {
        let result = claims("基本支出 100 万元，比上年增加 10 万元，主要是人员经费增加 8 万元，增长 5%。")
        #expect(result.count == 1)
        #expect(result.first?.comparison?.change?.value == ExactDecimal("10"))
        #expect(result.first?.comparison?.percent == nil)
    }

    @Test func comparisonAfterItsYear() throws {
        let claim = try #require(claims("2024年公务接待费 0.2 万元，与上年相比减少 0.5 万元。").first)
        #expect(claim.year == 2024)
        #expect(claim.comparison?.year == 2023)
        #expect(claim.comparison?.change?.value == ExactDecimal("0.5"))
    }

    @Test func withoutAReportYear() throws {
        let claim = try #require(claims("公务接待费 0.2 万元，比上年减少 0.5 万元。", reportYear: nil).first)
        #expect(claim.year == nil)
        #expect(claim.comparison?.year == nil)
        #expect(claims("2023 年公务接待费 0.7 万元。", reportYear: nil).first?.year == 2023)
    }

    @Test func aComparisonCrossesAFullStopOnlyWhenItSaysSo() {
        let result = claims("收支总预算 1209.02 万元。下降 2.24%。")
        #expect(result.count == 1)
        #expect(result.first?.comparison == nil)
    }

    /// A count is a claim at the end of its clause, or before a counted noun of claim-units.json
    /// (`1个二级项目…`, a claim about the words after it); before any other noun it states nothing.
    @Test func countsAreClaimsAtTheEndOfTheirClauseOrBeforeACountedNoun() {
        let result = claims("截至2023年12月31日，设置了1个二级项目支出绩效目标，内设 6 个科室，二级项目 3 个。(1)因公出国(境)费，第2项。")
        #expect(result.map(Self.summary) == ["1 project 二级项目支出绩效目标 1个 2023", "1 other 二级项目 3个 2023"])
        #expect(result.first?.sentence == "设置了1个二级项目支出绩效目标")
    }

    /// `没有使用…安排的支出`: a claim of zero about what follows the opening, of the year before it.
    @Test func aStatementOfNoneIsAClaimOfZero() throws {
        let result = claims("2023 年没有使用国有资本经营预算拨款安排的支出。本单位没有使用车辆。")
        #expect(result.map(Self.summary) == ["1 expenditure 国有资本经营预算拨款安排的支出 0 2023"])
        let claim = try #require(result.first)
        #expect(claim.statesNone && claim.amount.raw == "没有使用")
        #expect(claim.sentence == "2023 年没有使用国有资本经营预算拨款安排的支出")
    }

    /// `其中` makes what follows parts of the claim before it, in the same clause only.
    @Test func partsPointAtTheClaimTheyArePartsOf() {
        let result = claims("基本支出 825.26 万元，占 68.26%，其中：人员经费 763.41 万元、公用经费 61.85 万元；项目支出 383.76 万元。")
        #expect(result.map(\.subject.label) == ["基本支出", "人员经费", "公用经费", "项目支出"])
        #expect(result.map(\.partOf) == [nil, 0, 0, nil])
    }

    @Test func aShareStatedAlone() {
        #expect(claims("基本支出占支出预算的 68.26%。").map(Self.summary) == ["1 basic 基本支出 68.26% 2024 | 占68.26%"])
    }

    @Test func headingsNameTheFiguresBelowThem() {
        let blocks = [
            Self.block("十、项目支出安排情况", kind: .heading),
            Self.block("信息系统运维经费 50 万元。"),
            Self.block("(二) 政府采购预算情况", kind: .heading),
            Self.block("其中：货物类 2 万元、服务类 3 万元。"),
        ]
        let categories = NarrativeClaims.extract(from: blocks, reportYear: 2024).map(\.subject.category)
        #expect(categories == [.project, .procurement, .procurement])
    }

    // MARK: Other templates (Shanghai reports in ../shared/corpus)

    @Test func figuresThatRestateTheSubjectKeepWhatTheyMeasure() {
        let result = claims("1. “社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”53.84万元，主要用于事业单位退休人员福利费和生活补贴。2023年当年预算执行数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数减少1.39%。")
        let path = ["社会保障和就业支出", "行政事业单位养老支出", "事业单位离退休"]
        #expect(result.map(\.subject.classification) == [path, path, path])
        #expect(result.map(\.subject.label) == Array(repeating: "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）", count: 3))
        #expect(result.map(\.measure) == [nil, "当年预算执行数", "预算安排"])
        #expect(result.map(\.year) == [2024, 2023, 2024])
        #expect(result.map(\.amount.raw) == ["53.84万元", "54.60万元", "53.84万元"])
        #expect(result.last?.comparison == ClaimComparison(year: 2023, direction: .decrease,
                                                          percent: ClaimValue(raw: "1.39%", value: ExactDecimal("1.39")!, unit: "%")))
    }

    @Test func aPathWithoutAFigureNamesTheFiguresAfterIt() {
        let result = claims("5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为84.65万元。")
        #expect(result.map(\.subject.category) == [.classification, .classification])
        #expect(result.map(\.measure) == ["年初预算", "支出决算"])
        #expect(result.map(\.amount.value) == [ExactDecimal("85.55")!, ExactDecimal("84.65")!])
    }

    @Test func classificationCodesInTheBrackets() {
        let result = claims("1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。")
        #expect(result.count == 1)
        #expect(result.first?.subject.classification == ["公共安全支出", "司法", "行政运行"])
        #expect(result.first?.amount.value == ExactDecimal("1672.67"))
    }

    @Test func punctuationInsideAnAsideDoesNotEndTheClause() {
        let result = claims("其中：财政拨款收入16497.86万元，比2022年（上一年度，下同）预算增加1421.25万元；事业收入0万元。", reportYear: 2023)
        #expect(result.map(Self.summary) == ["1 income 财政拨款收入 16497.86万元 2023 | 比2022 increase 1421.25万元", "1 income 事业收入 0万元 2023"])
    }

    @Test func aComparisonClauseBeforeTheSubjectNamedAgain() {
        let result = claims("上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：人员变化。", reportYear: 2024)
        #expect(result.map(Self.summary) == ["1 total 收入支出总计 2995.39万元 2024 | 比2023 decrease 56.95万元 1.87%"])
    }

    @Test func anUnchangedComparisonAfterAFullStop() {
        let result = claims("（三）公务接待费1.00万元。与2024年预算持平，主要原因是根据本单位实际业务需求开展公务接待。", reportYear: 2025)
        #expect(result.map(Self.summary) == ["1 threePublicPart 公务接待费 1.00万元 2025 | 比2024 unchanged"])
    }

    @Test func aPageBreakAtTheStartOfALineIsSpace() {
        let result = claims("\u{0C}10. “工资福利支出”751.6万元。")
        #expect(result.first?.subject == ClaimSubject(category: .economic, label: "工资福利支出"))
    }

    // MARK: Lines

    @Test func aParagraphBrokenOverLinesPutsEachFigureOnItsLine() {
        let lines = [
            "",
            "  2024 年收支总预算 1209.02 万元。比 2023 年预算减少",
            "",
            "27.72 万元，下降 2.24%。其中：基本支出",
            "825.26 万元，占 68.26%。",
        ]
        let joined = "2024 年收支总预算 1209.02 万元。比 2023 年预算减少" + "27.72 万元，下降 2.24%。其中：基本支出" + "825.26 万元，占 68.26%。"
        let block = Self.block(joined, lines: [2, 4, 5])
        let exact = NarrativeClaims.extract(from: [block], reportYear: 2024, sourceLines: lines)
        #expect(exact.map(\.line) == [2, 5])
        #expect(exact.first?.comparison?.change?.value == ExactDecimal("27.72"))
        #expect(exact.last?.share?.value == ExactDecimal("68.26"))
        #expect(exact.last?.sentence == "基本支出825.26 万元，占 68.26%")
        // Without the lines, the block's first line is all that is known.
        #expect(NarrativeClaims.extract(from: [block], reportYear: 2024).map(\.line) == [2, 2])
        // Lines that do not make up the block are not trusted.
        #expect(NarrativeClaims.extract(from: [block], reportYear: 2024, sourceLines: ["", "x", "", "y", "z"]).map(\.line) == [2, 2])
    }

    @Test func headingRunIntoAParagraphIsNotPartOfTheLabel() throws {
        let claim = try #require(claims("(二) 政府采购预算情况2024 年政府采购预算支出合计 177.94 万元，比上年度减少 15.5 万元。").first)
        #expect(claim.subject == ClaimSubject(category: .procurement, label: "政府采购预算支出合计"))
    }

    // MARK: Encoding

    @Test func claimsRoundTripThroughJSONWithExactAmounts() throws {
        let data = try JSONEncoder().encode(Self.part3)
        let decoded = try JSONDecoder().decode([NarrativeClaim].self, from: data)
        #expect(decoded == Self.part3)
        let json = String(decoding: try JSONEncoder().encode(Self.part3[0].amount), as: UTF8.self)
        #expect(json.contains("\"value\":\"1209.02\""))
    }
}