import BudgetCore
import BudgetExport
import BudgetNormalize
import BudgetReconcile

/// The totals the run's index charts: each report's expenditure by function class
/// (`ExpenditureByClass`, from its 支出总表), brought into 万元 and summed per fiscal year and class
/// over the reports. It holds one sum per (year, class), never a report's figures, so it stays
/// the same size however many reports are added.
package struct ExpenditureChart: Sendable {
    /// The unit every amount is brought into.
    package static let unit = "万元"

    /// Sum by fiscal year (empty when a report's year is unknown), then by class code.
    package private(set) var totals: [String: [String: ExactDecimal]] = [:]
    /// How many reports were added.
    package private(set) var reports = 0
    /// Reports whose amounts are in a unit that is not money, left out.
    package private(set) var leftOut = 0

    package init() {}

    package mutating func add(year: String, _ expenditure: ExpenditureByClass) {
        guard MoneyUnit.isMoney(expenditure.unit) else {
            leftOut += 1
            return
        }
        reports += 1
        for (code, amount) in expenditure.classes {
            let (value, _) = MoneyUnit.convert(amount, precision: amount.scale, from: expenditure.unit, to: Self.unit)
            totals[year, default: [:]][code, default: .zero] += value
        }
    }

    /// The years charted, in order (an unknown year last).
    package var years: [String] {
        totals.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
    }

    /// The classes charted, by code.
    package var codes: [String] {
        Set(totals.values.flatMap(\.keys)).sorted()
    }

    /// The class's name in the classification dictionary (`社会保障和就业支出`), else nil.
    package static func name(of code: String) -> String? {
        CodeDictionary.standard.name(of: code, scheme: .function)
    }
}
