import BudgetCore
import Foundation

/// The units and marker words the claim scanner knows, from `Resources/claim-units.json`: units
/// that make a number a figure (`辆`, `台(套)`, `人`, `个百分点`), threshold words (`以上`), and
/// the words for last year and for no change. Money units are not here: `PrintedUnit` has them.
package struct ClaimUnitWords: Decodable, Sendable {
    package struct Unit: Decodable, Sendable {
        /// As printed (`台（套）`).
        package var printed: String
        /// As stored, one spelling for all printings (`台(套)`).
        package var unit: String
        package var kind: ClaimUnitKind
    }

    package struct Units: Decodable, Sendable {
        package var list: [Unit]
    }

    package struct Words: Decodable, Sendable {
        package var words: [String]
        package var scalars: [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }
    }

    package var units: Units
    package var countedNouns, thresholdWords, includedWords, previousYearWords, unchangedWords: Words

    /// The lists shipped with budget-etl.
    package static let standard: ClaimUnitWords = DataFile.decode(PackageResources.claim_units_json, name: "claim-units.json")

    /// The shipped file's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.claim_units_json) }
}
