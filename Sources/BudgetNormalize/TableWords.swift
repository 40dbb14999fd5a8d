import BudgetCore
import Foundation

/// The header and label words the table normalizer reads tables by, from
/// `Resources/table-words.json`: which header names the labels, which columns hold text or
/// counts, which labels are totals, which form fields hold money or name a project.
package struct TableWords: Decodable, Sendable {
    package struct Words: Decodable, Sendable {
        package let words: [String]
        /// Each word's UTF-8 bytes, worked out once when the list is read: `found(in:)` runs for
        /// every header and label of every table.
        private let needles: [[UInt8]]

        package init(words: [String]) {
            self.words = words
            needles = words.map { Array($0.utf8) }
        }

        private enum CodingKeys: String, CodingKey { case words }

        package init(from decoder: any Decoder) throws {
            self.init(words: try decoder.container(keyedBy: CodingKeys.self).decode([String].self, forKey: .words))
        }

        /// Whether one of the words occurs in `text` (compared by bytes).
        package func found(in text: String) -> Bool {
            TextPatterns.contains(text, anyOf: needles)
        }
    }

    package var labelHeaders, textHeaders, amountHeaders, countHeaders, unitColumnHeaders, totalLabels, moneyFieldLabels,
        projectNameFields, publisherKeys, unitListHeadings: Words

    /// The lists shipped with budget-etl.
    package static let standard: TableWords = DataFile.decode(PackageResources.table_words_json, name: "table-words.json")

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.table_words_json) }
}
