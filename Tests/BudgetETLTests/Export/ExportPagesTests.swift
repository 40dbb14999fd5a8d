import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport
@testable import BudgetReconcile
@testable import BudgetSegment

/// Every row, field, claim and finding can be traced to the page it is printed on: the fixture
/// `odd-formatting` has two form feeds (line 61, inside 表1, and line 163, inside 表6), so its
/// tables run over pages; the same text with `-- PAGE_BREAK --` lines or printed page numbers
/// instead must give every fact the same page, and text without marks none.
@Suite struct ExportPagesTests {
    static let formFeeds = String(decoding: try! Data(contentsOf: Fixtures.input("odd-formatting")), as: UTF8.self)

    /// Each line that begins with a form feed gets `replacement(page it ends)` before it instead.
    static func replacingFormFeeds(_ replacement: (Int) -> String?) -> String {
        var page = 0
        return Self.formFeeds.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.first == "\u{0C}" else { return String(line) }
            page += 1
            return (replacement(page).map { $0 + "\n" } ?? "") + line.dropFirst()
        }.joined(separator: "\n")
    }

    struct Export {
        let xml: String
        let facts: [[String: String]]

        init(_ text: String, reconciled: ReconcileReport? = nil) throws {
            let run = try StagesRun(text: text)
            let files = try Exporter.export(reportID: "r", extract: run.extracted, segmented: run.segmented, normalized: run.normalized,
                                            reconciled: reconciled ?? run.reconciled)
            xml = String(decoding: ExportFixtures.file(ReportXML.fileName, in: files), as: UTF8.self)
            facts = CSVTestReader.rows(ExportFixtures.file(FactsCSV.fileName, in: files))
        }

        /// The attributes of every `<name …>` element, in document order.
        func elements(_ name: String) -> [[String: String]] {
            xml.components(separatedBy: "<\(name) ").dropFirst().map { rest in
                let tag = rest.prefix { $0 != ">" }
                var attributes: [String: String] = [:]
                for pair in tag.components(separatedBy: "\" ") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    attributes[String(parts[0])] = parts[1].replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "/", with: "")
                }
                return attributes
            }
        }

        /// Each fact's page by its key (table, side, row, column), which does not depend on lines.
        var factPages: [String: String] {
            Dictionary(uniqueKeysWithValues: facts.map { fact in
                (["table_id", "section", "row", "column"].map { fact[$0]! }.joined(separator: "|"), fact["page"]!)
            })
        }
    }

    static let formFeedExport = try! Export(formFeeds)

    @Test func rowsAfterAFormFeedAreOnTheNextPageInTheXMLAndInFactsCSV() throws {
        let export = Self.formFeedExport
        #expect(export.xml.contains("<pages starts=\"1 61 163\"/>"))
        let rows = export.elements("row")
        #expect(!rows.isEmpty)
        for row in rows {
            let line = try #require(Int(row["line"] ?? ""))
            #expect(row["page"] == String(line >= 163 ? 3 : line >= 61 ? 2 : 1), "row on line \(line)")
        }
        // 表1 runs from page 1 onto page 2, 表6 from page 2 onto page 3.
        let table1 = export.facts.filter { $0["table_id"] == "1" }
        #expect(Set(table1.map { $0["page"]! }) == ["1", "2"])
        #expect(table1.allSatisfy { $0["page"] == (Int($0["source_line"]!)! >= 61 ? "2" : "1") })
        #expect(Set(export.facts.filter { $0["table_id"] == "6" }.map { $0["page"]! }) == ["2", "3"])
        #expect(export.facts.allSatisfy { !$0["page"]!.isEmpty })
        // A table's own page is that of its caption or title.
        #expect(export.elements("table").first { $0["id"] == "6" }?["page"] == "2")
        // The narrative's claims are on the last page.
        let claims = export.elements("claim")
        #expect(!claims.isEmpty && claims.allSatisfy { $0["page"] == "3" })
    }

    @Test func pageBreakMarkerLinesGiveEveryFactTheSamePage() throws {
        let markers = try Export(Self.replacingFormFeeds { _ in "-- PAGE_BREAK --" })
        // One line more before each break: the pages begin a line later, then two.
        #expect(markers.xml.contains("<pages starts=\"1 62 165\"/>"))
        #expect(markers.factPages == Self.formFeedExport.factPages)
        #expect(Set(markers.factPages.values) == ["1", "2", "3"])
    }

    @Test func printedPageNumbersAloneGiveEveryFactTheSamePage() throws {
        let footers = try Export(Self.replacingFormFeeds { "第 \($0) 页" })
        #expect(footers.xml.contains("<pages starts=\"1 62 165\"/>"))
        #expect(footers.factPages == Self.formFeedExport.factPages)
    }

    /// Page numbers and running headers are lines of their own kind (`furniture`) in the line
    /// accounting: the schema must allow every kind segment gives a line, or such a report's
    /// record is refused.
    @Test func theSchemaAllowsEveryKindOfLine() {
        let schema = String(decoding: ReportSchema.data, as: UTF8.self)
        for kind in LineKind.allCases {
            #expect(schema.contains("<xs:enumeration value=\"\(kind.rawValue)\"/>"), "\(kind.rawValue)")
        }
    }

    /// Text with no page marks (the sample's own): where the PDF's pages were is unknown, so no
    /// page is given rather than a wrong one (every row "page 1").
    @Test func withoutPageMarksNoPageIsClaimed() throws {
        let unmarked = try Export(Self.replacingFormFeeds { _ in nil })
        #expect(!unmarked.xml.contains(" page=\""))
        #expect(!unmarked.xml.contains("<pages "))
        #expect(unmarked.facts.count == Self.formFeedExport.facts.count)
        #expect(unmarked.facts.allSatisfy { $0["page"] == "" })
    }

    @Test func aFindingNamesThePageOfEachLineItInvolves() throws {
        let check = ExportFixtures.check("hierarchy:1:x", rule: "hierarchy", status: .fail, table: "1", location: "x",
                                         expected: "1", actual: "2", difference: "1", message: "m", lines: [50, 65])
        let export = try Export(Self.formFeeds, reconciled: ReconcileReport(checks: [check], summary: CheckSummary(pass: 0, warn: 0, fail: 1)))
        let involved = export.elements("involves")
        #expect(involved.map { [$0["line"]!, $0["page"]!] } == [["50", "1"], ["65", "2"]])
    }
}
