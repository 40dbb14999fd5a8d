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

    package var labelHeaders: Words
    package var textHeaders: Words
    package var amountHeaders: Words
    package var countHeaders: Words
    package var totalLabels: Words
    package var moneyFieldLabels: Words

    /// The lists shipped with budget-etl.
    package static let standard: TableWords = {
        do {
            return try JSONDecoder().decode(TableWords.self, from: Data(PackageResources.table_words_json))
        } catch {
            fatalError("Resources/table-words.json does not decode: \(error)")
        }
    }()

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.table_words_json) }
}
