import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetNormalize
@testable import BudgetReconcile

/// The fifteen published PDFs of the corpus (`../shared/corpus/pdf`, Shanghai 2023–2026: three
/// 部门决算, twelve 部门 and 单位预算) as `pdftotext -layout -enc UTF-8` prints them, copied into
/// `Tests/Fixtures/published/` so that a clone tests them (006's is the Shanghai fixture's
/// `layout.txt`, read by `ShanghaiReportTests`: every check passes). Each is read end to end: its nine tables found with their kinds, every figure
/// on a table's lines in a cell, and every check that does not pass one examined by hand, listed
/// here with whose error it is. A published document carries its own errors: a check that fails
/// on one is right to fail, and the note says what the document prints.
@Suite struct PublishedReportsTests {
    struct Report: Sendable, CustomTestStringConvertible {
        var file: String
        var final: Bool
        var facts: Int
        /// Every check that fails or warns, by id, with the note saying whose error it is.
        var notPassing: [String: String]
        var testDescription: String { String(file.prefix(3)) }
    }

    static let budgetKinds = [
        "income-expenditure-summary", "income-summary", "expenditure-summary", "fiscal-appropriation-summary",
        "general-budget-expenditure-by-function", "government-fund-expenditure", "state-capital-expenditure",
        "general-budget-basic-expenditure", "three-public-expenditure",
    ]
    static let finalKinds = [
        "income-expenditure-summary", "income-summary", "expenditure-summary", "fiscal-appropriation-summary",
        "general-budget-expenditure-by-function", "general-budget-basic-expenditure", "three-public-expenditure",
        "government-fund-expenditure", "state-capital-expenditure",
    ]

    // Notes shared by several reports.
    static let selfContradicting = "The document's: the paragraph states the item with the table's figure, then "
        + "`预算安排…万元` with another (004 line 129: 220.63万元, then 预算安排441.25万元; the table 2,206,272 元)."
    static let truncated = "The document's: the narrative truncates instead of rounding (`87.70万元` for 877,080 元, "
        + "`78.21万元` for 782,164 元, `204.91万元` for 2,049,197 元, `268.77万元` for 2,687,760 元)."
    static let threePublicHosting = "The document's: 表9's 公务接待费 (the narrative repeats it) is not 表8's 30217 "
        + "公务接待费 (285,000.00 against 185,000.00 元 in 007 and 008, 254,000.00 against 191,000 in 012)."
    static let garbledCode = "The PDF's text layer: 表8 prints 30102 and 30107 as `301   2` and `301   7` (the 款's "
        + "leading 0 missing), so those rows are read as printed, their labels where an amount should be, and 301 "
        + "misses them."
    static let misplaced = "The document's: 表3 and 表5 print 20406 司法's 项目支出 64,840,547 on its 行政运行 row "
        + "(2040601) too, and 合计's 基本支出 as 22,118,861 without the .34 of its parts and of 表8."

