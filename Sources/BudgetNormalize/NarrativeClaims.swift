import BudgetCore
import BudgetSegment

/// A figure the report's prose states (`基本支出 825.26 万元，占 68.26%`), with what it is about
/// and what it is compared with, so a later stage can check the prose against the tables.
public struct NarrativeClaim: Codable, Sendable, Equatable {
    /// The source line the figure's number starts on.
    public var line: Int
    /// The clause that states the figure, through the comparison and share clauses that belong
    /// to it (`2024 年收支总预算 1209.02 万元。比 2023 年预算减少 27.72 万元，下降 2.24%`), as
    /// printed; the reasons that follow (`主要是…`) are left out.
    public var sentence: String
    public var subject: ClaimSubject
    public var amount: ClaimValue
    /// The year the figure is for: the last year named before it in its sentence (`2024 年…`,
    /// `本年…`), else the year of a `截至 2023 年 12 月 31 日` date earlier in the paragraph, else
    /// the report year.
    public var year: Int?
    public var comparison: ClaimComparison?
    /// `占 68.26%`: the figure's share of the total.
    public var share: ClaimValue?
    /// The words naming the figure when they say only what kind of figure it is (`预算安排`,
    /// `当年预算执行数`, `年初预算`, `支出决算`); `subject` is then the subject of the claim or
    /// classification path before it in the paragraph. Nil when the figure names its own subject.
    public var measure: String?
    /// The phase of the budget cycle the figure is stated in, when its words name one (a 决算
    /// narrative's `年初预算为…` budget, `调整预算` / `全年预算` adjusted, `支出决算为…` final;
    /// `phaseWords` in claim-subjects.json): reconcile compares it with the table column of that
    /// phase (`NormalizedColumn.phase`). For a completion rate (`完成年初预算的98.20%`, `measure`
    /// its words), the phase the final figure is measured against. Nil when the words name none.
    public var phase: String?
    /// The claim this figure is a part of, by its position in the report's claims (from 0): the
    /// claim stated just before `其中` / `包括` in the same clause (`项目支出 383.76 万元，其中：
    /// 一般公共预算本年拨款 383.76 万元`). Nil when the figure is not stated as a part.
    public var partOf: Int?
    /// The prose states there is none of it (`2024 年没有使用政府性基金预算拨款安排的支出。`):
    /// `amount` is 0, its `raw` the words that say so (`没有使用`), its unit empty. In JSON only
    /// when true.
    @OmittedWhenDefault public var statesNone: Bool = false
}

/// A printed number with its unit.
public struct ClaimValue: Codable, Sendable, Equatable {
    /// The number and its unit exactly as printed, spaces included (`1209.02 万元`, `５ 台（套）`).
    public var raw: String
    public var value: ExactDecimal
    /// `万元`, `元`, `%`, `辆`, `台(套)`, `个百分点` …: as printed, except that `％` is `%` and
    /// `台（套）` / `台/套` are `台(套)`, so units compare by their bytes.
    public var unit: String
}

/// `比 2023 年预算减少 27.72 万元，下降 2.24%`.
public struct ClaimComparison: Codable, Sendable, Equatable {
    /// The year compared with: `2023` as printed; `上年`, `上年度`, `去年` and `同比` are the
    /// report year − 1 (nil without a report year); nil when no year is named.
    public var year: Int?
    /// From the first direction word: the change amount's if there is one, else the percent's.
    public var direction: ChangeDirection
    public var change: ClaimValue?
    public var percent: ClaimValue?
}

public enum ChangeDirection: String, Codable, Sendable {
    /// 增加, 增长, 上升, 提高, 增幅.
    case increase
    /// 减少, 下降, 降低, 下调, 减幅.
    case decrease
    /// 持平, 无增减(变化), 无变化, 没有变化, 未(发生)变化, (保持)不变.
    case unchanged
}

/// What a figure is about.
public struct ClaimSubject: Codable, Sendable, Equatable {
    public var category: ClaimCategory
    /// The words naming it, without spaces, years (`2024 年`), enumerators (`1.`, `(一)`) and
    /// filler (`其中`, `占有使用`, a trailing `预算数`): `收支总预算`, `基本支出`, `公务接待费`.
    /// For a classification path, the path as printed (`社会保障和就业支出(类)…事业运行(项)`).
    public var label: String
    /// The names of a 类/款/项 path, top level first; nil when the label is not one.
    public var classification: [String]?
}

public enum ClaimCategory: String, Codable, Sendable {
    /// The report total: 收支总预算, 收入预算, 支出预算, 财政拨款收支总预算, 一般公共预算拨款, 本年预算.
    case total
    /// A kind of income or funding: 一般公共预算财政拨款收入, 一般公共预算本年拨款.
    case income
    /// A function category of expenditure: 社会保障和就业支出.
    case expenditure
    case basic
    /// 项目支出, and a named project under the 项目支出 heading.
    case project
    case personnel
    case publicFunds
    /// An economic category: 工资福利支出, 对个人和家庭的补助.
    case economic
    /// The “三公”经费 total.
    case threePublic
    /// 因公出国(境)经费, 公务用车购置及运行维护费 and its two parts, 公务接待费.
    case threePublicPart
    /// A 类/款/项 path; see `ClaimSubject.classification`.
    case classification
    /// 政府采购, and its parts (服务类) under that heading.
    case procurement
    /// 国有资产, and any figure counted in assets' units (`1 辆`, `5 台(套)`).
    case assets
    case other
}

