import BudgetCore
import CLibXML2
import Foundation

/// libxml2's `xmlTextWriter`, writing into memory, with every return code checked (a call in the
/// wrong state returns -1 and writes nothing, which would otherwise go unnoticed) and every
/// string made legal XML first (`XMLCharacters`). One writer belongs to one document on one thread.
///
/// Given a schema, it validates the document as it writes it (`SchemaStreamValidator`: every
/// element, attribute and text goes to the validator as it goes to the writer), and `finish()`
/// returns the bytes only when the document is valid.
package final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?
    private let validator: SchemaStreamValidator?
    /// Characters replaced because XML 1.0 does not allow them.
    private(set) var replacedCharacters = 0
    /// Namespace prefixes the root element declares.
    private var declaredPrefixes: Set<String> = []

    package init(validatingAgainst schema: CompiledSchema? = nil) throws(ReportError) {
        LibXMLSetup.ensure()
        validator = try schema.map { schema throws(ReportError) in try SchemaStreamValidator(schema: schema) }
        guard let buffer = xmlBufferCreate() else { throw Self.failure("cannot create an XML buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw Self.failure("cannot create an XML writer")
        }
        self.buffer = buffer
        self.writer = writer
        // No indentation: a tenth of the bytes were spaces. `xmllint --format` indents it for a reader.
        try check(xmlTextWriterSetIndent(writer, 0), "set indentation")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    package func startDocument() throws(ReportError) {
        try check(xmlTextWriterStartDocument(try open(), "1.0", "UTF-8", nil), "start the document")
    }

    /// A processing instruction, before the root element (`<?xml-stylesheet …?>`). The schema
    /// validator does not see it: processing instructions are not part of what a schema checks.
    package func processingInstruction(_ target: String, _ content: String) throws(ReportError) {
        let writer = try open()
        let legal = legalText(content)
        let code = Self.withXMLString(target) { target in
            Self.withXMLString(legal) { xmlTextWriterWritePI(writer, target, $0) }
        }
        try check(code, "write the processing instruction \(target)")
    }

    /// The root element, declaring `namespace` as the default namespace of the document.
    package func startRoot(_ name: String, namespace: String) throws(ReportError) {
        let writer = try open()
        let code = Self.withXMLString(name) { name in
            Self.withXMLString(namespace) { uri in xmlTextWriterStartElementNS(writer, nil, name, uri) }
        }
        try check(code, "start <\(name)>")
        validator?.startRoot(name, namespace: namespace)
    }

    /// Binds `prefix` to `namespace` on the root element just started (`xmlns:dc="…"`), so the
    /// elements of that namespace (`start(_:prefix:)`) need no declaration of their own.
    package func declare(prefix: String, namespace: String) throws(ReportError) {
        try attribute("xmlns:\(prefix)", required: namespace, validated: false)
        declaredPrefixes.insert(prefix)
        validator?.declare(prefix: prefix, namespace: namespace)
    }

    package func start(_ name: String) throws(ReportError) {
        let writer = try open()
        try check(Self.withXMLString(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
        validator?.start(name)
    }

    /// An element in the namespace the root bound to `prefix` (`<dc:title>`).
    package func start(_ name: String, prefix: String) throws(ReportError) {
        let writer = try open()
        guard declaredPrefixes.contains(prefix) else { throw Self.failure("namespace prefix \(prefix) was never declared") }
        let code = Self.withXMLString(prefix) { prefix in
            Self.withXMLString(name) { xmlTextWriterStartElementNS(writer, prefix, $0, nil) }
        }
        try check(code, "start <\(prefix):\(name)>")
        validator?.start(name, prefix: prefix)
    }

    package func end() throws(ReportError) {
        try check(xmlTextWriterEndElement(try open()), "end an element")
        validator?.end()
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
        let writer = try open()
        let legal = legalText(value)
        let code = Self.withXMLString(name) { name in
            Self.withXMLString(legal) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        try check(code, "write attribute \(name)")
        if validated { validator?.attribute(name, legal) }
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

    /// Character data; `<`, `&`, `>` and carriage returns are escaped by the writer.
    package func text(_ value: String) throws(ReportError) {
        guard !value.isEmpty else { return }
        let writer = try open()
        let legal = legalText(value)
        try check(Self.withXMLString(legal) { xmlTextWriterWriteString(writer, $0) }, "write text")
        validator?.text(legal)
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

    /// Ends the document and returns its bytes, when valid if a schema was given; the writer
    /// cannot be used afterwards.
    package func finish() throws(ReportError) -> Data {
        let writer = try open()
        try check(xmlTextWriterEndDocument(writer), "end the document")
        xmlFreeTextWriter(writer)
        self.writer = nil
        guard let content = xmlBufferContent(buffer) else { throw Self.failure("the XML buffer is empty") }
        let data = Data(bytes: content, count: Int(xmlBufferLength(buffer)))
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

    private func legalText(_ value: String) -> String {
        let (text, replaced) = XMLCharacters.legal(value)
        replacedCharacters += replaced
        return text
    }

    private func open() throws(ReportError) -> xmlTextWriterPtr {
        guard let writer else { throw Self.failure("the XML document is already finished") }
        return writer
    }

    private func check(_ code: Int32, _ action: String) throws(ReportError) {
        guard code >= 0 else { throw Self.failure("libxml2 could not \(action) while writing the document") }
    }

    private static func failure(_ message: String) -> ReportError {
        ReportError(file: ReportXML.fileName, stage: "export", message: message)
    }

    package static func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        string.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
        }
    }
}
