import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetReconcile

/// `options.reconcile`: typed, strict about keys, validated.
@Suite struct ReconcileOptionsTests {
    func decode(_ json: String) throws -> ReconcileOptions {
        try JSONDecoder().decode(ReconcileOptions.self, from: Data(json.utf8))
    }

    @Test func emptyMeansDefaults() throws {
        let options = try decode("{}")
        #expect(options == ReconcileOptions())
        #expect(options.toleranceMultiplier == ExactDecimal("1")!)
        #expect(options.breakdownStatus == .warn && options.arithmeticStatus == .warn && options.completenessStatus == .warn)
        #expect(options.shareStatus == .warn)
        #expect(options.tolerance == Tolerance())
    }

    @Test func valuesAreReadExactly() throws {
        let options = try decode(#"{"toleranceMultiplier": 1.5, "breakdownStatus": "fail", "completenessStatus": "fail", "shareStatus": "fail"}"#)
        #expect(options.toleranceMultiplier == ExactDecimal("1.5")!)
        #expect(options.breakdownStatus == .fail && options.arithmeticStatus == .warn && options.completenessStatus == .fail)
        #expect(options.shareStatus == .fail)
        let reread = try JSONDecoder().decode(ReconcileOptions.self, from: JSONCoding.encode(options))
        #expect(reread == options)
    }

    @Test func unknownKeysAreRefusedByName() {
        do {
            _ = try decode(#"{"tolerance": 2}"#)
            Issue.record("an unknown key was accepted")
        } catch let error as DecodingError {
            let message = ConfigurationError(source: "pipeline.json", decoding: error).description
            #expect(message.contains("unknown key \"tolerance\""))
            #expect(message.contains("toleranceMultiplier"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: [
        (#"{"toleranceMultiplier": -1}"#, "options.reconcile.toleranceMultiplier"),
        (#"{"toleranceMultiplier": 101}"#, "options.reconcile.toleranceMultiplier"),
        (#"{"arithmeticStatus": "pass"}"#, "options.reconcile.arithmeticStatus"),
    ])
    func invalidValuesAreRefusedWithTheirKey(json: String, key: String) throws {
        let options = try decode(json)
        #expect(throws: ConfigurationError.self) { try options.validate(source: "pipeline.json", key: "options.reconcile") }
        do {
            try options.validate(source: "pipeline.json", key: "options.reconcile")
        } catch {
            #expect(error.key == key)
        }
    }

    @Test func wrongTypesAreRefused() {
        #expect(throws: DecodingError.self) { try decode(#"{"toleranceMultiplier": "1"}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"breakdownStatus": "loud"}"#) }
    }

    @Test func theStatusesDecideHowMissesAreReported() {
        let strict = ReconcileOptions(arithmeticStatus: .fail, completenessStatus: .fail, shareStatus: .fail)
        let result = Reconciler.reconcile(SampleReport.normalized, options: strict)
        #expect(result.checks.filter { $0.status == .fail }.allSatisfy { ["arithmetic", "completeness", "share"].contains($0.rule) })
        // A cost basis with an approximate count (短信通讯费's 近20万条) stays a warning: the text
        // itself does not claim the exact figure.
        let approximate = result.checks.filter { $0.status == .warn }
        #expect(approximate.map(\.id) == ["arithmetic:12.2:短信通讯费:basis"])
        #expect(result.summary.fail + approximate.count == SampleReport.reconciled.summary.warn)
    }

    @Test func aZeroMultiplierTurnsRoundingIntoMisses() {
        let exact = Reconciler.reconcile(SampleReport.normalized, options: ReconcileOptions(toleranceMultiplier: .zero))
        let lease = exact.checks.first { $0.rule == "arithmetic" && $0.lines == [409] }
        #expect(lease?.status == .warn, "70.699992 printed as 70.7 is rounding only while rounding is allowed")
    }
}
