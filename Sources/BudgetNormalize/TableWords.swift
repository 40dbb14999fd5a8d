import BudgetCore
import Foundation

/// The header and label words the table normalizer reads tables by, from
/// `Resources/table-words.json`: which header names the labels, which columns hold text or
/// counts, which labels are totals, which form fields hold money.
package struct TableWords: Decodable, Sendable {
    package struct Words: Decodable, Sendable {
        package var words: [String]

        /// Whether one of the words occurs in `text` (compared by bytes).
        package func found(in text: String) -> Bool {
            words.contains { TextPatterns.contains(text, $0) }
        }
    }

    package var labelHeaders, textHeaders, amountHeaders, countHeaders, totalLabels, moneyFieldLabels: Words

    /// The lists shipped with budget-etl.
    package static let standard: TableWords = DataFile.decode(PackageResources.table_words_json, name: "table-words.json")

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.table_words_json) }
}
