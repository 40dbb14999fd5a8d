import BudgetCore
import BudgetSegment

/// Finds whose report this is, for which year and of which kind: from its title (the first
/// heading, `武汉市…中心 2024 年单位预算`), falling back to the headings, the tables' `单位：`
/// lines and form fields. What cannot be found is a diagnostic, not a guess.
package enum MetadataReader {
    package static func read(_ report: SegmentedReport) -> (ReportMetadata, [NormalizeDiagnostic]) {
        var metadata = ReportMetadata(title: nil, unitName: nil, fiscalYear: nil, kind: nil, amountUnit: nil, sourceLines: [:])
        let headings = report.narrative.filter { $0.kind == .heading }
        if let title = headings.first(where: { $0.level == 0 }) ?? headings.first {
            let text = LabelCleaner.clean(title.text)
            metadata.title = text
            if let (year, range) = year(in: text) {
                metadata.fiscalYear = year
                metadata.sourceLines["fiscalYear"] = title.lines[0]
                let before = String(text[..<range.lowerBound])
                if !before.isEmpty {
                    metadata.unitName = before
                    metadata.sourceLines["unitName"] = title.lines[0]
                }
            }
            if let kind = kind(in: text) {
                metadata.kind = kind
                metadata.sourceLines["kind"] = title.lines[0]
            }
        }
        for heading in headings where metadata.fiscalYear == nil || metadata.kind == nil {
            let text = LabelCleaner.clean(heading.text)
            if metadata.fiscalYear == nil, let (year, _) = year(in: text) {
                metadata.fiscalYear = year
                metadata.sourceLines["fiscalYear"] = heading.lines[0]
            }
            if metadata.kind == nil, let kind = kind(in: text) {
                metadata.kind = kind
                metadata.sourceLines["kind"] = heading.lines[0]
            }
        }
        if metadata.unitName == nil {
            let named = report.tables.compactMap(\.unitName).filter { !TextPatterns.isBlank($0.text) }
            if let first = mostCommon(named.map { LabelCleaner.clean($0.text) }),
               let line = named.first(where: { LabelCleaner.clean($0.text) == first })?.line {
                metadata.unitName = first
                metadata.sourceLines["unitName"] = line
            } else if let field = report.tables.flatMap(\.fields).first(where: { TextKey.equal($0.label, "单位名称") }) {
                metadata.unitName = LabelCleaner.clean(field.value)
                metadata.sourceLines["unitName"] = field.line
            }
        }
        metadata.amountUnit = mostCommon(report.tables.compactMap(\.amountUnit))

        var diagnostics: [NormalizeDiagnostic] = []
        let title = metadata.title.map { " in the title \"\($0)\"" } ?? ""
        if metadata.unitName == nil {
            diagnostics.append(NormalizeDiagnostic(kind: .metadata, line: nil, table: nil, row: nil, column: nil, text: nil,
                message: "the reporting unit was not found\(title), in the tables' 单位： lines or a 单位名称 field"))
        }
        if metadata.fiscalYear == nil {
            diagnostics.append(NormalizeDiagnostic(kind: .metadata, line: nil, table: nil, row: nil, column: nil, text: nil,
                message: "the fiscal year (a 4-digit year before 年) was not found\(title) or in any heading"))
        }
        if metadata.kind == nil {
            diagnostics.append(NormalizeDiagnostic(kind: .metadata, line: nil, table: nil, row: nil, column: nil, text: nil,
                message: "the kind of report (\(ReportKind.allCases.map(\.rawValue).joined(separator: ", "))) was not found\(title) or in any heading"))
        }
        return (metadata, diagnostics)
    }

    /// The first `YYYY年` (spaces allowed before 年) with a plausible year, and where it starts.
    package static func year(in text: String) -> (Int, Range<String.Index>)? {
        var index = text.startIndex
        while index < text.endIndex {
            let digits = text[index...].prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let year = Int(digits), (1990...2100).contains(year),
               text[digits.endIndex...].drop(while: { $0 == " " }).first == "年" {
                return (year, index..<digits.endIndex)
            }
            index = digits.isEmpty ? text.index(after: index) : digits.endIndex
        }
        return nil
    }

    package static func kind(in text: String) -> ReportKind? {
        ReportKind.allCases.first { TextPatterns.contains(text, $0.rawValue) }
    }

    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return values.first { counts[$0] == counts.values.max() }
    }
}
