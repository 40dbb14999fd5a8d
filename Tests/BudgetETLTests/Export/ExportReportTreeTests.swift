import CLibXML2
import Foundation
import Testing
@testable import BudgetExport

/// The page reads the record through `ReportElement`, which must answer as XPath over the parsed
/// bytes would: names, attributes, children in order, string values. Random documents (nested
/// elements, prefixed names, attributes, texts between, before and after elements) are built
/// into a tree by the writer's builder, from libxml2's parse, and each element of the tree is
/// held to the same element of the parse.
@Suite struct ExportReportTreeTests {
    @Test(arguments: 0..<200) func everyElementAnswersAsTheParse(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let xml = Data(Self.document(&random).utf8)
        let document = try LibXMLDocument(parsing: xml, file: "random.xml")
        let parsed = try #require(xmlDocGetRootElement(document.pointer))
        let tree = try #require(try ExportReportPageTests.tree(parsing: xml))
        var seen: [ReportElement] = []
        try Self.expectSame(tree, parsed, seen: &seen, seed: seed)
        // Each element is itself and no other.
        for (position, element) in seen.enumerated() {
            #expect(seen.firstIndex(of: element) == position, "seed \(seed)")
        }
    }

    /// Mixed content in document order: what no record has, but XPath's string value orders so.
    @Test func stringValueFollowsDocumentOrder() throws {
        let xml = Data("<r>a<b>c<d>e</d>f</b>g<h/>i<j>k</j></r>".utf8)
        let tree = try #require(try ExportReportPageTests.tree(parsing: xml))
        #expect(tree.stringValue == "acefgik")
        #expect(tree.children.map(\.name) == ["b", "h", "j"])
        #expect(tree.child("b")?.stringValue == "cef")
        #expect(tree.child("h")?.stringValue == "")
    }

    private static func expectSame(_ element: ReportElement, _ node: xmlNodePtr, seen: inout [ReportElement], seed: UInt64) throws {
        seen.append(element)
        let prefix = node.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" } ?? ""
        let name = prefix + String(cString: node.pointee.name)
        #expect(element.name == name, "seed \(seed)")
        let content = xmlNodeGetContent(node)
        #expect(element.stringValue == content.map { String(cString: $0) } ?? "", "seed \(seed): \(name)")
        budget_etl_xml_free(content)
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)
            #expect(element[String(cString: current.pointee.name)] == value.map { String(cString: $0) }, "seed \(seed)")
            budget_etl_xml_free(value)
            attribute = current.pointee.next
        }
        #expect(element["absent"] == nil)
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
            child = current.pointee.next
        }
        let elements = Array(element.children)
        #expect(elements.count == children.count, "seed \(seed): \(name)")
        #expect(element.children.isEmpty == children.isEmpty)
        #expect(element.children.first == elements.first)
        for name in Set(elements.map(\.name)) {
            #expect(element.children(name) == elements.filter { $0.name == name })
            #expect(element.child(name) == elements.first { $0.name == name })
        }
        for (element, node) in zip(elements, children) {
            try expectSame(element, node, seen: &seen, seed: seed)
        }
    }

    /// Up to four levels, each element with up to three attributes and up to four children, text
    /// (with characters to escape) before, between and after them.
    private static func document(_ random: inout SeededGenerator) -> String {
        var xml = #"<root xmlns="urn:test" xmlns:dc="http://purl.org/dc/elements/1.1/""#
        element(&random, depth: 0, into: &xml, root: true)
        return xml
    }

    private static func element(_ random: inout SeededGenerator, depth: Int, into xml: inout String, root: Bool = false) {
        let names = ["a", "b", "cell", "row", "dc:title"]
        let name = root ? "root" : names[Int.random(in: 0..<names.count, using: &random)]
        if !root { xml += "<\(name)" }
        for index in 0..<Int.random(in: 0...3, using: &random) { xml += #" k\#(index)="\#(text(&random))""# }
        xml += ">"
        let children = depth < 3 ? Int.random(in: 0...4, using: &random) : 0
        for _ in 0..<children {
            if Bool.random(using: &random) { xml += text(&random) }
            element(&random, depth: depth + 1, into: &xml)
        }
        if Bool.random(using: &random) { xml += text(&random) }
        xml += "</\(name)>"
    }

    private static func text(_ random: inout SeededGenerator) -> String {
        let pieces = ["表3", "合计", "1,209.02", "&amp;", "&lt;", " ", "x", "&#38;"]
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
    }
}
