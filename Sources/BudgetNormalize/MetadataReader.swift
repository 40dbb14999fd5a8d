import BudgetCore
import BudgetSegment

/// Finds whose report this is, for which year and of which kind: from its title (the first
/// heading, `武汉市…中心 2024 年单位预算`), falling back to the headings, the tables' `单位：`
/// lines and form fields. What cannot be found is a diagnostic, not a guess.
package enum MetadataReader {
    package static func read(_ report: SegmentedReport) -> (ReportMetadata, [NormalizeDiagnostic]) {
        var metadata = ReportMetadata(title: nil, unitName: nil, fiscalYear: nil, kind: nil, amountUnit: nil, units: nil, sourceLines: [:])
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
        // The publisher named on the title page (`预算主管部门：…`) is the unit: a title's words before
        // the year may be only its district (`上海市普陀区2025年区级部门预算`).
        let named = report.tables.compactMap(\.unitName).filter { !TextPatterns.isBlank($0.text) }
        let tableUnit = mostCommon(named.map { LabelCleaner.clean($0.text) })
        if let publisher = publisher(report) {
            metadata.unitName = publisher.name
            metadata.sourceLines["unitName"] = publisher.line
        } else if let prefix = metadata.unitName, let tableUnit, tableUnit.count > prefix.count, tableUnit.hasPrefix(prefix),
                  let line = named.first(where: { LabelCleaner.clean($0.text) == tableUnit })?.line {
            metadata.unitName = tableUnit
            metadata.sourceLines["unitName"] = line
        }
        if let (units, line) = unitList(report) {
            metadata.units = units
            metadata.sourceLines["units"] = line
        }
        if metadata.unitName == nil {
            if let first = tableUnit,
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

    /// `预算主管部门：<unit>` (a key of `publisherKeys`) in the narrative before the first table.
    private static func publisher(_ report: SegmentedReport) -> (name: String, line: Int)? {
        let firstTable = report.tables.compactMap { $0.title?.line ?? $0.caption?.line }.min() ?? Int.max
        for block in report.narrative where block.lines[0] < firstTable && block.lines.count == 1 {
            guard let pair = TextPatterns.keyValue(block.text, keys: TableWords.standard.publisherKeys.words) else { continue }
            let name = LabelCleaner.clean(pair.value)
            if !name.isEmpty { return (name, block.lines[0]) }
        }
        return nil
    }

    /// The units a department's report consolidates: the numbered items (`1. …（本部）。`) below the
    /// heading of its 机构设置 part (`unitListHeadings`), each a name without sentence punctuation.
    private static func unitList(_ report: SegmentedReport) -> ([String], Int)? {
        let headings = TableWords.standard.unitListHeadings
        guard let start = report.narrative.firstIndex(where: { $0.kind == .heading && headings.found(in: $0.text) }) else { return nil }
        var units: [String] = []
        var line: Int?
        for block in report.narrative[(start + 1)...] {
            if block.kind == .heading && block.ordinal == nil { break }
            guard let ordinal = block.ordinal, let enumerator = TextPatterns.enumerator(block.text), !ordinal.isEmpty else {
                if units.isEmpty { continue } else { break }
            }
            var name = LabelCleaner.clean(String(enumerator.rest))
            while name.hasSuffix("。") || name.hasSuffix("；") || name.hasSuffix(";") { name.removeLast() }
            guard !name.isEmpty, TextPatterns.length(name) <= 40,
                  !name.unicodeScalars.contains(where: { ["，", "。", "；", "："].contains($0) }) else { break }
            units.append(name)
            line = line ?? block.lines[0]
        }
        guard let line, !units.isEmpty else { return nil }
        return (units, line)
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