    static let reports: [Report] = [
        Report(file: "001_sh_putuo_czj_2024_dept_final.layout.txt", final: true, facts: 195, notPassing: [
            "narrative:542::share": "The PDF's text layer: `603.14万元，占20.51%；` has a box spanning two lines (y 344.8–367.2) "
                + "above the line it ends (本年支出合计…项目支出, y 345.3), so pdftotext prints it first and its base is read "
                + "as the total stated before (本年收入合计 2,946.25); 603.14 / 2,940.05 is 20.51%.",
            "narrative:548:财政拨款收入支出总计": "The document's: `财政拨款收入支出总计0.3万元`; 表4 prints 2,961.68.",
            "narrative:565:一般公共服务支出(类):share": "The document's: 2,106.66 `占71.73%` of 2,940.05 is 71.65%.",
            "narrative:601:社会保障和就业支出(类)行政事业单位养老支出(款)": "The PDF's text layer, as for line 542: "
                + "`161.62万元，支出决算为160.75万元` (its box y 386.9–409.3) is printed above the line that ends its "
                + "subject (`保险缴费支出（项）…`, y 387.4), so the subject read is the 款 20805.",
            "narrative:601:社会保障和就业支出(类)行政事业单位养老支出(款)#2": "As the check before (its 决算 figure).",
        ]),
        Report(file: "002_sh_putuo_ghzyj_2024_dept_final.layout.txt", final: true, facts: 308, notPassing: [
            "narrative:623:一般公共预算财政拨款支出:share": "The document's: 9,746.50 / 9,759.38 is 99.868%, printed "
                + "truncated as 99.86%.",
            "narrative:785:一般公共预算财政拨款基本支出": "The document's: 5,377.64 for the 基本支出 表5 and 表6 print "
                + "(5,364.75); 12.89 apart, as 人员经费 on line 787.",
            "narrative:787:人员经费": "The document's: 4,896.98 for 表6's 301 + 303 (4,884.10).",
            "completion:647:rate": "The document's: 9,746.50 / 10,210.34 is 95.457%, printed 95.45%.",
        ]),
        Report(file: "003_sh_putuo_shgzb_2024_dept_final.layout.txt", final: true, facts: 205, notPassing: [
            "narrative:484:住房保障支出(类):share": "The document's: 29.42 `占9.55%` of 307.82 is 9.56%.",
        ]),
        Report(file: "004_sh_putuo_wanli_2023_dept_budget.layout.txt", final: false, facts: 638, notPassing: [
            "narrative:129:社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)#2": selfContradicting,
            "unread": "A warning, rightly: the five 项目支出绩效目标 forms the report adds after its nine tables "
                + "(`项目资金总额   4,100,000.00 年度资金申请总额   4,100,000.00`) are no table of the template.",
        ]),
        Report(file: "005_sh_putuo_wanli_2024_dept_budget.layout.txt", final: false, facts: 873, notPassing: [
            "hierarchy:8:301:一般公共预算基本支出 / 合计": garbledCode,
            "hierarchy:8:301:一般公共预算基本支出 / 人员经费": garbledCode,
            "number:8:3:一般公共预算基本支出 / 合计": garbledCode,
            "number:8:4:一般公共预算基本支出 / 合计": garbledCode,
            "narrative:176:住房保障支出(类)住房改革支出(款)住房公积金(项)#2": selfContradicting,
        ]),
        Report(file: "007_sh_putuo_zfb_2025_dept_budget.layout.txt", final: false, facts: 221, notPassing: [
            "cross-table:9:three-public:30217": threePublicHosting,
        ]),
        Report(file: "008_sh_putuo_zfb_2025_unit_budget.layout.txt", final: false, facts: 231, notPassing: [
            "cross-table:9:three-public:30217": threePublicHosting,
        ]),
        Report(file: "009_sh_putuo_swj_2025_dept_budget.layout.txt", final: false, facts: 287, notPassing: [:]),
        Report(file: "010_sh_putuo_swj_2025_unit_budget.layout.txt", final: false, facts: 300, notPassing: [:]),
        Report(file: "011_sh_putuo_czj_2025_dept_budget.layout.txt", final: false, facts: 241, notPassing: [
            "narrative:99:社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)": truncated,
            "narrative:103:社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)":
                "The document's: a typo, `887.36万元` for 873,617 元.",
            "narrative:107:卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)": truncated,
            "narrative:109:住房保障支出(类)住房改革支出(款)住房公积金(项)": truncated,
            "narrative:111:住房保障支出(类)住房改革支出(款)购房补贴(项)": truncated,
            "narrative:112:社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)":
                "The document's: the same typo again.",
            "narrative:116:卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)": truncated,
            "narrative:118:住房保障支出(类)住房改革支出(款)住房公积金(项)": truncated,
            "narrative:120:住房保障支出(类)住房改革支出(款)购房补贴(项)": truncated,
        ]),
        Report(file: "012_sh_czj_2025_unit_budget.layout.txt", final: false, facts: 263, notPassing: [
            "cross-table:9:three-public:30217": threePublicHosting,
            "completeness:6:note": "The document's, a warning: 表6 prints no rows and no 说明 saying why.",
            "completeness:7:note": "The document's, a warning: 表7 prints no rows and no 说明 saying why.",
        ]),
        Report(file: "013_sh_putuo_fuliyuan_2024_unit_budget.layout.txt", final: false, facts: 185, notPassing: [
            "cross-table:9:three-public:30212": "The document's: 表8 prints `302   12   机关事业单位退休人员活动费   7,020` "
                + "under 30212, the code of 因公出国（境）费用, which 表9 gives as 0.",
            "narrative:69:社会保障和就业支出(类)社会福利(款)社会福利事业单位(项)": "The document's: `738.66万元` for "
                + "2081005 社会福利事业单位, which 表5 prints as 6,964,796 元 (表3: 9,584,796 with 项目支出).",
            "narrative:70:社会保障和就业支出(类)社会福利(款)社会福利事业单位(项)#2": "The document's: `2024年预算安排738.66万元`, "
                + "as on line 69.",
            "number:3:11:支出预算 / 基本支出": "The PDF's text layer: 表3 prints 2101102's 类 as ` 7` (`210` lost its first "
                + "two digits), so the row is read as printed, its label where an amount should be.",
            "number:5:11:一般公共预算支出 / 基本支出": "The PDF's text layer: 表5 prints ` 7    11   02` as 表3 does.",
        ]),
        Report(file: "014_sh_putuo_sfj_2026_dept_budget.layout.txt", final: false, facts: 366, notPassing: [
            "narrative:134:住房保障支出(221类)住房改革支出(02款)住房公积金(01项)#2": selfContradicting,
        ]),
        Report(file: "015_sh_putuo_sfj_2026_unit_budget.layout.txt", final: false, facts: 391, notPassing: [
            "hierarchy:3:20406:支出预算 / 项目支出": misplaced,
            "hierarchy:3:合计:支出预算 / 基本支出": misplaced,
            "hierarchy:5:20406:一般公共预算支出 / 项目支出": misplaced,
            "hierarchy:5:合计:一般公共预算支出 / 基本支出": misplaced,
            "header-sum:3:2040601:支出预算 / 合计": misplaced,
            "header-sum:3:合计:支出预算 / 合计": misplaced,
            "header-sum:5:2040601:一般公共预算支出 / 合计": misplaced,
            "header-sum:5:合计:一般公共预算支出 / 合计": misplaced,
            "cross-table:5:basic:8:合计|一般公共预算基本支出/合计": misplaced,
            "narrative:88:社会保障和就业支出(208类)行政事业单位养老支出(05款)行政单位离退休(01项)#2": selfContradicting,
            "narrative:102:住房保障支出(221类)住房改革支出(02款)购房补贴(03项)#2": selfContradicting,
        ]),
    ]

