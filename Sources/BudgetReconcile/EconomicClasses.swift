import BudgetCore
import Foundation

/// What reconcile needs to know of the economic classification, from
/// `Resources/economic-classes.json`: which 类 make up 人员经费, which words and 款 name the parts of
/// “三公”经费, and which funds-grid lines print personnel, public funds and projects.
package struct EconomicClasses: Decodable, Sendable {
    package struct Codes: Decodable, Sendable {
        package var codes: [String]
    }

    package struct Part: Decodable, Sendable {
        package var part: String
        /// All of them must be in the label.
        package var words: [String]
        package var economicCode: String?
    }

    package struct Parts: Decodable, Sendable {
        package var parts: [Part]
        /// Labels holding one of these name no part, whatever other words they hold.
        package var notParts: [String]?
    }

    package struct FundsLines: Decodable, Sendable {
        package var personnel: [String]
        package var publicFunds: [String]
        package var projects: [String]
    }

    package var personnelClasses: Codes
    package var threePublicParts: Parts
    package var fundsLines: FundsLines

    /// The data shipped with budget-etl.
    package static let standard: EconomicClasses = DataFile.decode(PackageResources.economic_classes_json, name: "economic-classes.json")

    /// The shipped file's bytes: the reconcile stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.economic_classes_json) }

    /// Whether an economic 类 counts as 人员经费.
    package func isPersonnel(_ code: String) -> Bool {
        personnelClasses.codes.contains { TextPatterns.same($0, code) }
    }
}
