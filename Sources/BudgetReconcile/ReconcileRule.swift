import BudgetCore

/// One kind of identity a budget report keeps. A rule looks at the whole report and records one
/// check per place the identity applies, each with an id that starts with the rule's `id`.
package protocol ReconcileRule: Sendable {
    /// Stable name of the rule: the `rule` field of its checks and the first part of their ids.
    static var id: String { get }

    func check(_ context: ReconcileContext, into log: inout CheckLog)
}
