import BudgetCore
import Foundation

/// What a column's header path says it holds, read from the header words of
/// `Resources/table-words.json`. The header decides a column's role first; its cells decide only
/// where no header word matches, and a header and cells that disagree make a diagnostic, never a
/// silent switch.
package enum HeaderRole: String, Sendable, Equatable {
    /// Codes (`科目编码`, `单位编码`).
    case code
    /// Money (`金额`, `合计`, `基本支出`, `公务接待费` …).
    case amount
    /// Counts (`数量`, `人数`): numbers, but not money.
    case count
    /// Percentages (`占比`).
    case percent

    /// The column role the header gives: counts and percentages are amount columns whose cells
    /// carry no money unit (or `%`).
    package var columnRole: ColumnRole { self == .code ? .code : .amount }
}

/// The header-word lists of `table-words.json` that decide column roles.
package struct ColumnHeaderWords: Decodable, Sendable {
    package var codeColumnHeaders, amountColumnHeaders, percentColumnHeaders: TableWords.Words

    /// The lists shipped with budget-etl (the same file as `TableWords.standard`, so already part
    /// of the normalize stage's fingerprint).
    package static let standard: ColumnHeaderWords = DataFile.decode(PackageResources.table_words_json, name: "table-words.json")

    /// The role a header path names, or nil where no header word matches (the cells decide).
    ///
    /// A code word anywhere in the path names codes. Otherwise the last header decides: a count
    /// word names counts, a percent word percentages; then, from the last header up, the first
    /// that ends with an amount word names amounts, and one that names text or labels
    /// (`指标值`, `项目`) stops the search.
    package func role(of path: [String]) -> HeaderRole? {
        let parts = path.map(Self.stem)
        if parts.contains(where: { codeColumnHeaders.found(in: $0) }) { return .code }
        guard let last = parts.last else { return nil }
        let table = TableWords.standard
        if table.countHeaders.found(in: last) { return .count }
        if percentColumnHeaders.found(in: last) { return .percent }
        for part in parts.reversed() {
            if amountColumnHeaders.ends(part) { return .amount }
            if table.textHeaders.found(in: part) || table.labelHeaders.found(in: part) { return nil }
        }
        return nil
    }

    /// A header without the `#2` that tells repeated headers apart and without a printed unit
    /// or note in brackets at its end (`金额（万元）` → `金额`).
    ///
    /// By scalars, not `Character`s: it runs for every header of every table, and grapheme
    /// breaking cost more than the rest of reading a header's role.
    package static func stem(_ header: String) -> String {
        // Most headers have no `#`, no closing bracket at the end and no spaces around them: the
        // header itself, told by its bytes.
        let unchanged = header.withUTF8InPlace { utf8 in
            // `)`, or `）` (U+FF09, EF BC 89), last.
            let closed = utf8.last == UInt8(ascii: ")")
                || (utf8.count >= 3 && utf8[utf8.count - 3] == 0xEF && utf8[utf8.count - 2] == 0xBC && utf8[utf8.count - 1] == 0x89)
            return !closed && TextPatterns.trimmedRange(utf8).count == utf8.count && !Bytes.contains(utf8, UInt8(ascii: "#"))
        }
        if unchanged { return header }
        var text = TextPatterns.trimmed(header[...])
        if let hash = text.unicodeScalars.lastIndex(of: "#") {
            let digits = text.unicodeScalars[text.unicodeScalars.index(after: hash)...]
            if !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) { text = text[..<hash] }
        }
        while let close = text.unicodeScalars.last, close == "）" || close == ")",
              let open = text.unicodeScalars.lastIndex(where: { $0 == "（" || $0 == "(" }), open > text.startIndex {
            text = TextPatterns.trimmed(text[..<open])
        }
        return String(text)
    }
}
