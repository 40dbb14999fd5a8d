import BudgetCore
import Foundation

/// The word lists claim subjects are read with, from `Resources/claim-subjects.json`: which words
/// are filler, which restate a figure's kind, and which make a subject a total, an expenditure,
/// a “三公” part… Another template's wording is added to that file, not to code.
package struct ClaimSubjectWords: Decodable, Sendable {
    /// How a rule's words must appear in a label.
    package enum Match: String, Decodable, Sendable { case contains, equals, suffix }

    /// Words that give a subject `category`: each word is a rule of its own, in order.
    package struct Rule: Decodable, Sendable {
        package var match: Match
        package var words: [String]
        package var category: ClaimCategory
    }

    package struct Rules: Decodable, Sendable {
        package var rules: [Rule]
    }

    package struct Words: Decodable, Sendable {
        package var words: [String]
    }

    package var headingRules: Rules
    package var labelRules: Rules
    package var partsWords: Words
    package var dateWords: Words
    package var fillers: Words
    package var restatements: Words
    package var leadingFillers: Words
    package var trailingFillers: Words
    package var yearWords: Words
    package var amountWords: Words

    /// The lists shipped with budget-etl.
    package static let standard: ClaimSubjectWords = {
        do {
            return try JSONDecoder().decode(ClaimSubjectWords.self, from: Data(PackageResources.claim_subjects_json))
        } catch {
            fatalError("Resources/claim-subjects.json does not decode: \(error)")
        }
    }()

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.claim_subjects_json) }
}
