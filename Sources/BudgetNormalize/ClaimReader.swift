import BudgetCore

/// A claim before its line and sentence are cut out: offsets into its paragraph's scalars.
package struct ClaimDraft: Sendable {
    package var subject: ClaimSubject
    package var amount: ClaimValue
    package var year: Int?
    package var comparison: ClaimComparison?
    package var share: ClaimValue?
    package var measure: String?
    /// See `NarrativeClaim.phase`.
    package var phase: String?
    /// The draft (by index) this figure is a part of; see `NarrativeClaim.partOf`.
    package var partOf: Int?
    /// A statement of none (`NoneStatements`); see `NarrativeClaim.statesNone`.
    package var statesNone = false
    package var figureStart: Int
    /// The claim's sentence: from the start of its clause to the end of the last comparison or
    /// share attached to it.
    package var start: Int
    package var end: Int
}

/// Reads one paragraph's tokens into claims, clause by clause.
///
/// A clause runs between punctuation marks. A figure whose clause names something starts a new
/// claim, with the words before it as subject. A clause that opens with a comparison (`比…`,
/// `较…`, `同比…`, `与上年相比…`), a direction (`下降 2.24%`) or a share (`占 68.26%`) and names
/// nothing else belongs to the claim before it — across a full stop only when it opens with a
/// comparison word. A bracket that holds figures (`1.5万元(公务用车购置费0万元，…)`) holds the
/// claim's parts: they are claims of their own, and what follows the bracket belongs to the
/// claim before it again.
package struct ClaimReader {
    package static func read(_ scalars: [Unicode.Scalar], reportYear: Int?, headingCategory: ClaimCategory?) -> [ClaimDraft] {
        var reader = ClaimReader(scalars: scalars, tokens: ClaimScanner.tokens(scalars), reportYear: reportYear,
                                 headingCategory: headingCategory)
        reader.run()
        return reader.drafts
    }

    /// What the current clause has shown so far; a figure starts a new one.
    private struct Chunk {
        package var start: Int
        /// Words other than filler came before any comparison, direction or share word: the
        /// clause is about something of its own.
        package var hasSubject = false
        package var sawMarker = false
        /// Where the first comparison, direction or share word starts.
        package var markerStart: Int?
        package var startsWithCompare = false
        package var compare = false
        package var sawDirection = false
        package var compareYear: Int?
        /// A direction word not yet followed by its figure, and where it ends.
        package var direction: ChangeDirection?
        package var directionEnd = 0
        package var share = false
        /// `截至` / `截止`: a year in this clause dates the whole paragraph.
        package var datePhrase = false
        /// The last year token outside a comparison, and the sentence year before it, so that
        /// `与上年相比` can take it back.
        package var lastYear: (token: Int, previous: Int?)?
    }

    private let scalars: [Unicode.Scalar]
    private let tokens: [ClaimToken]
    private let reportYear: Int?
    private let headingCategory: ClaimCategory?
    private var drafts: [ClaimDraft] = []
    /// The claim later comparisons and shares attach to.
    private var current: Int?
    /// A full stop came after `current`.
    private var closed = false
    /// `current` outside each open bracket of parts.
    private var outer: [Int?] = []
    private var sentenceYear: Int?
    private var paragraphYear: Int?
    /// The claim before `其中` / `包括`: its parts may take its category.
    private var subsetParent: Int?
    /// The claim before `其中` / `包括` in the current clause, not across a full stop: the figures
    /// after it are its parts (`partOf`). A `；` or a full stop ends it.
    private var wholeOfParts: Int?
    /// The subject a figure named only as `预算安排` or `支出决算` is about: the last claim's, or
    /// a classification path stated without a figure (`1、…（项）。主要用于…。年初预算为…`).
    private var lastSubject: ClaimSubject?
    private var chunk = Chunk(start: 0)

    private init(scalars: [Unicode.Scalar], tokens: [ClaimToken], reportYear: Int?, headingCategory: ClaimCategory?) {
        self.scalars = scalars
        self.tokens = tokens
        self.reportYear = reportYear
        self.headingCategory = headingCategory
    }

    private mutating func run() {
        let (parts, asides) = brackets()
        /// Open asides: punctuation inside `（上一年度，下同）` does not end the clause.
        var aside = 0
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .words:
                noteWords(token)
            case .number:
                break
            case .year(let year):
                noteYear(year, token: index)
            case .relativeYear(let offset):
                // `2023年当年预算执行数`: the year just named is the year meant.
                if index > 0, case .year = tokens[index - 1].kind { break }
                noteYear(reportYear.map { $0 + offset }, token: index)
            case .compare(let form):
                noteCompare(form, token: index)
            case .direction(let direction):
                noteDirection(direction, token: token)
            case .share:
                noteMarker(token)
                chunk.share = true
            case .figure(let value, let unit):
                noteFigure(value, unit, token: token)
            case .countBefore(let value):
                noteCountBefore(value, at: index)
            case .pause where aside > 0, .colon where aside > 0, .clauseEnd where aside > 0:
                break
            case .pause, .colon:
                startChunk(after: token, carryingComparison: true)
            case .clauseEnd:
                startChunk(after: token)
                wholeOfParts = nil
            case .sentenceEnd:
                startChunk(after: token)
                wholeOfParts = nil
                closed = true
                sentenceYear = nil
                aside = 0
            case .open where parts.contains(index):
                startChunk(after: token)
                outer.append(current)
            case .close where parts.contains(index):
                startChunk(after: token)
                current = outer.popLast() ?? nil
            case .open where asides.contains(index):
                aside += 1
            case .close where asides.contains(index):
                aside = max(aside - 1, 0)
            case .open, .close:
                break
            }
        }
        finishChunk()
    }

    /// Indices of the bracket tokens, both ends of each matched pair: those that enclose a
    /// figure (parts), and the others (asides). Brackets are matched within a sentence.
    private func brackets() -> (parts: Set<Int>, asides: Set<Int>) {
        var parts = Set<Int>()
        var asides = Set<Int>()
        var open: [(token: Int, hasFigure: Bool)] = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .open:
                open.append((index, false))
            case .close:
                if let pair = open.popLast() {
                    if pair.hasFigure {
                        parts.insert(pair.token)
                        parts.insert(index)
                    } else {
                        asides.insert(pair.token)
                        asides.insert(index)
                    }
                }
            case .figure:
                for k in open.indices { open[k].hasFigure = true }
            case .sentenceEnd:
                open.removeAll()
            default:
                break
            }
        }
        return (parts, asides)
    }

    /// The clause belongs to `current`: it names nothing else, or names `current` again
    /// (`与2023年度相比，收入支出总计减少56.95万元`), and does not follow a full stop unless it
    /// opens with a comparison.
    private var attachable: Bool {
        guard let claim = current, !closed || chunk.startsWithCompare else { return false }
        guard chunk.hasSubject else { return true }
        guard let end = chunk.markerStart else { return false }
        return ClaimSubjectRules.names(drafts[claim].subject, scalars[chunk.start ..< end])
    }

    private mutating func noteWords(_ token: ClaimToken) {
        let words = scalars[token.start ..< token.end]
        if !chunk.sawMarker && !ClaimSubjectRules.isFiller(words) { chunk.hasSubject = true }
        if ClaimSubjectRules.marksParts(words) {
            subsetParent = current ?? (drafts.isEmpty ? nil : drafts.count - 1)
            wholeOfParts = closed ? nil : current
        }
        if ClaimSubjectRules.marksDate(words) { chunk.datePhrase = true }
    }

    private mutating func noteYear(_ year: Int?, token: Int) {
        if chunk.compare {
            chunk.compareYear = year
            return
        }
        chunk.lastYear = (token, sentenceYear)
        sentenceYear = year
        if chunk.datePhrase { paragraphYear = year }
    }

    private mutating func noteCompare(_ form: ClaimCompareForm, token: Int) {
        if !chunk.sawMarker && !chunk.hasSubject { chunk.startsWithCompare = true }
        noteMarker(tokens[token])
        chunk.compare = true
        switch form {
        case .before:
            break
        case .sameTime:
            chunk.compareYear = reportYear.map { $0 - 1 }
        case .after:
            if let last = chunk.lastYear, last.token == token - 1 {
                chunk.compareYear = sentenceYear
                sentenceYear = last.previous
            }
        }
    }

    private mutating func noteMarker(_ token: ClaimToken) {
        if !chunk.sawMarker { chunk.markerStart = token.start }
        chunk.sawMarker = true
    }

    private mutating func noteDirection(_ direction: ChangeDirection, token: ClaimToken) {
        if !chunk.compare, !chunk.sawMarker, !chunk.hasSubject, let last = chunk.lastYear {
            // `与上年持平`, `上年减少 5 万元`: the year named before the change is its base.
            chunk.compare = true
            chunk.startsWithCompare = true
            chunk.compareYear = sentenceYear
            sentenceYear = last.previous
        }
        noteMarker(token)
        chunk.sawDirection = true
        let canAttach = attachable
        guard direction == .unchanged else {
            chunk.direction = direction
            chunk.directionEnd = token.end
            return
        }
        guard canAttach, let claim = current else {
            current = nil
            return
        }
        if drafts[claim].comparison == nil {
            drafts[claim].comparison = ClaimComparison(year: chunk.compareYear, direction: .unchanged)
            extend(claim, to: token.end)
        }
    }

    private mutating func noteFigure(_ value: ClaimValue, _ unit: ClaimUnitKind, token: ClaimToken) {
        defer { chunk = Chunk(start: token.end) }
        if let direction = chunk.direction {
            guard attachable, let claim = current else {
                // A change of something else (`主要是人员经费增加 8 万元`): what follows is
                // about that, not about the claim before.
                current = nil
                return
            }
            var comparison = drafts[claim].comparison ?? ClaimComparison(year: chunk.compareYear, direction: direction)
            if comparison.year == nil && chunk.compare { comparison.year = chunk.compareYear }
            if unit == .percent {
                if comparison.percent == nil { comparison.percent = value }
            } else if comparison.change == nil {
                comparison.change = value
            }
            drafts[claim].comparison = comparison
            extend(claim, to: token.end)
            return
        }
        if chunk.share && unit == .percent {
            if attachable, let claim = current, drafts[claim].share == nil {
                drafts[claim].share = value
                extend(claim, to: token.end)
                return
            }
            // `基本支出占 68.26%`: the share is the only figure stated about its subject.
            addClaim(value, unit, token: token, subjectEnd: chunk.markerStart ?? token.start, share: value)
            return
        }
        addClaim(value, unit, token: token, subjectEnd: token.start, share: nil)
    }

    private mutating func addClaim(_ value: ClaimValue, _ unit: ClaimUnitKind, token: ClaimToken, subjectEnd: Int,
                                   share: ClaimValue?) {
        let words = scalars[chunk.start ..< subjectEnd]
        let subject: ClaimSubject
        var measure: String?
        var phase: String?
        if let lastSubject, let restatement = ClaimSubjectRules.restatement(words) {
            // `“…（项）”53.84万元。2023年当年预算执行数为54.60万元，2024年预算安排53.84万元`:
            // the same subject in another year; `…（项）。年初预算为…，支出决算为…`: in another phase.
            subject = lastSubject
            measure = restatement
            phase = unit == .money ? ClaimSubjectRules.phase(ofMeasure: restatement) : nil
        } else if unit == .percent, share == nil, let lastSubject, let rate = ClaimSubjectRules.completionRate(words) {
            // `…支出决算为2940.05万元，完成年初预算的98.20%`: the rate of the subject before.
            subject = lastSubject
            (measure, phase) = (rate.measure, rate.phase)
        } else {
            let parent = subsetParent.map { drafts[$0].subject.category }
            if unit == .money {
                (subject, measure, phase) = ClaimSubjectRules.phasedSubject(words, unit: unit, parent: parent, heading: headingCategory)
            } else {
                subject = ClaimSubjectRules.subject(words, unit: unit, parent: parent, heading: headingCategory)
            }
        }
        drafts.append(ClaimDraft(subject: subject, amount: value, year: sentenceYear ?? paragraphYear ?? reportYear,
                                 comparison: nil, share: share, measure: measure, phase: phase, partOf: wholeOfParts,
                                 figureStart: token.start, start: chunk.start, end: token.end))
        current = drafts.count - 1
        closed = false
        lastSubject = subject
    }

    /// `1 个二级项目支出绩效目标`: a count before a noun it counts is a claim about the words after
    /// it, to the end of the clause.
    private mutating func noteCountBefore(_ value: ClaimValue, at index: Int) {
        let token = tokens[index]
        var end = token.end
        scan: for next in tokens[(index + 1)...] {
            switch next.kind {
            case .words, .number: end = next.end
            default: break scan
            }
        }
        let subject = ClaimSubjectRules.subject(scalars[token.end ..< end], unit: .count, parent: nil, heading: headingCategory)
        drafts.append(ClaimDraft(subject: subject, amount: value, year: sentenceYear ?? paragraphYear ?? reportYear,
                                 comparison: nil, share: nil, measure: nil, phase: nil, partOf: nil,
                                 figureStart: token.start, start: chunk.start, end: end))
        current = drafts.count - 1
        closed = false
        lastSubject = subject
        chunk = Chunk(start: token.end)
    }

    private mutating func extend(_ claim: Int, to end: Int) {
        drafts[claim].end = max(drafts[claim].end, end)
        closed = false
    }

    /// Ends the clause at `token`. After a comma, a clause that was only a comparison
    /// (`与2023年度相比，`) opens the next one.
    private mutating func startChunk(after token: ClaimToken, carryingComparison: Bool = false) {
        let opening = carryingComparison && chunk.startsWithCompare && !chunk.sawDirection
        let compareYear = chunk.compareYear
        finishChunk(end: token.start)
        chunk = Chunk(start: token.end)
        if opening {
            chunk.compare = true
            chunk.startsWithCompare = true
            chunk.compareYear = compareYear
        }
    }

    /// A direction with no figure after it (`比上年有所增加`) is still the claim's comparison;
    /// a classification path with no figure is the subject of the figures that restate it.
    private mutating func finishChunk(end: Int? = nil) {
        if let end, chunk.hasSubject, !chunk.sawMarker,
           let subject = ClaimSubjectRules.classification(scalars[chunk.start ..< end]) {
            lastSubject = subject
        }
        guard let direction = chunk.direction else { return }
        guard attachable, let claim = current else {
            current = nil
            return
        }
        guard drafts[claim].comparison == nil else { return }
        drafts[claim].comparison = ClaimComparison(year: chunk.compareYear, direction: direction)
        extend(claim, to: chunk.directionEnd)
    }
}
