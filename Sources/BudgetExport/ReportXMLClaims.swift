import BudgetCore
import BudgetNormalize
import BudgetReconcile
import BudgetSegment

/// The `<claims>` part of `report.xml`: each figure the narrative states, with its sentence,
/// subject, amount (printed and exact), the comparison with an earlier year and the share, and
/// its verdict: the worst outcome of its checks (`NarrativeRule.checkID`, and the same id with
/// `:share`, `:change`, `:previous-year`), which name it; and the page its line is on.
package enum ReportXMLClaims {
    package static func write(_ claims: [NarrativeClaim], checks: [CheckResult], pages: PageIndex, _ xml: XMLStreamWriter)
        throws(ReportError) {
        let verdicts = Self.verdicts(of: claims, checks: checks)
        try xml.start("claims")
        try xml.attribute("count", claims.count)
        for claim in claims {
            let id = NarrativeRule.checkID(of: claim)
            try xml.start("claim")
            try xml.attribute("line", claim.line)
            try xml.attribute("page", pages.page(of: claim.line))
            try xml.attribute("year", claim.year)
            if let verdict = verdicts[id: id] {
                try xml.attribute("check", id)
                try xml.attribute("verdict", verdict.rawValue)
            }
            try xml.element("sentence", required: claim.sentence)
            try xml.start("subject")
            try xml.attribute("category", claim.subject.category.rawValue)
            try xml.element("label", required: claim.subject.label)
            if let classification = claim.subject.classification {
                try xml.start("classification")
                for level in classification { try xml.element("level", required: level) }
                try xml.end()
            }
            try xml.end()
            try value("amount", claim.amount, xml)
            if let comparison = claim.comparison {
                try xml.start("comparison")
                try xml.attribute("year", comparison.year)
                try xml.attribute("direction", comparison.direction.rawValue)
                if let change = comparison.change { try value("change", change, xml) }
                if let percent = comparison.percent { try value("percent", percent, xml) }
                try xml.end()
            }
            if let share = claim.share { try value("share", share, xml) }
            try xml.end()
        }
        try xml.end()
    }

    /// The worst status of each claim's checks, by the claim's check id: a narrative check is the
    /// claim's own when its id is the claim's, or the claim's and one more `:part`. One pass over
    /// the checks.
    /// Keyed by the ids' bytes (`ExactString`): the ids hold the claims' Chinese subjects, which
    /// `String` hashing would check for Unicode normalization on every look-up.
    package static func verdicts(of claims: [NarrativeClaim], checks: [CheckResult]) -> Verdicts {
        let ids = Set(claims.map { ExactString(NarrativeRule.checkID(of: $0)) })
        var verdicts = Verdicts()
        // By index, the narrative rule's checks alone read (`for check in checks` copied all of them).
        for index in checks.indices where checks[index].rule == NarrativeRule.id {
            let checkID = checks[index].id, status = checks[index].status
            var id = ExactString(checkID)
            if !ids.contains(id), let colon = checkID.utf8.lastIndex(of: UInt8(ascii: ":")) {
                id = ExactString(String(checkID[..<colon]))
            }
            guard ids.contains(id) else { continue }
            verdicts.byID[id] = verdicts.byID[id].map { worse($0, status) } ?? status
        }
        return verdicts
    }

    /// The worst status of each claim's checks, by the claim's check id.
    package struct Verdicts {
        fileprivate var byID: [ExactString: CheckStatus] = [:]

        package subscript(id id: String) -> CheckStatus? { byID[ExactString(id)] }
    }

    /// fail, then warn, then unverified, then pass.
    private static func worse(_ a: CheckStatus, _ b: CheckStatus) -> CheckStatus {
        rank(a) >= rank(b) ? a : b
    }

    private static func rank(_ status: CheckStatus) -> Int {
        switch status {
        case .pass: 0
        case .unverified: 1
        case .warn: 2
        case .fail: 3
        }
    }

    private static func value(_ name: String, _ value: ClaimValue, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start(name)
        try xml.attribute("value", value.value)
        try xml.attribute("unit", required: value.unit)
        try xml.text(value.raw)
        try xml.end()
    }
}
