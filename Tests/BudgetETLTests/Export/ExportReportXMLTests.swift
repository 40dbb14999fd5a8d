import CLibXML2
import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetNormalize
@testable import BudgetReconcile

/// `report.xml`: content, validity against the shipped XSD, refusal of invalid documents, and
/// characters XML 1.0 forbids.
@Suite struct ExportReportXMLTests {
    static let xml = ExportFixtures.text(ReportXML.fileName)

    @Test func validatesInProcess() throws {
        try ReportSchema.validate(ExportFixtures.file(ReportXML.fileName))
    }

    @Test func validatesWithXmllint() throws {
        let folder = TemporaryFolder()
        let document = folder.write("report.xml", ExportFixtures.file(ReportXML.fileName))
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "xmllint", "--noout", "--nonet", "--schema",
            Repository.root.appendingPathComponent("schema/budget-report.xsd").path, document.path,
        ])
        #expect(result.status == 0, "xmllint (libxml2-utils; `make check-deps` installs it): \(result.stderr)")
    }

    @Test func shippedSchemaIsTheCompiledInOne() throws {
        let shipped = try Data(contentsOf: Repository.root.appendingPathComponent("schema/budget-report.xsd"))
        #expect(shipped == ReportSchema.data, "schema/budget-report.xsd must be the schema compiled into the binary")
        #expect(ExportFixtures.file(ReportSchema.fileName) == shipped)
    }

    /// The project's namespace for the record, Dublin Core's for Dublin Core (declared once, on
    /// the root), a schema version, and the instruction that names the bag's stylesheet.
    @Test func namespacesSchemaVersionAndStylesheet() {
        #expect(Self.xml.hasPrefix(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"render.xsl\"?>"
                + "<budgetReport xmlns:dc=\"http://purl.org/dc/elements/1.1/\" schemaVersion=\"3\" "
                + "reportId=\"\(ExportFixtures.reportID)\" xmlns=\"urn:budget-etl:report\">"))
        #expect(Self.xml.components(separatedBy: "xmlns").count == 3, "two declarations, both on the root")
    }

    @Test func holdsMetadataDublinCoreAndProvenance() {
        let sha = SampleReport.extracted.info.source.sha256
        for fragment in [
            "<dc:title>武汉市人力资源和社会保障信息中心2024年单位预算</dc:title>",
            "<dc:publisher>武汉市人力资源和社会保障信息中心</dc:publisher>",
            "<dc:date>2024</dc:date>", "<dc:coverage>2024</dc:coverage>", "<dc:identifier>\(ExportFixtures.reportID)</dc:identifier>",
            "<unit>武汉市人力资源和社会保障信息中心</unit>", "<fiscalYear>2024</fiscalYear>", "<kind>单位预算</kind>",
            "<amountUnit>万元</amountUnit>",
            "file=\"\(Fixtures.sampleReport.lastPathComponent)\"", "sha256=\"\(sha)\"",
            "<pipeline name=\"budget-etl\" version=\"\(PipelineVersion.current)\"/>",
            "<agent role=\"software\" name=\"budget-etl\" version=\"\(PipelineVersion.current)\"/>",
            "<event type=\"extracted\" outcome=\"success\">", "<event type=\"segmented\" outcome=\"warning\">",
            "<event type=\"normalized\" outcome=\"success\">", "<event type=\"reconciled\" outcome=\"failure\">",
            "<event type=\"exported\" outcome=\"success\">255 facts",
        ] {
            #expect(Self.xml.contains(fragment), "\(fragment)")
        }
        #expect(!Self.xml.contains("status=\"pass\""), "a pass is a record of checks.csv, not spelled out again here")
    }

    @Test func holdsTablesRowsCellsClaimsAndChecks() {
        for fragment in [
            "<table id=\"5-1\" kind=\"general-budget-expenditure-by-function\" layout=\"grid\"",
            "<header>基本支出</header><header>人员经费</header>",
            "<row number=\"4\" line=\"209\" code=\"2080150\" codeScheme=\"function\" level=\"3\" parent=\"20801\">",
            "<item column=\"1\" printed=\"事业运行\">事业运行</item>",
            "<item column=\"5\" printed=\"计划标准\">计划标准</item>",
            "<item column=\"2\" printed=\"十七、住房保障支出\" ordinal=\"十七\">住房保障支出</item>",
            "<cell column=\"2\" value=\"1209.02\" unit=\"万元\">1,209.02</cell>",
            "<cell column=\"4\" value=\"1100\" unit=\"万人\" qualifier=\"余\">1100余万人</cell>",
            "<field line=\"395\" label=\"项目总预算\" amount=\"383.76\" unit=\"万元\">",
            "<claims count=\"\(SampleReport.normalized.claims.count)\">",
            "<amount value=\"1209.02\" unit=\"万元\">1209.02 万元</amount>",
            "<comparison year=\"2023\" direction=\"decrease\">",
            "<checks pass=\"1\" warn=\"1\" fail=\"1\" unverified=\"0\" allChecks=\"checks.csv\">",
            "<check id=\"narrative:-:收支总预算\" rule=\"narrative\" status=\"warn\" expected=\"1209.02\" actual=\"1209.0\""
                + " difference=\"-0.02\" tolerance=\"0.005\" lines=\"460\">",
            "<promisedTable id=\"2\" line=\"59\" missing=\"true\">收入总表</promisedTable>",
        ] {
            #expect(Self.xml.contains(fragment), "\(fragment)")
        }
    }

    @Test func invalidDocumentsAreRefused() {
        let valid = ExportFixtures.text(ReportXML.fileName)
        let wrongVersion = valid.replacingOccurrences(of: "schemaVersion=\"3\"", with: "schemaVersion=\"4\"")
        let badValue = valid.replacingOccurrences(of: "value=\"1209.02\"", with: "value=\"1,209.02\"")
        let notWellFormed = String(valid.dropLast(20))
        for (document, expected) in [(wrongVersion, "schemaVersion"), (badValue, "1,209.02"), (notWellFormed, "well-formed")] {
            #expect {
                try ReportSchema.validate(Data(document.utf8))
            } throws: { error in
                let error = error as! ReportError
                return error.file == "report.xml" && error.message.contains(expected) && error.line != nil
            }
        }
    }

    /// A document the exporter writes and its schema refuses is a stage error, not an output:
    /// here two tables with one id (the XSD keeps table ids unique).
    @Test func exportRefusesADocumentItsSchemaRejects() {
        var normalized = SampleReport.normalized
        normalized.tables[1].id = normalized.tables[0].id
        #expect(throws: ReportError.self) { try ExportFixtures.export(normalized: normalized) }
        normalized = SampleReport.normalized
        normalized.tables[0].id = ""
        #expect(throws: ReportError.self) { try ExportFixtures.export(normalized: normalized) }
    }

    /// Form feeds (page breaks in PDF text), other C0 controls and U+FFFE would make the file
    /// unreadable; they become control pictures (U+FFFD for U+FFFE), the count is recorded, and
    /// the CSVs keep the original characters.
    @Test func charactersXMLForbidsAreReplacedVisibly() throws {
        var normalized = SampleReport.normalized
        normalized.tables[0].notes[0].text = "备注\u{0C}分页\u{01}\u{FFFE}"
        normalized.tables[0].title = "收支\u{0B}总表"
        let files = try ExportFixtures.export(normalized: normalized)
        let xml = ExportFixtures.file(ReportXML.fileName, in: files)
        try ReportSchema.validate(xml)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("备注\u{240C}分页\u{2401}\u{FFFD}"))
        #expect(text.contains("<title>收支\u{240B}总表</title>"))
        #expect(text.contains("4 characters not allowed in XML 1.0 replaced"))
        #expect(String(decoding: ExportFixtures.file("facts.csv", in: files), as: UTF8.self).contains("收支\u{0B}总表"))
    }

    /// The schema enumerates what the models enumerate, so a new case cannot slip through.
    @Test func schemaEnumeratesEveryKindAndStatus() throws {
        try ReportSchema.prepare()
        let xsd = String(decoding: ReportSchema.data, as: UTF8.self)
        for kind in ReportKind.allCases { #expect(xsd.contains("<xs:enumeration value=\"\(kind.rawValue)\"/>")) }
        for status in CheckStatus.allCases { #expect(xsd.contains("<xs:enumeration value=\"\(status.rawValue)\"/>")) }
    }

    @Test func xmlCharactersPolicy() {
        #expect(XMLCharacters.legal("合计（万元）：1,209.02\t\n\r").replaced == 0)
        #expect(XMLCharacters.legal("a\u{0C}b\u{00}c\u{FFFF}").text == "a\u{240C}b\u{2400}c\u{FFFD}")
        #expect(XMLCharacters.legal("a\u{0C}b\u{00}c\u{FFFF}").replaced == 3)
    }

    /// The replaced characters are found wherever they are (the check reads bytes, not
    /// characters): random text of characters forbidden or kept, and near misses sharing their
    /// bytes (`，` and `￮` start with EF like U+FFFE; U+FFFD is EF BF BD; U+EFBF ends in BE BF),
    /// against a replacement character by character.
    @Test func forbiddenCharactersAreFoundAtAnyOffset() {
        let pieces: [String] = ["a", "合", "，", "\u{FFEE}", "\u{FFFD}", "\u{EFBF}", "\u{FFBE}", "\t", "\n", "\r", " ",
                                "\u{0C}", "\u{00}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "😀"]
        var generator = SeededGenerator(state: 20_261_204)
        var replacedSeen = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            var expected = String.UnicodeScalarView()
            var replaced = 0
            for scalar in text.unicodeScalars {
                if let replacement = XMLCharacters.replacement(for: scalar) {
                    expected.append(replacement)
                    replaced += 1
                } else {
                    expected.append(scalar)
                }
            }
            let legal = XMLCharacters.legal(text)
            #expect(legal.text == String(expected) && legal.replaced == replaced, "\(Array(text.unicodeScalars))")
            replacedSeen += replaced
        }
        #expect(replacedSeen > 10_000)
    }

    /// Every element and attribute the schema declares says what it is for.
    @Test func everyDeclarationIsDocumented() throws {
        let document = try LibXMLDocument(parsing: ReportSchema.data, file: ReportSchema.fileName)
        var undocumented: [String] = []
        var declarations = 0
        func visit(_ node: xmlNodePtr?) {
            var node = node
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = String(cString: current.pointee.name)
                    if name == "element" || name == "attribute" {
                        declarations += 1
                        if !hasDocumentation(current) { undocumented.append(attribute(current, "name") ?? "?") }
                    }
                    visit(current.pointee.children)
                }
                node = current.pointee.next
            }
        }
        visit(xmlDocGetRootElement(document.pointer))
        #expect(declarations > 100)
        #expect(undocumented.isEmpty, "undocumented: \(undocumented)")
    }

    private func hasDocumentation(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == "annotation" {
                var inner = current.pointee.children
                while let item = inner {
                    if item.pointee.type == XML_ELEMENT_NODE, String(cString: item.pointee.name) == "documentation",
                       let content = xmlNodeGetContent(item) {
                        defer { budget_etl_xml_free(content) }
                        if !String(cString: content).trimmingCharacters(in: .whitespaces).isEmpty { return true }
                    }
                    inner = item.pointee.next
                }
            }
            child = current.pointee.next
        }
        return false
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = XMLStreamWriter.withXMLString(name, { xmlGetProp(node, $0) }) else { return nil }
        defer { budget_etl_xml_free(value) }
        return String(cString: value)
    }
}
