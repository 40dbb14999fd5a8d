import CLibXML2
import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize
@testable import BudgetReconcile
@testable import BudgetSegment

/// What schema version 3 added to `report.xml` for archivists: Dublin Core in its own namespace,
/// the narrative with its lines, the accounting of every line, the checks per rule, where each
/// finding's lines are, each claim's verdict, and a stylesheet the bag carries and names.
@Suite struct ExportArchivalRecordTests {
    /// The sample exported with the checks reconcile really made (the other export suites use a
    /// hand-made reconcile report).
    static let files: [OutputFile] = try! Exporter.export(
        reportID: "sample", extract: SampleReport.extracted, segmented: SampleReport.segmented, normalized: SampleReport.normalized,
        reconciled: SampleReport.reconciled)
    static let xml = ExportFixtures.file(ReportXML.fileName, in: files)
    static let text = String(decoding: xml, as: UTF8.self)

    /// The root's element children named `name` (in any namespace), as libxml2 parsed them.
    static func children(of parent: xmlNodePtr?, named name: String) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var node = parent?.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name { found.append(current) }
            node = current.pointee.next
        }
        return found
    }

    static func elements(of parent: xmlNodePtr?) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var node = parent?.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
            node = current.pointee.next
        }
        return found
    }

    /// Harvesters look for `{http://purl.org/dc/elements/1.1/}title`: every child of
    /// `<dublinCore>` is in that namespace, and the record's other elements are not.
    @Test func dublinCoreIsInTheDublinCoreNamespace() throws {
        let document = try LibXMLDocument(parsing: Self.xml, file: ReportXML.fileName)
        let root = xmlDocGetRootElement(document.pointer)
        let dublinCore = try #require(Self.children(of: root, named: "dublinCore").first)
        #expect(String(cString: dublinCore.pointee.ns.pointee.href) == ReportSchema.namespace)
        let elements = Self.elements(of: dublinCore)
        #expect(elements.map { String(cString: $0.pointee.name) }
            == ["title", "identifier", "publisher", "date", "coverage", "type", "format", "language", "source"])
        for element in elements {
            #expect(String(cString: element.pointee.ns.pointee.href) == DublinCoreSchema.namespace)
        }
    }

    /// The schema holds Dublin Core to its namespace: the elements of schema version 2 (in the
    /// project's namespace) are refused, and so is an element Dublin Core does not have.
    @Test func theSchemaRefusesDublinCoreOutsideItsNamespace() {
        let old = Self.text.replacingOccurrences(of: "<dc:title>", with: "<title>").replacingOccurrences(of: "</dc:title>", with: "</title>")
        let unknown = Self.text.replacingOccurrences(of: "<dc:type>Dataset</dc:type>", with: "<dc:kind>Dataset</dc:kind>")
        for document in [old, unknown] {
            #expect(throws: ReportError.self) { try ReportSchema.validate(Data(document.utf8)) }
        }
    }

    /// The bag carries the stylesheet the document names and the schema its schema imports, the
    /// very files of `schema/`, so the bag alone validates and renders.
    @Test func theBagCarriesItsStylesheetAndBothSchemas() throws {
        #expect(Self.text.contains("<?xml-stylesheet type=\"text/xsl\" href=\"render.xsl\"?>"))
        for (name, data) in [(ReportHTML.stylesheetFileName, ReportHTML.stylesheet), (DublinCoreSchema.fileName, DublinCoreSchema.data),
                             (ReportSchema.fileName, ReportSchema.data)] {
            let shipped = try Data(contentsOf: Repository.root.appendingPathComponent("schema/\(name)"))
            #expect(shipped == data, "schema/\(name) must be the file compiled into the binary")
            #expect(ExportFixtures.file(name, in: Self.files) == shipped, "\(name)")
            #expect(Self.files.first { $0.name == "data/\(name)" }?.sameInEveryReport == true, "\(name) is stored once per output folder")
        }
    }

    /// Every heading and paragraph segment found is in the record, in order, with its lines.
    @Test func theNarrativeIsInTheRecordWithItsLines() throws {
        let document = try LibXMLDocument(parsing: Self.xml, file: ReportXML.fileName)
        let narrative = try #require(Self.children(of: xmlDocGetRootElement(document.pointer), named: "narrative").first)
        let blocks = Self.elements(of: narrative)
        let expected = SampleReport.segmented.narrative
        #expect(blocks.count == expected.count)
        #expect(expected.count > 50)
        for (element, block) in zip(blocks, expected) {
            #expect(String(cString: element.pointee.name) == block.kind.rawValue)
            let lines = XMLStreamWriter.withXMLString("lines") { xmlGetProp(element, $0) }.map { value in
                defer { budget_etl_xml_free(value) }
                return String(cString: value)
            }
            #expect(lines == block.lines.map(String.init).joined(separator: " "))
        }
        #expect(Self.text.contains("<heading lines=\"45\" level=\"2\" ordinal=\"一\">一、主要职责</heading>"))
    }

    /// Nothing lost: the kinds' counts are segment's, and they and the unassigned lines add up to
    /// every line of the text.
    @Test func everyLineIsAccountedFor() {
        let segmented = SampleReport.segmented
        #expect(Self.text.contains("<lineAccounting lines=\"\(segmented.lines)\">"))
        var total = 0
        for kind in LineKind.allCases {
            guard let count = segmented.counts[kind.rawValue], count > 0 else {
                #expect(!Self.text.contains("<kind name=\"\(kind.rawValue)\""))
                continue
            }
            #expect(Self.text.contains("<kind name=\"\(kind.rawValue)\" lines=\"\(count)\"/>"))
            total += count
        }
        #expect(total + segmented.unassigned.count == segmented.lines)
    }

    /// Each rule's counts are those of `checks.csv`, and together the summary's.
    @Test func checksAreCountedPerRule() {
        let checks = SampleReport.reconciled.checks
        var pass = 0
        for rule in Set(checks.map(\.rule)) {
            let mine = checks.filter { $0.rule == rule }
            let summary = CheckSummary(counting: mine)
            #expect(Self.text.contains("<rule name=\"\(rule)\" pass=\"\(summary.pass)\" warn=\"\(summary.warn)\" fail=\"\(summary.fail)\" "
                + "unverified=\"\(summary.unverified)\"/>"), "\(rule)")
            pass += summary.pass
        }
        #expect(pass == SampleReport.reconciled.summary.pass)
        #expect(!Self.text.contains("status=\"pass\""), "a pass is counted, not listed")
    }

    /// The per-rule counts follow the rules in the order they first ran, and count every check of
    /// each even when the rules' checks interleave (the sample's never do).
    @Test func interleavedRulesAreCountedInFirstRunOrder() {
        var generator = SeededGenerator(state: 20_261_203)
        let rules = ["hierarchy", "narrative", "share", "cross-table", "arithmetic"]
        for _ in 0..<200 {
            let checks = (0..<Int.random(in: 0...40, using: &generator)).map { index in
                CheckResult(id: "c\(index)", rule: rules[Int.random(in: 0..<rules.count, using: &generator)],
                            status: CheckStatus.allCases[Int.random(in: 0..<CheckStatus.allCases.count, using: &generator)],
                            table: nil, location: "", expected: nil, actual: nil, difference: nil, tolerance: nil, message: "",
                            lines: [])
            }
            var order: [String] = []
            for check in checks where !order.contains(check.rule) { order.append(check.rule) }
            let summaries = ReportXMLChecks.summaries(of: checks)
            #expect(summaries.map(\.rule) == order)
            for (rule, summary) in summaries {
                #expect(summary == CheckSummary(counting: checks.filter { $0.rule == rule }), "\(rule)")
            }
        }
    }

    /// A finding says where each of its lines is: the cost-basis warning's row of 表12.2, the
    /// share warning's rows of 表11.1, the missing table's contents entry, a claim's paragraph.
    @Test func findingsSayWhereTheirLinesAre() {
        for fragment in [
            "<location>短信通讯费 | 金额</location>",
            "<involves line=\"416\" part=\"row\" table=\"12.2\"/></check>",
            "<involves line=\"349\" part=\"row\" table=\"11.1\"/><involves line=\"352\" part=\"row\" table=\"11.1\"/></check>",
            "<involves line=\"59\" part=\"contents\"/></check>",
            "<involves line=\"51\" part=\"narrative\"/></check>",
        ] {
            #expect(Self.text.contains(fragment), "\(fragment)")
        }
    }

    /// Every claim carries its verdict and the id of its check.
    @Test func everyClaimHasItsVerdict() {
        let claims = SampleReport.normalized.claims
        #expect(Self.text.components(separatedBy: "<claim line=").count - 1 == claims.count)
        #expect(Self.text.components(separatedBy: " verdict=\"").count - 1 == claims.count)
        #expect(Self.text.contains("<claim line=\"51\" year=\"2024\" check=\"narrative:51:武汉市人力资源和社会保障信息中心内设机构\" "
            + "verdict=\"unverified\">"))
        #expect(Self.text.contains("<claim line=\"460\" year=\"2024\" check=\"narrative:460:收支总预算\" verdict=\"pass\">"))
    }

    /// A claim's verdict is the worst of its own check and its share or change checks.
    @Test func aClaimsVerdictIsItsWorstCheck() throws {
        let claim = try #require(SampleReport.normalized.claims.first { $0.line == 460 })
        let id = NarrativeRule.checkID(of: claim)
        func check(_ id: String, _ status: CheckStatus) -> CheckResult {
            CheckResult(id: id, rule: "narrative", status: status, table: nil, location: "", expected: nil, actual: nil,
                        difference: nil, tolerance: nil, message: "", lines: [460])
        }
        #expect(ReportXMLClaims.verdicts(of: [claim], checks: [check(id, .pass), check("\(id):share", .warn)])[id: id] == .warn)
        #expect(ReportXMLClaims.verdicts(of: [claim], checks: [check(id, .unverified), check("\(id):change", .pass)])[id: id] == .unverified)
        #expect(ReportXMLClaims.verdicts(of: [claim], checks: [check("\(id):change", .fail), check(id, .warn)])[id: id] == .fail)
        #expect(ReportXMLClaims.verdicts(of: [claim], checks: [check("narrative:461:x", .fail)])[id: id] == nil)
    }

    /// An element in a namespace the root never declared is refused by the writer, not written.
    @Test func anUndeclaredPrefixIsRefused() throws {
        let writer = try XMLStreamWriter(validatingAgainst: try CompiledSchema.shared.get())
        try writer.startDocument()
        try writer.startRoot("budgetReport", namespace: ReportSchema.namespace)
        #expect(throws: ReportError.self) { try writer.start("title", prefix: "dc") }
    }
}
