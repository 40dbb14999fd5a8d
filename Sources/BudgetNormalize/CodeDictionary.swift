import BudgetCore
import Foundation

/// Official names of classification codes, from `Resources/classification-codes.tsv` (sources in
/// `docs/classification-codes.md`). Used to repair labels the PDF cut short. A code the
/// dictionary lacks is not an error.
package struct CodeDictionary: Sendable {
    private var names: [String: String] = [:]

    package static let standard = CodeDictionary(tsv: String(decoding: PackageResources.classification_codes_tsv, as: UTF8.self))

    package init(tsv: String) {
        for line in tsv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            names[Self.key(scheme: String(fields[2]), code: String(fields[0]))] = String(fields[1])
        }
    }

    package func name(of code: String, scheme: CodeScheme) -> String? {
        switch scheme {
        case .function: names[Self.key(scheme: "function", code: code)]
        case .economic: names[Self.key(scheme: "economic", code: code)] ?? names[Self.key(scheme: "economic-government", code: code)]
        case .unit, .project: nil
        }
    }

    private static func key(scheme: String, code: String) -> String { scheme + ":" + code }
}

extension CodeDictionary {
    /// The shipped dictionary's bytes, part of the normalize stage's fingerprint.
    package static var fingerprint: Data { Data(PackageResources.classification_codes_tsv) }
}
