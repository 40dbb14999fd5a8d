import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// Amounts and arithmetic read from cost estimates' free text.
@Suite struct ReconcileCostBasisTests {
    @Test func productWithItsWrittenResultAndAFurtherAmount() throws {
        let basis = CostBasisScanner.scan("按照8.31万元*8人=65.38万元核定；临时劳务费1.34万元。")
        let expression = try #require(basis.expressions.first)
        #expect(basis.expressions.count == 1)
        #expect(expression.text == "8.31万元*8人")
        #expect(expression.value == decimal("66.48"))
        #expect(expression.slack == decimal("0.04"), "8 people are exact; 8.31 may be off by 0.005 each")
        #expect(expression.result.value == decimal("65.38"))
        #expect(basis.amounts.map(\.value) == [decimal("1.34")])
        #expect(basis.basis.map(\.value) == [decimal("65.38"), decimal("1.34")])
    }

    @Test func yearsAreNotOperands() throws {
        let basis = CostBasisScanner.scan("按照2022年实际电费使用情况1.1万元*12个月=13.2万元")
        let expression = try #require(basis.expressions.first)
        #expect(expression.value == decimal("13.2") && expression.result.value == decimal("13.2"))
        #expect(basis.amounts.isEmpty)
    }

    @Test func aStatedTotalSumsTheBareTenThousands() throws {
        let basis = CostBasisScanner.scan("分析数据效验规则4.5万；原业务系统数据采集3万；数据转换、结果检查、规则优化19.5万、附件文档迁移1.5万。总计28.5万元。")
        let total = try #require(basis.totals.first)
        #expect(total.amount.value == decimal("28.5"))
        #expect(total.parts.map(\.value) == ["4.5", "3", "19.5", "1.5"].map(decimal))
        #expect(basis.basis.map(\.value) == [decimal("28.5")])
    }

    @Test(arguments: [
        "服务全市1300万市民，宣传社会保障卡政策",
        "社保中心发送短信70万条、失业办10万条、信访处近20万条，其他部门30万条。每条0.06元。",
        "根据类似服务项目公开招标成交价格及我局该项目历年预算估算。",
        "根据等级保护2.0国家标准，《2023版武汉云服务目录》",
    ])
    func countsRatesYearsAndVersionsAreNotAmounts(text: String) {
        let basis = CostBasisScanner.scan(text)
        #expect(basis.basis.isEmpty && basis.expressions.isEmpty && basis.totals.isEmpty)
    }

    @Test func yuanAreBroughtIntoTenThousands() {
        let basis = CostBasisScanner.scan("单价以外另付12,500元，全角６万元")
        #expect(basis.amounts.map(\.value) == [decimal("1.25"), decimal("6")])
        #expect(basis.amounts.first?.precision == 4)
    }

    @Test func ratesMayBeOperands() throws {
        let basis = CostBasisScanner.scan("每条0.06元×130万条=7.8万元")
        let expression = try #require(basis.expressions.first)
        #expect(expression.value == decimal("7.8"))
        #expect(expression.result.value == decimal("7.8"))
    }

    @Test func countsSharingOneRateMakeAProduct() throws {
        let basis = CostBasisScanner.scan("社保中心发送短信70万条、失业办10万条、信访处近20万条，其他部门30万条。每条0.06元。")
        let product = try #require(basis.products.first)
        #expect(basis.products.count == 1)
        #expect(product.counts == ["70万条", "10万条", "近20万条", "30万条"])
        #expect(product.rate == "每条0.06元")
        #expect(product.value == decimal("7.8"))
        #expect(product.slack == decimal("0"), "a price to the 分 is exact")
        #expect(product.approximate == ["近20万条"])
        #expect(product.approximateSlack == decimal("0.12"), "10% of 20万条 at 0.06 元")
        #expect(basis.costProducts.count == 1 && basis.basis.isEmpty)
    }

    @Test(arguments: [("约20万份", "约20万份"), ("20余万份", "20余万份"), ("20万余份", "20万余份"), ("20万份左右", "20万份左右"),
                      ("20多万份", "20多万份")])
    func approximateWordsBeforeInsideAndAfterACount(printed: String, shown: String) throws {
        let basis = CostBasisScanner.scan("印制宣传册\(printed)，每份0.5元。")
        let product = try #require(basis.products.first, "\(printed)")
        #expect(product.value == decimal("10"), "20万份 at 0.5 元")
        #expect(product.approximate == [shown])
        #expect(product.approximateSlack == decimal("1"))
    }

    @Test func aPriceCoarserThanTheFenIsRounded() throws {
        let basis = CostBasisScanner.scan("服务人数120人，每人0.3万元。")
        let product = try #require(basis.products.first)
        #expect(product.value == decimal("36"))
        #expect(product.slack == decimal("6"), "0.3 万元 may be 0.25–0.35: ±0.05 × 120")
    }

    @Test(arguments: ["每条0.06元，每条0.05元，共发送70万条。", "每条0.06元。另印制宣传册5万份。"])
    func noProductWithoutOneRateAndItsCounts(text: String) {
        #expect(CostBasisScanner.scan(text).products.isEmpty)
    }

    @Test func tenThousandLotsAreReadByTheWrittenResult() throws {
        let lots = try #require(CostBasisScanner.scan("按照5.13万元*6万条=30.78万元").expressions.first)
        #expect(lots.value == decimal("30.78"))
        let items = try #require(CostBasisScanner.scan("每条0.06元×130万条=7.8万元").expressions.first)
        #expect(items.value == decimal("7.8"))
        #expect(items.slack == decimal("0"), "a price to the 分 is exact")
    }

    @Test func monthsMultipliedAreCountsAndDatesAreNot() throws {
        let months = try #require(CostBasisScanner.scan("按照1.1万元*11月=12.1万元").expressions.first)
        #expect(months.value == decimal("12.1"))
        #expect(CostBasisScanner.scan("2024年11月支付5万元").amounts.map(\.value) == [decimal("5")])
    }
}
