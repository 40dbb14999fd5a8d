import BudgetCore
import BudgetNormalize
import Foundation

/// The words reconcile reads tables and cost estimates by, from `Resources/reconcile-words.json`:
/// which headers name share (占比) columns, and which words make a count approximate (`近20万条`)
/// and by how much that widens a check.
package struct ReconcileWords: Decodable, Sendable {
    package struct ApproximateCounts: Decodable, Sendable {
        /// Before the number (`近`, `约`), longest first.
        package var before: [String]
        /// Between the number and its unit, or after 万 (`余`, `多`).
        package var after: [String]
        /// After the unit (`左右`).
        package var afterUnit: [String]
        /// How far an approximate count may be from the true one, in percent of itself.
        package var bandPercent: ExactDecimal

        private enum CodingKeys: String, CodingKey { case before, after, afterUnit, bandPercent }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            before = try container.decode([String].self, forKey: .before).sorted { $0.count > $1.count }
            after = try container.decode([String].self, forKey: .after)
            afterUnit = try container.decode([String].self, forKey: .afterUnit)
            let band = try container.decode(String.self, forKey: .bandPercent)
            guard let value = ExactDecimal(band) else {
                throw DecodingError.dataCorruptedError(forKey: .bandPercent, in: container, debugDescription: "not a decimal: \(band)")
            }
            bandPercent = value
        }
    }

    package var shareColumnHeaders: TableWords.Words
    package var approximateCounts: ApproximateCounts

    /// The lists shipped with budget-etl.
    package static let standard: ReconcileWords = DataFile.decode(PackageResources.reconcile_words_json, name: "reconcile-words.json")

    /// The shipped file's bytes: part of the reconcile stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.reconcile_words_json) }

    /// Whether a column's header path names shares: its last header, without a printed unit
    /// (`占比（%）`), has a share word.
    package func namesShares(_ path: [String]) -> Bool {
        guard let last = path.last else { return false }
        return shareColumnHeaders.found(in: ColumnHeaderWords.stem(last))
    }
}
