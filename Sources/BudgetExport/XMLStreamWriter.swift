import BudgetCore
import CLibXML2
import Foundation

/// Writes `report.xml` into memory, byte for byte as libxml2's `xmlTextWriter` (no indentation,
/// UTF-8) wrote it before, with every string made legal XML first (`XMLCharacters`). One writer
/// belongs to one document on one thread.
///
/// Why not `xmlTextWriter` itself: handing it each name and value as a C string, and its own
/// escaping and buffering, cost several times the writing here; the export spent more time in
/// that glue than in validating. Its output is kept exactly (`ExportXMLWriterTests` compares the
/// two on random text): the declaration and a final line feed; a start tag closed by `>` when
/// content follows or `/>` when the element ends first; the root's namespace declared after its
/// attributes; in text `<` `>` `&` `"` and carriage return escaped, in attribute values also tab
/// and line feed (`&#9;` `&#10;`), everything else, Chinese included, as UTF-8.
///
/// Given a schema, it validates the document as it writes it (`SchemaStreamValidator`: every
/// element, attribute and text goes to the validator as it goes to the writer), and `finish()`
/// returns the bytes only when the document is valid.
package final class XMLStreamWriter {
    /// The document's bytes as written.
    private let bytes = ByteBuffer(capacity: 1 << 17)
    // Touched only by this object's methods, one call at a time: the runtime's exclusivity
    // checks on a class's stored properties would cost more than the appends themselves.
    /// Names of the elements started and not yet ended, innermost last.
    @exclusivity(unchecked) private var open: [String] = []
    /// The innermost element's start tag is not closed yet: attributes may still come.
    @exclusivity(unchecked) private var inStartTag = false
    /// The root's namespace, declared when its start tag closes (after its attributes).
    @exclusivity(unchecked) private var pendingNamespace: String?
    /// Namespace prefixes the root element declares.
    @exclusivity(unchecked) private var declaredPrefixes: Set<String> = []
    @exclusivity(unchecked) private var started = false
    /// The root element was started (a second one is refused).
    @exclusivity(unchecked) private var rootStarted = false
    @exclusivity(unchecked) private var finished = false
    private var treeHandedOver = false
    private let validator: SchemaStreamValidator?
    /// The document's tree, built as it is written when asked for (the page is rendered from it).
    private let tree: ReportTreeBuilder?
    /// Characters replaced because XML 1.0 does not allow them.
    private(set) var replacedCharacters = 0

    /// `buildingTree`: also build the document's tree (`finishedTree()` hands it over).
    package init(validatingAgainst schema: CompiledSchema? = nil, buildingTree: Bool = false) throws(ReportError) {
        LibXMLSetup.ensure()
        validator = try schema.map { schema throws(ReportError) in try SchemaStreamValidator(schema: schema) }
        tree = buildingTree ? ReportTreeBuilder() : nil
        open.reserveCapacity(16)
    }

    package func startDocument() throws(ReportError) {
        try writable()
        guard !started, open.isEmpty else { throw Self.failure("the XML document was already started") }
        started = true
        bytes.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
        bytes.append(0x0A)
    }

    /// A processing instruction, before the root element (`<?xml-stylesheet …?>`), as libxml2's
    /// writer puts it: right after the declaration, nothing between it and the root. The schema
    /// validator does not see it: processing instructions are not part of what a schema checks.
    package func processingInstruction(_ target: String, _ content: String) throws(ReportError) {
        try writable()
        guard started, open.isEmpty, !inStartTag, !content.contains("?>") else {
            throw Self.failure("could not write the processing instruction \(target) at this point of the document")
        }
        withLegalText(content) { legal in bytes.append(contentsOf: "<?\(target) \(legal)?>".utf8) }
    }

    /// The root element, declaring `namespace` as the default namespace of the document.
    package func startRoot(_ name: String, namespace: String) throws(ReportError) {
        try startTag(name)
        pendingNamespace = namespace
        validator?.startRoot(name, namespace: namespace)
        tree?.start(name)
    }

    /// Binds `prefix` to `namespace` on the root element just started (`xmlns:dc="…"`), so the
    /// elements of that namespace (`start(_:prefix:)`) need no declaration of their own.
    package func declare(prefix: String, namespace: String) throws(ReportError) {
        try attribute("xmlns:\(prefix)", required: namespace, validated: false)
        declaredPrefixes.insert(prefix)
        validator?.declare(prefix: prefix, namespace: namespace)
    }

    package func start(_ name: String) throws(ReportError) {
        try startTag(name)
        validator?.start(name)
        tree?.start(name)
    }

    /// An element in the namespace the root bound to `prefix` (`<dc:title>`).
    package func start(_ name: String, prefix: String) throws(ReportError) {
        guard declaredPrefixes.contains(prefix) else { throw Self.failure("namespace prefix \(prefix) was never declared") }
        try startTag("\(prefix):\(name)")
        validator?.start(name, prefix: prefix)
        tree?.start(name, prefix: prefix)
    }

    package func end() throws(ReportError) {
        try writable()
        guard let name = open.popLast() else { throw Self.failure("could not end an element at this point of the document") }
        if inStartTag {
            closeStartTag(empty: true)
        } else {
            bytes.append(UInt8(ascii: "<"))
            bytes.append(UInt8(ascii: "/"))
            bytes.append(contentsOf: name.utf8)
            bytes.append(UInt8(ascii: ">"))
        }
        validator?.end()
        tree?.end()
    }

    /// An attribute of the element just started; nothing for nil or empty text, so the schema's
    /// optional attributes are absent rather than empty (a required one left out is a validation
    /// error, as it should be).
    package func attribute(_ name: String, _ value: String?) throws(ReportError) {
        guard let value, !value.isEmpty else { return }
        try attribute(name, required: value)
    }

    /// An attribute written even when empty.
    package func attribute(_ name: String, required value: String) throws(ReportError) {
        try attribute(name, required: value, validated: true)
    }

    /// A namespace declaration is written as an attribute but is no attribute to the validator.
    private func attribute(_ name: String, required value: String, validated: Bool) throws(ReportError) {
        try writable()
        guard inStartTag else { throw Self.failure("could not write attribute \(name) at this point of the document") }
        withLegalText(value) { legal in
            appendAttribute(name, legal)
            if validated {
                validator?.attribute(name, legal)
                tree?.attribute(name, legal)
            }
        }
    }
    package func attribute(_ name: String, _ value: Int?) throws(ReportError) {
        try attribute(name, value.map { String($0) })
    }

    package func attribute(_ name: String, _ value: ExactDecimal?) throws(ReportError) {
        try attribute(name, value?.description)
    }

    package func attribute(_ name: String, _ value: Bool) throws(ReportError) {
        try attribute(name, value ? "true" : "false")
    }

    /// Several optional text attributes in order, each as `attribute(_:_:)` writes it: an
    /// element's attributes read as one list, the way the schema declares them.
    package func attributes(_ pairs: KeyValuePairs<String, String?>) throws(ReportError) {
        for (name, value) in pairs { try attribute(name, value) }
    }

    /// Several optional exact-decimal attributes in order (a check's amounts).
    package func attributes(_ pairs: KeyValuePairs<String, ExactDecimal?>) throws(ReportError) {
        for (name, value) in pairs { try attribute(name, value) }
    }

    /// `name="true"`, or nothing: for an attribute whose schema default is false (a row that is
    /// not a total, a cell that is not blank), which most elements of a report carry.
    package func attribute(_ name: String, whenTrue value: Bool) throws(ReportError) {
        if value { try attribute(name, "true") }
    }

    /// Character data; `<`, `&`, `>`, `"` and carriage returns are escaped.
    package func text(_ value: String) throws(ReportError) {
        guard !value.isEmpty else { return }
        try writable()
        guard !open.isEmpty else { throw Self.failure("could not write text at this point of the document") }
        if inStartTag { closeStartTag(empty: false) }
        withLegalText(value) { legal in
            appendEscaped(legal, inAttribute: false)
            validator?.text(legal)
            tree?.text(legal)
        }
    }

    /// `<name>text</name>`; nothing at all for nil or empty text (an optional element).
    package func element(_ name: String, _ value: String?) throws(ReportError) {
        guard let value, !value.isEmpty else { return }
        try element(name, required: value)
    }

    /// `<name>text</name>`, or `<name/>` for empty text.
    package func element(_ name: String, required value: String) throws(ReportError) {
        try start(name)
        try text(value)
        try end()
    }

    /// The document's root element, once `finish()` returned its bytes, when the writer was made
    /// `buildingTree`; nil otherwise, and after the first call.
    package func finishedTree() -> ReportElement? {
        guard finished, let tree, !treeHandedOver else { return nil }
        treeHandedOver = true
        return tree.root
    }

    /// Ends the document and returns its bytes, when valid if a schema was given; the writer
    /// cannot be used afterwards.
    package func finish() throws(ReportError) -> Data {
        try writable()
        guard started else { throw Self.failure("the XML document was never started") }
        // As `xmlTextWriterEndDocument`: elements still open are ended (the validator refuses
        // the document for them), then a final line feed.
        while let name = open.popLast() {
            if inStartTag {
                closeStartTag(empty: true)
            } else {
                bytes.append(contentsOf: "</\(name)>".utf8)
            }
        }
        bytes.append(0x0A)
        finished = true
        let data = bytes.takeData()
        guard let validator else { return data }
        do throws(ReportError) {
            try validator.finish()
        } catch {
            // Refused: parsing the bytes gives the same verdict with line numbers in the messages.
            try ReportSchema.validate(data)
            throw error
        }
        #if DEBUG
        // Every test run checks the streaming verdict against a parse of the bytes.
        do throws(ReportError) { try ReportSchema.validate(data) } catch {
            preconditionFailure("report.xml was valid while written and is invalid when parsed: \(error)")
        }
        #endif
        return data
    }

    /// `value` as the document gets it: itself when XML allows every character in it (nearly
    /// always; handed on as it is, where returning it retained and released it, two atomic
    /// operations for each attribute and text of a report), else with the forbidden ones replaced
    /// and counted.
    private func withLegalText(_ value: String, _ body: (String) -> Void) {
        guard let legal = XMLCharacters.replacingIllegal(value) else { return body(value) }
        replacedCharacters += legal.replaced
        body(legal.text)
    }

    private func writable() throws(ReportError) {
        guard !finished else { throw Self.failure("the XML document is already finished") }
    }

    private func startTag(_ name: String) throws(ReportError) {
        try writable()
        guard started, !(open.isEmpty && rootStarted) else {
            throw Self.failure("could not start <\(name)> at this point of the document")
        }
        if inStartTag { closeStartTag(empty: false) }
        rootStarted = true
        open.append(name)
        inStartTag = true
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
    }

    /// `>` or `/>`, after the root's namespace declaration.
    private func closeStartTag(empty: Bool) {
        if let namespace = pendingNamespace {
            pendingNamespace = nil
            appendAttribute("xmlns", namespace)
        }
        if empty { bytes.append(UInt8(ascii: "/")) }
        bytes.append(UInt8(ascii: ">"))
        inStartTag = false
    }

    /// ` name="value"`, the value escaped.
    private func appendAttribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(value, inAttribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value` with what libxml2's writer escapes escaped: in text (`xmlEncodeSpecialChars`)
    /// `<` `>` `&` `"` and CR; in an attribute value (`xmlBufAttrSerializeTxtContent`) also tab
    /// and LF, which a parser would otherwise normalize to spaces. Runs with nothing to escape
    /// (nearly all text) are found a word at a time and copied in one go.
    private func appendEscaped(_ value: String, inAttribute: Bool) {
        value.withUTF8InPlace { utf8 in
            var runStart = 0
            var index = mayEscape.firstIndex(in: utf8, from: 0)
            while index < utf8.count {
                let escape: StaticString
                switch utf8[index] {
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "\""): escape = "&quot;"
                case 0x0D: escape = "&#13;"
                case 0x0A where inAttribute: escape = "&#10;"
                case 0x09 where inAttribute: escape = "&#9;"
                default:
                    index = mayEscape.firstIndex(in: utf8, from: index + 1)
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
                index = mayEscape.firstIndex(in: utf8, from: runStart)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    /// The bytes `appendEscaped` may escape: the four characters, and the controls below 0x0E
    /// (of which only tab, LF and CR are legal XML, and only CR is escaped in text). Stored, not
    /// static (see `CSVWriter.quoted`).
    private let mayEscape = SpecialBytes(below: 0x0E, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
                                         UInt8(ascii: "\""))

    private static func failure(_ message: String) -> ReportError {
        ReportError(file: ReportXML.fileName, stage: "export", message: message)
    }

    package static func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        string.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
        }
    }
}
