import BudgetCore

/// A claim before its line and sentence are cut out: offsets into its paragraph's scalars.
package struct ClaimDraft: Sendable {
    package var subject: ClaimSubject
    package var amount: ClaimValue
    package var year: Int?
    package var comparison: ClaimComparison?
    package var share: ClaimValue?
    package var measure: String?
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
            case .pause where aside > 0, .colon where aside > 0, .clauseEnd where aside > 0:
                break
            case .pause, .colon:
                startChunk(after: token, carryingComparison: true)
            case .clauseEnd:
                startChunk(after: token)
            case .sentenceEnd:
                startChunk(after: token)
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
        if ClaimSubjectRules.marksParts(words) { subsetParent = current ?? (drafts.isEmpty ? nil : drafts.count - 1) }
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
        if let lastSubject, let restatement = ClaimSubjectRules.restatement(words) {
            // `“…（项）”53.84万元。2023年当年预算执行数为54.60万元，2024年预算安排53.84万元`:
            // the same subject in another year.
            subject = lastSubject
            measure = restatement
        } else {
            let parent = subsetParent.map { drafts[$0].subject.category }
            subject = ClaimSubjectRules.subject(words, unit: unit, parent: parent, heading: headingCategory)
        }
        drafts.append(ClaimDraft(subject: subject, amount: value, year: sentenceYear ?? paragraphYear ?? reportYear,
                                 comparison: nil, share: share, measure: measure, figureStart: token.start, start: chunk.start,
                                 end: token.end))
        current = drafts.count - 1
        closed = false
        lastSubject = subject
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

// MARK: - Subjects

/// The words before a figure, cleaned into a label, and what they name.
package enum ClaimSubjectRules {
    package static func subject(_ words: ArraySlice<Unicode.Scalar>, unit: ClaimUnitKind, parent: ClaimCategory?,
                        heading: ClaimCategory?) -> ClaimSubject {
        let label = cleaned(words)
        if let path = classificationPath(label) {
            return ClaimSubject(category: .classification, label: text(path.label), classification: path.names)
        }
        return ClaimSubject(category: category(label, unit: unit, parent: parent, heading: heading), label: text(label))
    }

    private static let headingRules = rules([
        (.contains, "三公", .threePublicPart), (.contains, "政府采购", .procurement), (.contains, "资产", .assets),
        (.contains, "项目支出", .project), (.contains, "基本支出", .economic), (.contains, "收入", .income),
    ])

    /// What a heading makes the figures below it when their own words do not say.
    package static func headingCategory(_ heading: [Unicode.Scalar]) -> ClaimCategory? {
        firstMatch(heading[...], headingRules)
    }

    /// Words that do not name anything: a clause of only these still belongs to the claim
    /// before it (`与上年相比`, `其中`).
    package static func isFiller(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        fillers.contains { equals(words, $0) }
    }

    /// The subject a path names, when the words are a classification path.
    package static func classification(_ words: ArraySlice<Unicode.Scalar>) -> ClaimSubject? {
        guard let path = classificationPath(cleaned(words)) else { return nil }
        return ClaimSubject(category: .classification, label: text(path.label), classification: path.names)
    }

    /// The words name `subject` again: its label, or the end of it, or its label and more.
    package static func names(_ subject: ClaimSubject, _ words: ArraySlice<Unicode.Scalar>) -> Bool {
        let named = cleaned(words)
        let label = Array(subject.label.unicodeScalars)
        guard named.count >= 2 else { return false }
        return hasSuffix(label[...], named) || hasSuffix(named[...], label)
    }

    /// The words, cleaned, when they name no subject but a kind of figure (`预算安排`,
    /// `当年预算执行数`): the figure is about the subject named before it in the paragraph.
    package static func restatement(_ words: ArraySlice<Unicode.Scalar>) -> String? {
        let label = cleaned(words)
        return restatements.contains { equals(label[...], $0) } ? text(label) : nil
    }

    /// `其中`, `…包括`: the figures that follow are parts of the claim before.
    package static func marksParts(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        partsWords.contains { hasSuffix(words, $0) }
    }

    package static func marksDate(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        dateWords.contains { contains(words, $0) }
    }

    // MARK: Labels

    private static let partsWords = scalarWords(["其中", "包括"])
    private static let dateWords = scalarWords(["截至", "截止"])
    private static let fillers = scalarWords([
        "与", "其中", "且", "并", "但", "而", "同时", "另", "此外", "和", "分别", "均", "预算", "预算数", "预算执行数", "执行数", "同期",
        "年初预算",
    ])
    private static let restatements = scalarWords([
        "预算", "预算数", "预算安排", "安排", "预算执行数", "执行数", "当年预算执行数", "年初预算", "年初预算数", "决算数",
        "决算", "支出决算",
    ])
    private static let leadingFillers = scalarWords([
        "其中", "具体包括", "主要包括", "包括", "分别为", "主要实物资产为", "实物资产为", "占有使用", "安排", "共有", "拥有",
        "另外", "此外", "另", "同时",
    ])
    private static let trailingFillers = scalarWords(["预算数为", "预算数", "为", "是", "共计", "达到", "达", "约", "共"])
    private static let yearWords = scalarWords(["上年", "上年度", "去年", "本年", "本年度", "今年", "当年"])

    private static let amountWords = scalarWords(["预算", "预算数", "安排", "预算安排", "年初预算"])

    /// Spaces, years (`2024 年`, `2024年度`), leading enumerators and filler removed. Words
    /// before a year that names something after it are a heading or enumerator run into the
    /// sentence (`(二) 政府采购预算情况2024 年政府采购预算支出合计`), and are dropped too; a
    /// classification path before `2024 年预算数` is kept.
    package static func cleaned(_ words: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        let (words, lastYear) = removingYears(words.filter { !ClaimScanner.isSpace($0) })
        var label = words
        if let cut = lastYear, cut > 0, cut < label.count {
            let after = withoutTrailingFillers(Array(label[cut...]))
            if !amountWords.contains(where: { equals(after[...], $0) }), classificationPath(Array(label[..<cut])) == nil {
                label = after
            }
        }
        var changed = true
        while changed {
            changed = false
            if let length = enumeratorLength(label), length < label.count {
                label.removeFirst(length)
                changed = true
            }
            if let filler = leadingFillers.first(where: { hasPrefix(label[...], $0) && label.count > $0.count }) {
                label.removeFirst(filler.count)
                changed = true
            }
        }
        return unquoted(withoutTrailingFillers(label))
    }

    private static func withoutTrailingFillers(_ words: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var label = words
        while let filler = trailingFillers.first(where: { hasSuffix(label[...], $0) && label.count > $0.count }) {
            let rest = label.dropLast(filler.count)
            if yearWords.contains(where: { equals(rest, $0) }) { break }
            label = Array(rest)
        }
        return label
    }

    /// The words without `2024 年` / `2024年度`, and where the last year was in the result.
    private static func removingYears(_ s: [Unicode.Scalar]) -> (words: [Unicode.Scalar], lastYear: Int?) {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(s.count)
        var lastYear: Int?
        var i = 0
        while i < s.count {
            if i + 4 < s.count, (i == 0 || !ClaimScanner.isDigit(s[i - 1])),
               (i ..< i + 4).allSatisfy({ ClaimScanner.isDigit(s[$0]) }), s[i + 4] == "年" {
                i += s.count > i + 5 && s[i + 5] == "度" ? 6 : 5
                lastYear = result.count
                continue
            }
            result.append(s[i])
            i += 1
        }
        return (result, lastYear)
    }

    /// `1.` `1、` `(一)` `（1）` `一、` at the start of a label.
    private static func enumeratorLength(_ s: [Unicode.Scalar]) -> Int? {
        guard let first = s.first else { return nil }
        var i = 0
        if first == "(" || first == "（" {
            i = 1
            while i < s.count, ClaimScanner.isDigit(s[i]) || isChineseNumeral(s[i]) { i += 1 }
            guard i > 1, i < s.count, s[i] == ")" || s[i] == "）" else { return nil }
            return i + 1
        }
        if ClaimScanner.isDigit(first) {
            while i < s.count, ClaimScanner.isDigit(s[i]) { i += 1 }
            guard i < s.count, s[i] == "." || s[i] == "．" || s[i] == "、" else { return nil }
            return i + 1
        }
        while i < s.count, isChineseNumeral(s[i]) { i += 1 }
        guard i > 0, i < s.count, s[i] == "、" else { return nil }
        return i + 1
    }

    private static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "廿", "百", "零", "〇", "两": true
        default: false
        }
    }

    /// `A(类)B(款)C(项)…`, ASCII or full-width brackets, with or without codes (`（204类）`),
    /// quoted or not: the names, and the label cut after the last level (`预算数` and the like
    /// dropped).
    private static func classificationPath(_ s: [Unicode.Scalar]) -> (label: ArraySlice<Unicode.Scalar>, names: [String])? {
        var names: [String] = []
        var nameStart = 0
        var end = 0
        var i = 0
        while i < s.count {
            guard s[i] == "(" || s[i] == "（" else {
                i += 1
                continue
            }
            var j = i + 1
            while j < s.count, ClaimScanner.isDigit(s[j]) { j += 1 }
            guard j + 1 < s.count, s[j] == "类" || s[j] == "款" || s[j] == "项", s[j + 1] == ")" || s[j + 1] == "）" else {
                i += 1
                continue
            }
            names.append(text(withoutQuotes(s[nameStart ..< i])))
            nameStart = j + 2
            end = j + 2
            i = j + 2
        }
        guard !names.isEmpty else { return nil }
        let label = s[..<end]
        return (label.drop { isQuote($0) }, names)
    }

    /// A label wholly in quotes (`“工资福利支出”`) without them; `“三公”经费` is left alone.
    private static func unquoted(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.count > 2, let first = s.first, let last = s.last, isQuote(first), isQuote(last),
              !s.dropFirst().dropLast().contains(where: isQuote) else { return s }
        return Array(s.dropFirst().dropLast())
    }

    private static func withoutQuotes(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = s
        while let first = slice.first, isQuote(first) { slice = slice.dropFirst() }
        while let last = slice.last, isQuote(last) { slice = slice.dropLast() }
        return slice
    }

    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "”", "\"", "「", "」", "‘", "’", "『", "』": true
        default: false
        }
    }

    // MARK: Categories

    /// How a rule's words must appear in a label.
    private enum Match { case contains, equals, suffix }

    private static func rules(_ list: [(Match, String, ClaimCategory)]) -> [(match: Match, words: [Unicode.Scalar], category: ClaimCategory)] {
        list.map { ($0.0, Array($0.1.unicodeScalars), $0.2) }
    }

    /// The economic classification's 类 (部门预算支出经济分类科目).
    private static let economicNames = [
        "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "对企业补助", "对社会保障基金补助", "资本性支出",
        "债务利息及费用支出", "对事业单位经常性补助", "对事业单位资本性补助",
    ]
    /// The function classification's 类 (政府收支分类科目), older names included.
    private static let functionNames = [
        "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
        "文化体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "医疗卫生与计划生育支出", "节能环保支出", "城乡社区支出",
        "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出",
        "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出", "灾害防治及应急管理支出", "债务还本支出",
        "债务付息支出", "债务发行费用支出", "预备费",
    ]

    /// In order: the first rule a label meets gives its category.
    private static let labelRules = rules(
        [
            (.contains, "三公", .threePublic),
            (.contains, "因公出国", .threePublicPart), (.contains, "出国(境)", .threePublicPart),
            (.contains, "出国（境）", .threePublicPart), (.contains, "公务用车", .threePublicPart),
            (.contains, "公务接待", .threePublicPart),
            (.contains, "政府采购", .procurement),
            (.contains, "资产", .assets),
        ]
        + ["总预算", "收支预算", "预算总额", "收入总计", "支出总计", "收支总计", "收支总额", "收入合计", "支出合计"]
            .map { (.contains, $0, .total) }
        + ["收入预算", "支出预算", "预算支出", "本年预算", "预算", "一般公共预算拨款", "财政拨款", "一般公共预算财政拨款",
           "财政拨款预算", "一般公共预算支出", "部门预算", "单位预算"].map { (.equals, $0, .total) }
        + [(.suffix, "收入预算", .total), (.suffix, "支出预算", .total),
           (.contains, "基本支出", .basic), (.contains, "项目支出", .project),
           (.contains, "人员经费", .personnel), (.contains, "公用经费", .publicFunds)]
        + economicNames.map { (.contains, $0, .economic) }
        + [(.contains, "收入", .income), (.suffix, "拨款", .income)]
        + functionNames.map { (.contains, $0, .expenditure) })

    private static let expenditureEnding = Array("支出".unicodeScalars)

    /// The label's own words first; then the claim it is a part of, then its heading; a label
    /// ending in `支出` is an expenditure.
    private static func category(_ label: [Unicode.Scalar], unit: ClaimUnitKind, parent: ClaimCategory?,
                                 heading: ClaimCategory?) -> ClaimCategory {
        if unit == .quantity { return .assets }
        if let category = firstMatch(label[...], labelRules) { return category }
        if let inherited = parent.flatMap(partCategory) { return inherited }
        if let heading { return heading }
        return hasSuffix(label[...], expenditureEnding) ? .expenditure : .other
    }

    private static func firstMatch(_ s: ArraySlice<Unicode.Scalar>,
                                   _ rules: [(match: Match, words: [Unicode.Scalar], category: ClaimCategory)]) -> ClaimCategory? {
        for rule in rules {
            let matched = switch rule.match {
            case .contains: contains(s, rule.words)
            case .equals: equals(s, rule.words)
            case .suffix: hasSuffix(s, rule.words)
            }
            if matched { return rule.category }
        }
        return nil
    }

    /// What a part of a claim of `category` is, when the part's words do not say.
    private static func partCategory(_ category: ClaimCategory) -> ClaimCategory? {
        switch category {
        case .procurement, .assets, .project, .economic, .threePublicPart: category
        case .threePublic: .threePublicPart
        default: nil
        }
    }

    // MARK: Scalars

    private static func scalarWords(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }

    private static func text(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func equals(_ s: ArraySlice<Unicode.Scalar>, _ word: [Unicode.Scalar]) -> Bool {
        s.elementsEqual(word)
    }

    private static func hasPrefix(_ s: ArraySlice<Unicode.Scalar>, _ word: [Unicode.Scalar]) -> Bool {
        s.count >= word.count && s.prefix(word.count).elementsEqual(word)
    }

    private static func hasSuffix(_ s: ArraySlice<Unicode.Scalar>, _ word: [Unicode.Scalar]) -> Bool {
        s.count >= word.count && s.suffix(word.count).elementsEqual(word)
    }

    private static func contains(_ s: ArraySlice<Unicode.Scalar>, _ word: [Unicode.Scalar]) -> Bool {
        guard word.count <= s.count else { return false }
        var i = s.startIndex
        while i + word.count <= s.endIndex {
            if s[i ..< i + word.count].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }
}
