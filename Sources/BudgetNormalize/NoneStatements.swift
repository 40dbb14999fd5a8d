import BudgetCore

/// Sentences that state there is none of something: `2024 年没有使用政府性基金预算拨款安排的支出。`
/// is a figure of zero, as checkable as `0 万元` (the table it names must be empty or zero). The
/// sentence opens and closes with words of claim-subjects.json's `noneStatements`; its subject is
/// the words between the opening and the end (`政府性基金预算拨款安排的支出`).
package enum NoneStatements {
    private static let openings = ClaimSubjectWords.standard.noneStatements.openings.map { Array($0.unicodeScalars) }
    private static let closings = ClaimSubjectWords.standard.noneStatements.closings.map { Array($0.unicodeScalars) }

    /// The statements of none in a paragraph, in order; one pass over its sentences.
    package static func read(_ scalars: [Unicode.Scalar], reportYear: Int?, headingCategory: ClaimCategory?) -> [ClaimDraft] {
        var drafts: [ClaimDraft] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || isSentenceEnd(scalars[index]) {
            if let draft = statement(scalars, start ..< index, reportYear: reportYear, headingCategory: headingCategory) {
                drafts.append(draft)
            }
            start = index + 1
        }
        return drafts
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        if case .sentenceEnd? = ClaimScanner.punctuation(scalar) { return true }
        return false
    }

    private static func statement(_ s: [Unicode.Scalar], _ range: Range<Int>, reportYear: Int?,
                                  headingCategory: ClaimCategory?) -> ClaimDraft? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, ClaimScanner.isSpace(s[lower]) { lower += 1 }
        while upper > lower, ClaimScanner.isSpace(s[upper - 1]) { upper -= 1 }
        guard closings.contains(where: { upper - lower >= $0.count && ClaimScanner.matches(s, at: upper - $0.count, $0) }) else {
            return nil
        }
        var at = lower
        var opening: [Unicode.Scalar]?
        while at < upper, opening == nil {
            opening = openings.first { ClaimScanner.matches(s, at: at, $0) }
            if opening == nil { at += 1 }
        }
        guard let opening, at + opening.count < upper else { return nil }
        let subject = ClaimSubjectRules.subject(s[(at + opening.count) ..< upper], unit: .money, parent: nil, heading: headingCategory)
        let amount = ClaimValue(raw: String(scalars: opening), value: .zero, unit: "")
        return ClaimDraft(subject: subject, amount: amount, year: year(before: s[lower ..< at], reportYear: reportYear),
                          comparison: nil, share: nil, measure: nil, phase: nil, partOf: nil, statesNone: true,
                          figureStart: at, start: lower, end: upper)
    }

    /// The last year named before the opening (`2024 年`, `本年`), else the report's.
    private static func year(before words: ArraySlice<Unicode.Scalar>, reportYear: Int?) -> Int? {
        var year = reportYear
        for token in ClaimScanner.tokens(Array(words)) {
            switch token.kind {
            case .year(let named): year = named
            case .relativeYear(let offset): year = reportYear.map { $0 + offset }
            default: break
            }
        }
        return year
    }
}