/// Reads every figure stated in the narrative into a `NarrativeClaim`.
///
/// Not claims: years (`2024 年`), dates (`12 月 31 日`), ordinals (`1.`, `(一)`), numbers without
/// a unit, thresholds (`单价 100 万元(含)以上`), rates (`元/人`), and counts followed by what they
/// count (`6 个科室`) unless it is a counted noun of claim-units.json (`1 个二级项目`, a claim about
/// the words after it), classification codes (`（204类）`, `（01项）`), ordinals after `第`. A count
/// that ends its clause (`二级项目 3 个。`) is a claim. A sentence saying there is none of
/// something (`没有使用…安排的支出`, `NoneStatements`) is a claim of zero. A change
/// stated about something other than the claim before it (`主要是人员经费增加 8 万元`) is
/// neither attached to that claim nor a claim of its own: its amount is not a level.
public enum NarrativeClaims {
    /// Claims of every block in `blocks` (paragraphs, and a heading that states a figure);
    /// headings also give the claims below them a category when their words do not
    /// (`十、项目支出安排情况` makes `日常系统运行经费 383.76 万元` a project). `reportYear`
    /// resolves `上年` and figures without their own year.
    ///
    /// Without the source lines a block's split points are unknown, so every claim of a
    /// paragraph broken over lines is put on the block's first line; use
    /// `extract(from:reportYear:sourceLines:)` for exact lines.
    public static func extract(from blocks: [NarrativeBlock], reportYear: Int?) -> [NarrativeClaim] {
        extract(from: blocks, reportYear: reportYear) { _ in nil }
    }

    /// Claims with exact lines: `sourceLines[n - 1]` is the text of line `n`, as in
    /// `01-extract/text.txt` split at line feeds. Each block line's text, spaces trimmed, is
    /// found in the block's text in order, so a figure in a paragraph broken over lines gets the
    /// line it is printed on.
    public static func extract<Line: StringProtocol>(from blocks: [NarrativeBlock], reportYear: Int?,
                                                     sourceLines: [Line]) -> [NarrativeClaim] {
        extract(from: blocks, reportYear: reportYear) { number in
            number >= 1 && number <= sourceLines.count ? Array(sourceLines[number - 1].unicodeScalars) : nil
        }
    }

    private static func extract(from blocks: [NarrativeBlock], reportYear: Int?,
                                lineText: (Int) -> [Unicode.Scalar]?) -> [NarrativeClaim] {
        var claims: [NarrativeClaim] = []
        var headingCategory: ClaimCategory?
        for block in blocks {
            let scalars = Array(block.text.unicodeScalars)
            if block.kind == .heading {
                headingCategory = ClaimSubjectRules.headingCategory(scalars)
            }
            let drafts = merged(ClaimReader.read(scalars, reportYear: reportYear, headingCategory: headingCategory),
                                NoneStatements.read(scalars, reportYear: reportYear, headingCategory: headingCategory))
            guard !drafts.isEmpty else { continue }
            let starts = lineStarts(of: block, in: scalars, lineText: lineText)
            let first = claims.count
            for draft in drafts {
                claims.append(NarrativeClaim(
                    line: line(at: draft.figureStart, block: block, starts: starts),
                    sentence: trimmedText(scalars[draft.start ..< draft.end]),
                    subject: draft.subject, amount: draft.amount, year: draft.year,
                    comparison: draft.comparison, share: draft.share, measure: draft.measure, phase: draft.phase,
                    partOf: draft.partOf.map { first + $0 }, statesNone: draft.statesNone))
            }
        }
        return claims
    }

    /// The reader's claims and the statements of none, in the order they are printed; `partOf`
    /// still points at the same claim.
    private static func merged(_ read: [ClaimDraft], _ none: [ClaimDraft]) -> [ClaimDraft] {
        guard !none.isEmpty else { return read }
        var result: [ClaimDraft] = []
        result.reserveCapacity(read.count + none.count)
        var position = Array(repeating: 0, count: read.count)
        var n = 0
        for (index, draft) in read.enumerated() {
            while n < none.count, none[n].figureStart < draft.figureStart {
                result.append(none[n])
                n += 1
            }
            position[index] = result.count
            result.append(draft)
        }
        result.append(contentsOf: none[n...])
        for index in result.indices {
            if let part = result[index].partOf, !result[index].statesNone { result[index].partOf = position[part] }
        }
        return result
    }

    /// Where each of the block's lines starts in its text, or nil when a line's text is
    /// unknown or not found (the block was not joined from these lines).
    private static func lineStarts(of block: NarrativeBlock, in text: [Unicode.Scalar],
                                   lineText: (Int) -> [Unicode.Scalar]?) -> [Int]? {
        guard block.lines.count > 1 else { return nil }
        var starts: [Int] = []
        var offset = 0
        for number in block.lines {
            guard let raw = lineText(number) else { return nil }
            let content = trimmed(raw[...])
            guard let found = firstIndex(of: content, in: text, from: offset) else { return nil }
            starts.append(found)
            offset = found + content.count
        }
        return starts
    }

    private static func line(at offset: Int, block: NarrativeBlock, starts: [Int]?) -> Int {
        guard let starts else { return block.lines.first ?? 0 }
        var index = 0
        for (position, start) in starts.enumerated() where start <= offset { index = position }
        return block.lines[index]
    }

    private static func firstIndex(of pattern: ArraySlice<Unicode.Scalar>, in text: [Unicode.Scalar], from offset: Int) -> Int? {
        guard !pattern.isEmpty else { return offset }
        let needle = Array(pattern)
        var i = offset
        while i + needle.count <= text.count {
            if ClaimScanner.matches(text, at: i, needle) { return i }
            i += 1
        }
        return nil
    }

    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = scalars
        while let first = slice.first, ClaimScanner.isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, ClaimScanner.isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    private static func trimmedText(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: trimmed(scalars))
    }
}
