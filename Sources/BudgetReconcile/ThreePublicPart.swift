import BudgetCore

/// The parts of “三公”经费, recognised by their words wherever they are printed: a 表7 header, a
/// narrative label, an economic code's name.
package enum ThreePublicPart: String, Equatable, CaseIterable {
    case total
    /// 因公出国(境)费.
    case abroad
    /// 公务用车购置及运行(维护)费: both together.
    case vehicles
    case vehiclePurchase
    case vehicleOperation
    case reception

    /// The parts with their words, in the order `EconomicClasses` tries them.
    private static let byWords: [(part: ThreePublicPart, words: [String], code: String?)] =
        EconomicClasses.standard.threePublicParts.parts.map { entry in
            guard let part = ThreePublicPart(rawValue: entry.part) else {
                fatalError("Resources/economic-classes.json: \(entry.part) is not a part of “三公”经费")
            }
            return (part, entry.words, entry.economicCode)
        }

    /// Words of labels that name no part (`机关运行经费`).
    private static let notParts = EconomicClasses.standard.threePublicParts.notParts ?? []

    /// The first part all of whose words the label's key holds.
    package init?(label: String) {
        let key = LabelKey.of(label)
        guard !Self.notParts.contains(where: key.includes), let found = Self.byWords.first(where: { $0.words.allSatisfy(key.includes) }) else { return nil }
        self = found.part
    }

    /// A header path: a subtotal column (`公务用车购置及运行费 / 小计`) is its group's part.
    package init?(header path: [String]) {
        guard let last = path.last else { return nil }
        if path.count > 1, TotalWords.isTotal(last) {
            self.init(label: path[path.count - 2])
        } else {
            self.init(label: last)
        }
    }

    /// The 支出经济分类 款 that holds this part in basic expenditure (30212 因公出国(境)费用,
    /// 30217 公务接待费, 30231 公务用车运行维护费).
    package var economicCode: String? {
        Self.byWords.first { $0.part == self && $0.code != nil }?.code
    }
}
