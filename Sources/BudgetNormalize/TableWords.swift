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

        /// Whether `text` ends with one of the words (compared by bytes).
        package func ends(_ text: String) -> Bool {
            needles.contains { TextPatterns.hasSuffix(text, $0) }
        }
    }

    package var labelHeaders, textHeaders, amountHeaders, countHeaders, unitColumnHeaders, totalLabels, moneyFieldLabels,
        projectNameFields, publisherKeys, unitListHeadings: Words
    package var phaseHeaders: PhaseWords

    /// Header words that name the phase of a column's figures, the first phase whose words a
    /// header holds winning (`调整预算数` is adjusted before `预算数` is budget).
    package struct PhaseWords: Decodable, Sendable {
        package struct Phase: Decodable, Sendable {
            package let phase: String
            package let words: Words
        }

        package let phases: [Phase]

        private enum CodingKeys: String, CodingKey { case phases }

        /// The phase a column's header names, its own label first, then the labels above it.
        package func phase(of path: [String]) -> String? {
            for label in path.reversed() {
                if let found = phases.first(where: { $0.words.found(in: TextKey.of(label)) }) { return found.phase }
            }
            return nil
        }
    }

    /// The lists shipped with budget-etl.
    package static let standard: TableWords = DataFile.decode(PackageResources.table_words_json, name: "table-words.json")

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.table_words_json) }
}
