import CLibXML2
import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport

/// `XMLStreamWriter` writes the bytes libxml2's `xmlTextWriter` wrote for the same calls (it
/// replaced it; archived documents and goldens must not change): random documents of nested
/// elements, attributes and text made of the characters serialization treats specially are
/// written by both and compared byte for byte.
@Suite struct ExportXMLWriterTests {
    /// Markup and whitespace characters, references spelled out, Chinese and a non-BMP
    /// character, characters XML forbids (both writers get them after `XMLCharacters`).
    static let pieces = ["a", "表", "&", "&#38;", "&amp;", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", " ", "]]>", "1", "-",
                         "𠀀", "\u{0C}", "\u{FFFE}", "=", "/", "?>"]

    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    enum Call {
        case start(String)
        case attribute(String, String)
        case text(String)
        case end
    }

    /// Calls that make a well-formed document under a root: elements with or without
    /// attributes and text, some empty (so both `/>` and `</name>` appear), some nested.
    static func calls(_ random: inout SeededGenerator) -> [Call] {
        var calls: [Call] = []
        var depth = 0
        var inStartTag = true
        for _ in 0..<Int.random(in: 1...60, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where depth < 5:
                calls.append(.start(["row", "cell", "item", "a"].randomElement(using: &random)!))
                depth += 1
                inStartTag = true
            case 1 where inStartTag:
                calls.append(.attribute(["value", "printed", "b"].randomElement(using: &random)! + String(calls.count), text(&random)))
            case 2:
                let value = text(&random)
                calls.append(.text(value))
                if !value.isEmpty { inStartTag = false }
            default:
                guard depth > 0 else { continue }
                calls.append(.end)
                depth -= 1
                inStartTag = false
            }
        }
        calls.append(contentsOf: Array(repeating: .end, count: depth))
        return calls
    }

    /// The document as this project's writer writes it (no validation).
    static func written(_ calls: [Call], rootAttribute: String) throws -> Data {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.startRoot("budgetReport", namespace: "urn:budget-etl:report")
        try xml.attribute("schemaVersion", required: rootAttribute)
        for call in calls {
            switch call {
            case .start(let name): try xml.start(name)
            case .attribute(let name, let value): try xml.attribute(name, required: value)
            case .text(let value): try xml.text(value)
            case .end: try xml.end()
            }
        }
        try xml.end()
        return try xml.finish()
    }

    /// The same document through libxml2's `xmlTextWriter`, set up as the export used to set it
    /// up: into memory, no indentation, declared UTF-8.
    static func libxml2(_ calls: [Call], rootAttribute: String) throws -> Data {
        let buffer = try #require(xmlBufferCreate())
        defer { xmlBufferFree(buffer) }
        let writer = try #require(xmlNewTextWriterMemory(buffer, 0))
        func string(_ value: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
            XMLStreamWriter.withXMLString(XMLCharacters.legal(value).text, body)
        }
        var codes: [Int32] = [xmlTextWriterSetIndent(writer, 0), xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)]
        codes.append(string("budgetReport") { name in string("urn:budget-etl:report") { xmlTextWriterStartElementNS(writer, nil, name, $0) } })
        codes.append(string("schemaVersion") { name in string(rootAttribute) { xmlTextWriterWriteAttribute(writer, name, $0) } })
        for call in calls {
            switch call {
            case .start(let name): codes.append(string(name) { xmlTextWriterStartElement(writer, $0) })
            case .attribute(let name, let value):
                codes.append(string(name) { name in string(value) { xmlTextWriterWriteAttribute(writer, name, $0) } })
            case .text(let value): if !value.isEmpty { codes.append(string(value) { xmlTextWriterWriteString(writer, $0) }) }
            case .end: codes.append(xmlTextWriterEndElement(writer))
            }
        }
        codes.append(xmlTextWriterEndElement(writer))
        codes.append(xmlTextWriterEndDocument(writer))
        xmlFreeTextWriter(writer)
        #expect(codes.allSatisfy { $0 >= 0 })
        return Data(bytes: try #require(xmlBufferContent(buffer)), count: Int(xmlBufferLength(buffer)))
    }

    @Test func bytesAreLibxml2s() throws {
        var random = SeededGenerator(state: 20_261_202)
        for iteration in 0..<500 {
            let calls = Self.calls(&random)
            let rootAttribute = Self.text(&random)
            let ours = try Self.written(calls, rootAttribute: rootAttribute)
            let theirs = try Self.libxml2(calls, rootAttribute: rootAttribute)
            #expect(ours == theirs, "iteration \(iteration): \(String(decoding: ours, as: UTF8.self))")
            if ours != theirs { break }
        }
    }

    /// A few spelled out, so a reader sees the rules the random test holds.
    @Test func escapingAndEmptyElements() throws {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.startRoot("r", namespace: "urn:x")
        try xml.attribute("a", required: "<&>\"'\t\n\r表")
        try xml.start("e")
        try xml.end()
        try xml.element("t", required: "<&>\"'\t\n\r表\u{0C}")
        try xml.end()
        let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<r a=\"&lt;&amp;&gt;&quot;'&#9;&#10;&#13;表\" xmlns=\"urn:x\"><e/><t>&lt;&amp;&gt;&quot;'\t\n&#13;表␌</t></r>\n"
        #expect(String(decoding: try xml.finish(), as: UTF8.self) == expected)
    }

    /// Misuse is an error naming the document, never broken bytes.
    @Test func misuseIsRefused() throws {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        #expect(throws: ReportError.self) { try xml.attribute("a", required: "b") }
        #expect(throws: ReportError.self) { try xml.end() }
        #expect(throws: ReportError.self) { try xml.text("x") }
        try xml.startRoot("r", namespace: "urn:x")
        try xml.text("x")
        #expect(throws: ReportError.self) { try xml.attribute("a", required: "b") }
        try xml.end()
        #expect(throws: ReportError.self) { try xml.start("second") }
        _ = try xml.finish()
        #expect(throws: ReportError.self) { try xml.start("after") }
    }
}
