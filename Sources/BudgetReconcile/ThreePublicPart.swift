import BudgetCore

/// The parts of “三公”经费, recognised by their words wherever they are printed: a 表7 header, a
/// narrative label, an economic code's name.
package enum ThreePublicPart: Equatable {
    case total
    /// 因公出国(境)费.
    case abroad
    /// 公务用车购置及运行(维护)费: both together.
    case vehicles
    case vehiclePurchase
    case vehicleOperation
    case reception

    package init?(label: String) {
        let key = LabelKey.of(label)
        if key.includes("出国") {
            self = .abroad
        } else if key.includes("接待") {
            self = .reception
        } else if key.includes("购置"), key.includes("运行") {
            self = .vehicles
        } else if key.includes("购置") {
            self = .vehiclePurchase
        } else if key.includes("运行") {
            self = .vehicleOperation
        } else if key.includes("三公") {
            self = .total
        } else {
            return nil
        }
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
        switch self {
        case .abroad: "30212"
        case .reception: "30217"
        case .vehicleOperation: "30231"
        default: nil
        }
    }
}
