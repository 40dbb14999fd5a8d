import BudgetCore

/// A number inside a text cell of a form (`1100余万人`, `月均11万条`, `>99.9%`, `1000万`): read
/// into qualifier, value and unit only when the cell is plainly one number with words around it;
/// anything else stays text.
package enum TextValue {
    package struct Parsed: Equatable {
        package var qualifier: String?
        package var value: ExactDecimal
        package var unit: String?
    }

    /// Words that may come before the number.
    package static let prefixes = ["月均", "年均", "日均", "平均", "约", "不低于", "不少于", "不高于", "不超过", "超过", "达到", "≥", "≤", ">", "<", "＞", "＜", "≈"]
    /// Words that may come between the number and the unit.
    package static let infixes = ["余", "多"]

    /// The first scalar of each prefix.
    private static let prefixStarts = prefixes.map { $0.unicodeScalars.first! }

    package static func parse(_ raw: String) -> Parsed? {
        let text = LabelCleaner.clean(raw)
        // Most text cells are words: one that starts with neither a digit nor a prefix's first
        // character is none of these, told before trying each prefix in turn.
        guard let first = text.unicodeScalars.first,
              TextPatterns.isDigit(first) || first == "." || first == "," || first == "．" || prefixStarts.contains(first)
        else { return nil }
        var rest = Substring(text)
        var qualifiers: [String] = []
        if let prefix = prefixes.first(where: { rest.utf8.starts(with: $0.utf8) }) {
            qualifiers.append(prefix)
            rest = rest.dropFirst(prefix.count)
        }
        let numberPart = rest.prefix { TextPatterns.isDigit($0) || $0 == "." || $0 == "," || $0 == "．" }
        guard !numberPart.isEmpty, case .amount(let amount) = AmountParser.parse(String(numberPart)) else { return nil }
        rest = rest.dropFirst(numberPart.count)
        if let infix = infixes.first(where: { rest.utf8.starts(with: $0.utf8) }) {
            qualifiers.append(infix)
            rest = rest.dropFirst(infix.count)
        }
        // A unit: a few CJK characters or %, optionally per something (`/月`).
        let unit = String(rest)
        guard unit.unicodeScalars.count <= 4,
              unit.unicodeScalars.allSatisfy({ TextPatterns.isCJK($0) || $0 == "%" || $0 == "/" }) else { return nil }
        if unit.unicodeScalars.contains(where: { TextPatterns.isDigit($0) }) { return nil }
        return Parsed(qualifier: qualifiers.isEmpty ? nil : qualifiers.joined(separator: " "), value: amount.value,
                      unit: unit.isEmpty ? nil : unit)
    }
}