    @Test(arguments: reports) func eachPublishedReportIsReadAndEveryFailureIsTheDocuments(_ report: Report) throws {
        let data = try Data(contentsOf: Fixtures.folder.appendingPathComponent("published/\(report.file)"))
        let run = try StagesRun(data: data, file: report.file)
        let tables = run.segmented.tables
        #expect(tables.map(\.id) == (1...9).map(String.init))
        #expect(tables.map(\.kind) == (report.final ? Self.finalKinds : Self.budgetKinds))
        #expect(run.segmented.unassigned.isEmpty && run.segmented.missingTables.isEmpty)
        // Every figure on a table's lines is in a cell: no structure diagnostic, no figure left
        // unread but those noted.
        #expect(!run.normalized.diagnostics.contains { $0.kind == .structure }, "\(run.normalized.diagnostics)")
        let facts = run.normalized.tables.flatMap(\.rows).flatMap(\.cells).filter { $0.value != nil }
        #expect(facts.count == report.facts)
        let notPassing = run.reconciled.checks.filter { $0.status == .fail || $0.status == .warn }
        #expect(Set(notPassing.map(\.id)) == Set(report.notPassing.keys),
                "\(notPassing.map { "\($0.id): \($0.message)" })")
        #expect(notPassing.count == report.notPassing.count)
    }
}
