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

    /// Sentences that state there is none of something (`没有使用…安排的支出`).
    package struct NoneStatements: Decodable, Sendable {
        package var openings: [String]
        package var closings: [String]
        /// Cut from a table's title to find the table a statement names (`政府性基金预算支出表`).
        package var tableTitleEndings: [String]
    }

    /// The words of a 决算 narrative's execution statements (`CompletionStatements`).
    package struct CompletionWords: Decodable, Sendable {
        package var budget, final, rate, less, more, equal: [String]
        /// Words that open the reason given for a difference (`主要原因：`).
        package var reason: [String]
    }

    /// Words naming the phase of the budget cycle a figure belongs to (`年初预算`, `支出决算`).
    package struct PhaseWords: Decodable, Sendable {
        package struct Phase: Decodable, Sendable {
            package var phase: String
            package var words: [String]
        }

        package var phases: [Phase]
        /// The phase a completion rate is measured against when its words name none (`完成预算的`).
        package var rateDefault: String
    }

    package var completionWords: CompletionWords
    package var phaseWords: PhaseWords
    package var headingRules, labelRules: Rules
    package var noneStatements: NoneStatements
    package var partsWords, dateWords, fillers, restatements, leadingFillers, trailingFillers, yearWords, amountWords: Words

    /// The lists shipped with budget-etl.
    package static let standard: ClaimSubjectWords = DataFile.decode(PackageResources.claim_subjects_json, name: "claim-subjects.json")

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.claim_subjects_json) }
}
