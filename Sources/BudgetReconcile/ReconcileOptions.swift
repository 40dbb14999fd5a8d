import BudgetCore
import Foundation

/// Options of the reconcile stage (`options.reconcile`).
///
/// Rules 1–5 state identities a correct report keeps, so a miss beyond rounding is always a
/// `fail`. The detail lines of a project's cost estimate, the arithmetic in its free text, the
/// shares (占比) of a hand-filled performance form and a missing table are often imperfect in
/// published reports without the amounts being wrong, so how loudly they are reported is a
/// choice: `warn` by default, `fail` to stop on them.
public struct ReconcileOptions: StageOptions {
    /// Multiplies the rounding bound (see `Tolerance`); 1 is half a unit per printed figure.
    public var toleranceMultiplier: ExactDecimal
    /// Status of a `breakdown` miss: detail lines that do not sum to their stated total.
    public var breakdownStatus: CheckStatus
    /// Status of an `arithmetic` miss: a cost basis whose own arithmetic or result disagrees.
    public var arithmeticStatus: CheckStatus
    /// Status of a `completeness` miss: a promised table absent, an empty table without a note.
    public var completenessStatus: CheckStatus
    /// Status of a `share` miss: a printed share (占比) that is not its amount's part of the total.
    public var shareStatus: CheckStatus

    /// The defaults, as an absent `options` entry means.
    public init() {
        self.init(toleranceMultiplier: ExactDecimal(significand: 1, scale: 0))
    }

    public init(toleranceMultiplier: ExactDecimal = ExactDecimal(significand: 1, scale: 0),
                breakdownStatus: CheckStatus = .warn, arithmeticStatus: CheckStatus = .warn,
                completenessStatus: CheckStatus = .warn, shareStatus: CheckStatus = .warn) {
        self.toleranceMultiplier = toleranceMultiplier
        self.breakdownStatus = breakdownStatus
        self.arithmeticStatus = arithmeticStatus
        self.completenessStatus = completenessStatus
        self.shareStatus = shareStatus
    }

    public var tolerance: Tolerance { Tolerance(multiplier: toleranceMultiplier) }

    /// The largest multiplier accepted: beyond it every misprint would pass as rounding.
    package static let maximumMultiplier = ExactDecimal(significand: 100, scale: 0)

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case toleranceMultiplier, breakdownStatus, arithmeticStatus, completenessStatus, shareStatus
    }

    public init(from decoder: Decoder) throws {
        let defaults = ReconcileOptions()
        let values = try decoder.strictContainer(keyedBy: CodingKeys.self)
        if let number = try values.decodeIfPresent(Decimal.self, forKey: .toleranceMultiplier) {
            // A JSON number, read as a Decimal (exact digits) and kept as an ExactDecimal.
            guard let exact = ExactDecimal("\(number)") else {
                throw DecodingError.dataCorruptedError(
                    forKey: .toleranceMultiplier, in: values,
                    debugDescription: "must be a plain number such as 1 or 1.5, not \(number)")
            }
            toleranceMultiplier = exact
        } else {
            toleranceMultiplier = defaults.toleranceMultiplier
        }
        breakdownStatus = try values.decode(.breakdownStatus, default: defaults.breakdownStatus)
        arithmeticStatus = try values.decode(.arithmeticStatus, default: defaults.arithmeticStatus)
        completenessStatus = try values.decode(.completenessStatus, default: defaults.completenessStatus)
        shareStatus = try values.decode(.shareStatus, default: defaults.shareStatus)
    }

    public func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(Decimal(string: toleranceMultiplier.description) ?? 1, forKey: .toleranceMultiplier)
        try values.encode(breakdownStatus, forKey: .breakdownStatus)
        try values.encode(arithmeticStatus, forKey: .arithmeticStatus)
        try values.encode(completenessStatus, forKey: .completenessStatus)
        try values.encode(shareStatus, forKey: .shareStatus)
    }

    public func validate(source: String, key: String) throws(ConfigurationError) {
        guard !toleranceMultiplier.isNegative, toleranceMultiplier <= Self.maximumMultiplier else {
            throw ConfigurationError(source: source, key: "\(key).toleranceMultiplier",
                                     message: "must be between 0 (exact figures only) and \(Self.maximumMultiplier)")
        }
        for (name, status) in [("breakdownStatus", breakdownStatus), ("arithmeticStatus", arithmeticStatus),
                               ("completenessStatus", completenessStatus), ("shareStatus", shareStatus)] where status == .pass {
            throw ConfigurationError(source: source, key: "\(key).\(name)",
                                     message: "must be \"warn\" or \"fail\": a disagreement cannot be reported as a pass")
        }
    }
}
