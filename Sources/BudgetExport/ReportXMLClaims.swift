import BudgetCore
import BudgetNormalize

/// The `<claims>` part of `report.xml`: each figure the narrative states, with its sentence,
/// subject, amount (printed and exact), the comparison with an earlier year and the share.
package enum ReportXMLClaims {
    package static func write(_ claims: [NarrativeClaim], _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start("claims")
        try xml.attribute("count", claims.count)
        for claim in claims {
            try xml.start("claim")
            try xml.attribute("line", claim.line)
            try xml.attribute("year", claim.year)
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

    private static func value(_ name: String, _ value: ClaimValue, _ xml: XMLStreamWriter) throws(ReportError) {
        try xml.start(name)
        try xml.attribute("value", value.value)
        try xml.attribute("unit", required: value.unit)
        try xml.text(value.raw)
        try xml.end()
    }
}
