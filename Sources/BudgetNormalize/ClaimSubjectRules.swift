import BudgetCore

/// The words before a figure, cleaned into a label, and what they name. The words themselves —
/// fillers, restatements, the category rules and the classification's 类 names — are data, in
/// `Resources/claim-subjects.json` (see `ClaimSubjectWords`); this is what is done with them.
package enum ClaimSubjectRules {
    package static func subject(_ words: ArraySlice<Unicode.Scalar>, unit: ClaimUnitKind, parent: ClaimCategory?,
                        heading: ClaimCategory?) -> ClaimSubject {
        subject(cleaned: cleaned(words), unit: unit, parent: parent, heading: heading)
    }

    /// The subject of a figure whose words may end in the phase they state it in
    /// (`一般公共预算财政拨款支出年初预算为`, `因公出国（境）费决算为`): the phase word is cut off, and
    /// returned with its phase (`phaseWords` in claim-subjects.json), so the figure is compared
    /// with the table column of that phase.
    package static func phasedSubject(_ words: ArraySlice<Unicode.Scalar>, unit: ClaimUnitKind, parent: ClaimCategory?,
                                      heading: ClaimCategory?) -> (subject: ClaimSubject, measure: String?, phase: String?) {
        let label = cleaned(words)
        if let found = phaseWords.first(where: { hasSuffix(label[...], $0.word) && label.count >= $0.word.count + 2 }) {
            let rest = withoutTrailingFillers(Array(label.dropLast(found.word.count)))
            return (subject(cleaned: rest, unit: unit, parent: parent, heading: heading), String(scalars: found.word), found.phase)
        }
        return (subject(cleaned: label, unit: unit, parent: parent, heading: heading), nil, nil)
    }

    /// The phase a restatement names (`年初预算` budget, `支出决算` final), if it is a phase word.
    package static func phase(ofMeasure measure: String) -> String? {
        let words = Array(measure.unicodeScalars)
        return phaseWords.first { equals(words[...], $0.word) }?.phase
    }

    /// A completion rate's words (`完成年初预算的`, `rate` of completionWords), cleaned, and the
    /// phase the rate is measured against: the one whose words it holds, else `rateDefault`.
    package static func completionRate(_ words: ArraySlice<Unicode.Scalar>) -> (measure: String, phase: String)? {
        let label = cleaned(words)
        guard rateWords.contains(where: { equals(label[...], $0) }) else { return nil }
        let phase = phaseWords.first { contains(label[...], $0.word) }?.phase ?? ClaimSubjectWords.standard.phaseWords.rateDefault
        return (String(scalars: label), phase)
    }

    /// Phase words, longest first, so `支出决算` wins over `决算`.
    private static let phaseWords: [(word: [Unicode.Scalar], phase: String)] = ClaimSubjectWords.standard.phaseWords.phases
        .flatMap { phase in phase.words.map { (Array($0.unicodeScalars), phase.phase) } }
        .sorted { $0.word.count > $1.word.count }

    private static let rateWords = ClaimSubjectWords.standard.completionWords.rate.map { Array($0.unicodeScalars) }

    private static func subject(cleaned label: [Unicode.Scalar], unit: ClaimUnitKind, parent: ClaimCategory?,
                                heading: ClaimCategory?) -> ClaimSubject {
        if let path = classificationPath(label) {
            return ClaimSubject(category: .classification, label: String(scalars: path.label), classification: path.names)
        }
        return ClaimSubject(category: category(label, unit: unit, parent: parent, heading: heading), label: String(scalars: label))
    }

    private static let headingRules = scalarRules(ClaimSubjectWords.standard.headingRules)

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
        return ClaimSubject(category: .classification, label: String(scalars: path.label), classification: path.names)
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
        return restatements.contains { equals(label[...], $0) } ? String(scalars: label) : nil
    }

    /// `其中`, `…包括`: the figures that follow are parts of the claim before.
    package static func marksParts(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        partsWords.contains { hasSuffix(words, $0) }
    }

    package static func marksDate(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        dateWords.contains { contains(words, $0) }
    }

    // MARK: Labels

    private static let partsWords = scalarWords(ClaimSubjectWords.standard.partsWords)
    private static let dateWords = scalarWords(ClaimSubjectWords.standard.dateWords)
    private static let fillers = scalarWords(ClaimSubjectWords.standard.fillers)
    private static let restatements = scalarWords(ClaimSubjectWords.standard.restatements)
    private static let leadingFillers = scalarWords(ClaimSubjectWords.standard.leadingFillers)
    private static let trailingFillers = scalarWords(ClaimSubjectWords.standard.trailingFillers)
    private static let yearWords = scalarWords(ClaimSubjectWords.standard.yearWords)
    private static let amountWords = scalarWords(ClaimSubjectWords.standard.amountWords)

    /// Spaces, years (`2024 年`, `2024年度`), leading enumerators and filler removed. Words
    /// before a year that names something after it are a heading or enumerator run into the
    /// sentence (`(二) 政府采购预算情况2024 年政府采购预算支出合计`), and are dropped too; a
    /// classification path before `2024 年预算数` is kept.
    package static func cleaned(_ words: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        // Sized once: `filter` cannot know the count and grew its array some two times a label.
        var spaceless: [Unicode.Scalar] = []
        spaceless.reserveCapacity(words.count)
        for scalar in words where !ClaimScanner.isSpace(scalar) { spaceless.append(scalar) }
        let (words, lastYear) = removingYears(spaceless)
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
            if i + 4 < s.count, i == 0 || !TextPatterns.isDigit(s[i - 1]),
               (i ..< i + 4).allSatisfy({ TextPatterns.isDigit(s[$0]) }), s[i + 4] == "年" {
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
            while i < s.count, TextPatterns.isDigit(s[i]) || TextPatterns.isChineseNumeral(s[i]) { i += 1 }
            guard i > 1, i < s.count, s[i] == ")" || s[i] == "）" else { return nil }
            return i + 1
        }
        if TextPatterns.isDigit(first) {
            while i < s.count, TextPatterns.isDigit(s[i]) { i += 1 }
            guard i < s.count, s[i] == "." || s[i] == "．" || s[i] == "、" else { return nil }
            return i + 1
        }
        while i < s.count, TextPatterns.isChineseNumeral(s[i]) { i += 1 }
        guard i > 0, i < s.count, s[i] == "、" else { return nil }
        return i + 1
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
            while j < s.count, TextPatterns.isDigit(s[j]) { j += 1 }
            guard j + 1 < s.count, s[j] == "类" || s[j] == "款" || s[j] == "项", s[j + 1] == ")" || s[j + 1] == "）" else {
                i += 1
                continue
            }
            names.append(String(scalars: withoutQuotes(s[nameStart ..< i])))
            nameStart = j + 2
            end = j + 2
            i = j + 2
        }
        if names.isEmpty { return dashedPath(s) }
        let label = s[..<end]
        return (label.drop { TextKey.isQuote($0) }, names)
    }

    /// `“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目`: the levels of a path joined by
    /// dashes inside quotes (Shanghai's 普陀区政府办公室 writes its items so); the quoted part is the label.
    private static func dashedPath(_ s: [Unicode.Scalar]) -> (label: ArraySlice<Unicode.Scalar>, names: [String])? {
        guard let first = s.first, TextKey.isQuote(first),
              let close = s.indices.dropFirst().first(where: { TextKey.isQuote(s[$0]) }) else { return nil }
        let inner = s[1..<close]
        let parts = inner.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "－" || $0 == "—" }
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ part in part.count >= 2 && !part.allSatisfy(TextPatterns.isDigit) }) else { return nil }
        return (inner, parts.map { String(scalars: $0) })
    }

    /// A label wholly in quotes (`“工资福利支出”`) without them; `“三公”经费` is left alone.
    private static func unquoted(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.count > 2, let first = s.first, let last = s.last, TextKey.isQuote(first), TextKey.isQuote(last),
              !s.dropFirst().dropLast().contains(where: TextKey.isQuote) else { return s }
        return Array(s.dropFirst().dropLast())
    }

    private static func withoutQuotes(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = s
        while let first = slice.first, TextKey.isQuote(first) { slice = slice.dropFirst() }
        while let last = slice.last, TextKey.isQuote(last) { slice = slice.dropLast() }
        return slice
    }

    // MARK: Categories

    /// The rules with their words as scalars, one rule per word, in the file's order.
    private static func scalarRules(_ list: ClaimSubjectWords.Rules) -> [(match: ClaimSubjectWords.Match, words: [Unicode.Scalar], category: ClaimCategory)] {
        list.rules.flatMap { rule in rule.words.map { (rule.match, Array($0.unicodeScalars), rule.category) } }
    }

    /// In order: the first rule a label meets gives its category.
    private static let labelRules = scalarRules(ClaimSubjectWords.standard.labelRules)

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
                                   _ rules: [(match: ClaimSubjectWords.Match, words: [Unicode.Scalar], category: ClaimCategory)]) -> ClaimCategory? {
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

    private static func scalarWords(_ list: ClaimSubjectWords.Words) -> [[Unicode.Scalar]] {
        list.words.map { Array($0.unicodeScalars) }
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
