import BudgetCore
import CLibXML2
import Foundation

/// Validates `report.xml` against `budget-report.xsd` while `XMLStreamWriter` writes it, by
/// handing libxml2's schema validator the SAX2 events a parser would report for the bytes being
/// written (`xmlSchemaSAXPlug` with no parser behind it). Re-parsing the finished document cost
/// some 2 ms a report, most of the export's libxml2 time; the events cost nothing to make.
///
/// Why the verdict is the one a parse of the bytes would give:
/// - every string reaches the writer and this validator identical (after `XMLCharacters`), and
///   `XMLStreamWriter` serializes it faithfully (as libxml2's writer did): it escapes `<` `&` `>`
///   `"` and carriage returns in text, and also tab and line feed in attributes, so a parser
///   reads back exactly that string;
/// - a parser reports `&` inside an attribute value as `&#38;`, and the validator turns `&#38;`
///   back into `&`: the values are passed the same way (`attributeValue`), so text that spells
///   `&#38;` itself reads as it would from the file;
/// - what a parser alone refuses is refused here too: an attribute written twice on one element,
///   and text or an attribute value longer than a parser accepts without `XML_PARSE_HUGE`
///   (`XML_MAX_TEXT_LENGTH`); element and attribute names are the writer's own literals, and one
///   the schema does not declare is a validation error (the schema has no wildcards);
/// - the schema compiled for streaming leaves out the table-id constraint, checked here instead
///   (`TableIDConstraint`): each `id` of a `table` in the root's `tables`, compared by code
///   points; a repeat makes the document invalid, as libxml2 would have found it;
/// - `ExportStreamValidationTests` writes hundreds of random documents, valid and not, and checks
///   that this verdict equals the one `ReportSchema.validate` (the shipped schema, the table-id
///   constraint included) gives for the written bytes; debug builds (every test run, goldens
///   included) re-parse and re-validate each document and stop on any disagreement.
///
/// Messages have no line numbers (there is no parser to count them): when a document is refused,
/// the written bytes are parsed and validated once more, for messages with lines.
package final class SchemaStreamValidator {
    /// libxml2's limit on one text node or attribute value without `XML_PARSE_HUGE`.
    package static let maxTextLength = 10_000_000

    private let context: xmlSchemaValidCtxtPtr
    private let plug: xmlSchemaSAXPlugPtr
    private let startElement: startElementNsSAX2Func
    private let endElement: endElementNsSAX2Func
    private let characters: charactersSAXFunc
    private let userData: UnsafeMutableRawPointer?
    /// Element, attribute and namespace names, interned: the validator keeps an element's name
    /// pointer until the element ends, so each must outlive the call that passes it.
    private let names: xmlDictPtr
    private let messages = LibXMLMessages()
    // The state below is touched only by this object's methods, one call at a time, so the
    // runtime's exclusivity checks (a sixth of this type's cost) are left out.
    /// Open elements: local name, and the prefix and namespace of those not in the default one.
    @exclusivity(unchecked) private var open: [OpenElement] = []
    /// The document's default namespace, which every unprefixed element is in.
    @exclusivity(unchecked) private var namespace: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var declaresNamespace = false
    /// The element started and not yet passed on: its attributes come one call at a time, and
    /// the validator takes them all with the start. Buffers are reused from element to element.
    @exclusivity(unchecked) private var pending: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var pendingPrefix: (prefix: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>)?
    /// The pending element's attribute names and where each value ends, the first
    /// `attributeCount` of each: written over from element to element rather than emptied
    /// (`removeAll(keepingCapacity:)` went through the arrays' generic range replacement).
    @exclusivity(unchecked) private var attributeNames: [UnsafePointer<xmlChar>] = []
    @exclusivity(unchecked) private var attributeEnds: [Int] = []
    @exclusivity(unchecked) private var attributeCount = 0
    /// The values side by side (a byte buffer: appending to an array went through its generic
    /// sequence path for every value).
    private let attributeValues = ByteBuffer(capacity: 1 << 10)
    @exclusivity(unchecked) private var attributeArray: [UnsafePointer<xmlChar>?] = []
    /// The root's namespace declarations as SAX2 passes them, (prefix, URI) pairs: first the
    /// default namespace (no prefix), then each prefix the root declares (dc).
    @exclusivity(unchecked) private var declarations: [UnsafePointer<xmlChar>?] = [nil, nil]
    /// The prefixes the root declares, with their namespaces.
    @exclusivity(unchecked) private var prefixes: [String: (prefix: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>)] = [:]
    /// Names interned so far, by a hash of their bytes (open addressing): the writer's hundred-odd
    /// names, each given hundreds of times a report, are found here, where `xmlDictLookup` made a
    /// C string of the name and hashed it each time. A name stays in the slot it first took (a
    /// table keyed by length and first and last bytes, one name a slot, missed three times in ten
    /// as names that shared a slot pushed each other out).
    @exclusivity(unchecked) private var knownNames = [(hash: Int, name: String, pointer: UnsafePointer<xmlChar>)?](
        repeating: nil, count: slots)

    private struct OpenElement {
        var localName: UnsafePointer<xmlChar>
        var prefix: UnsafePointer<xmlChar>?
        var uri: UnsafePointer<xmlChar>?
    }
    /// Set by a problem a parser would have reported (see the type's comment).
    private var refusal: String?
    /// Set by a violation of a constraint checked here rather than by libxml2.
    private var invalidity: String?
    /// Whether the schema left `TableIDConstraint` to this validator, and the ids seen so far.
    private let checksTableIDs: Bool
    @exclusivity(unchecked) private var tableIDs: Set<ExactString> = []
    /// `TableIDConstraint.path`'s names and its attribute's, interned once.
    @exclusivity(unchecked) private var tablePath: [UnsafePointer<xmlChar>] = []
    @exclusivity(unchecked) private var tableIDName: UnsafePointer<xmlChar>?
    private var finished = false

    package init(schema: CompiledSchema) throws(ReportError) {
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            throw Self.failure("libxml2 cannot create a schema validation context")
        }
        guard let names = xmlDictCreate() else {
            xmlSchemaFreeValidCtxt(context)
            throw Self.failure("libxml2 cannot create a dictionary")
        }
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData else { return }
            Unmanaged<LibXMLMessages>.fromOpaque(userData).takeUnretainedValue().record(error)
        }, Unmanaged.passUnretained(messages).toOpaque())
        // No handler of our own: the plug hands back the validator's handlers and its context.
        var handler: xmlSAXHandlerPtr?
        var userData: UnsafeMutableRawPointer?
        guard let plug = xmlSchemaSAXPlug(context, &handler, &userData) else {
            xmlDictFree(names)
            xmlSchemaFreeValidCtxt(context)
            throw Self.failure("libxml2 cannot plug a schema validator into a SAX stream")
        }
        guard let startElement = handler?.pointee.startElementNs, let endElement = handler?.pointee.endElementNs,
              let characters = handler?.pointee.characters else {
            xmlSchemaSAXUnplug(plug)
            xmlDictFree(names)
            xmlSchemaFreeValidCtxt(context)
            throw Self.failure("libxml2's schema validator has no SAX2 element handlers")
        }
        self.context = context
        self.names = names
        self.plug = plug
        self.startElement = startElement
        self.endElement = endElement
        self.characters = characters
        self.userData = userData
        checksTableIDs = schema.leavesTableIDsToValidator
        if checksTableIDs {
            tablePath = TableIDConstraint.path.map(intern)
            tableIDName = intern(TableIDConstraint.attribute)
        }
    }

    deinit {
        if !finished { xmlSchemaSAXUnplug(plug) }
        xmlSchemaFreeValidCtxt(context)
        xmlDictFree(names)
    }

    /// The root element, declaring `uri` as the default namespace, which every element inherits.
    package func startRoot(_ name: String, namespace uri: String) {
        flush()
        namespace = intern(uri)
        declarations[1] = namespace
        declaresNamespace = true
        pending = intern(name)
    }

    /// A prefix the root declares (`xmlns:dc="…"`), after `startRoot` and before anything else.
    package func declare(prefix: String, namespace uri: String) {
        guard pending != nil, open.isEmpty, declaresNamespace else {
            return refuse("namespace prefix \(prefix) declared outside the root's start tag")
        }
        guard prefixes[prefix] == nil else { return refuse("namespace prefix \(prefix) declared twice") }
        let interned = (prefix: intern(prefix), uri: intern(uri))
        prefixes[prefix] = interned
        declarations.append(interned.prefix)
        declarations.append(interned.uri)
    }

    package func start(_ name: String) {
        flush()
        pending = intern(name)
    }

    /// An element in the namespace the root bound to `prefix` (`dc:title`).
    package func start(_ name: String, prefix: String) {
        flush()
        guard let bound = prefixes[prefix] else { return refuse("namespace prefix \(prefix) was never declared") }
        pending = intern(name)
        pendingPrefix = bound
    }

    /// An attribute of the element just started, as the writer writes it.
    package func attribute(_ name: String, _ value: String) {
        guard pending != nil else { return refuse("attribute \(name) written outside a start tag") }
        let interned = intern(name)
        if attributeNames[..<attributeCount].contains(interned) { refuse("attribute \(name) written twice on one element") }
        if checksTableIDs, interned == tableIDName, startsTable, !tableIDs.insert(ExactString(value)).inserted {
            invalid("two tables have the id \(value) (\(TableIDConstraint.name))")
        }
        if value.utf8.count > Self.maxTextLength { refuse("attribute \(name) is longer than a parser accepts") }
        Self.appendAttributeValue(value, to: attributeValues)
        if attributeCount == attributeNames.count {
            attributeNames.append(interned)
            attributeEnds.append(attributeValues.count)
        } else {
            attributeNames[attributeCount] = interned
            attributeEnds[attributeCount] = attributeValues.count
        }
        attributeCount += 1
    }

    /// Character data of the element last started.
    package func text(_ value: String) {
        guard !value.isEmpty else { return }
        flush()
        if value.utf8.count > Self.maxTextLength { refuse("a text is longer than a parser accepts") }
        value.withUTF8InPlace { bytes in characters(userData, bytes.baseAddress, Int32(bytes.count)) }
    }

    package func end() {
        flush()
        guard let element = open.popLast() else { return refuse("an element ended that was never started") }
        endElement(userData, element.localName, element.prefix, element.uri)
    }

    /// Throws unless every element ended and the document is valid. Called once.
    package func finish() throws(ReportError) {
        flush()
        let valid = xmlSchemaIsValid(context) == 1
        finished = true
        xmlSchemaSAXUnplug(plug)
        if !open.isEmpty { refuse("\(open.count) elements were never ended") }
        if let refusal { throw Self.failure("is not well-formed XML: \(refusal)") }
        if let invalidity { throw Self.failure("does not validate against \(ReportSchema.fileName): \(invalidity)") }
        guard valid else {
            throw Self.failure("does not validate against \(ReportSchema.fileName): " + messages.summary(or: "libxml2 error"))
        }
    }

    /// Whether the pending start tag is a `table` in the root's `tables`, all three unprefixed
    /// (in the root's namespace): an element `TableIDConstraint`'s selector picks.
    private var startsTable: Bool {
        pending == tablePath[2] && pendingPrefix == nil && open.count == 2
            && open[0].localName == tablePath[0] && open[0].prefix == nil
            && open[1].localName == tablePath[1] && open[1].prefix == nil
    }

    /// Passes on the pending start tag with its attributes: the SAX2 array holds, for each,
    /// (local name, prefix, URI, value start, value end), the values side by side in one buffer.
    private func flush() {
        guard let localName = pending else { return }
        pending = nil
        let prefix = pendingPrefix?.prefix
        let uri = pendingPrefix?.uri ?? namespace
        pendingPrefix = nil
        open.append(OpenElement(localName: localName, prefix: prefix, uri: uri))
        attributeValues.append(0)
        let count = attributeCount
        let declared = Int32(declaresNamespace ? declarations.count / 2 : 0)
        declaresNamespace = false
        attributeValues.withUnsafeBufferPointer { values in
            let base = values.baseAddress!
            if attributeArray.count < count * 5 {
                attributeArray.append(contentsOf: repeatElement(nil, count: count * 5 - attributeArray.count))
            }
            attributeArray.withUnsafeMutableBufferPointer { attributes in
                var start = 0
                for index in 0..<count {
                    let end = attributeEnds[index]
                    attributes[index * 5] = attributeNames[index]
                    attributes[index * 5 + 1] = nil
                    attributes[index * 5 + 2] = nil
                    attributes[index * 5 + 3] = base + start
                    attributes[index * 5 + 4] = base + end
                    start = end
                }
                declarations.withUnsafeMutableBufferPointer { declarations in
                    startElement(userData, localName, prefix, uri, declared, declarations.baseAddress, Int32(count), 0,
                                 attributes.baseAddress)
                }
            }
        }
        attributeCount = 0
        attributeValues.removeAll()
    }

    private func refuse(_ problem: String) {
        if refusal == nil { refusal = problem }
    }

    private func invalid(_ problem: String) {
        if invalidity == nil { invalidity = problem }
    }

    private func intern(_ name: String) -> UnsafePointer<xmlChar> {
        // FNV-1a over the name's bytes.
        let (hash, count) = name.withUTF8InPlace { utf8 in
            var hash: UInt32 = 2_166_136_261
            for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return (Int(hash), utf8.count)
        }
        var slot = hash & (Self.slots - 1)
        var free: Int?
        for _ in 0..<Self.probes {
            guard let known = knownNames[slot] else {
                free = slot
                break
            }
            if known.hash == hash, known.name == name { return known.pointer }
            slot = (slot + 1) & (Self.slots - 1)
        }
        // A dictionary keeps what it hands out for as long as it lives; nil only when out of memory.
        // A name that finds no free slot within `probes` is looked up there each time.
        let length = Int32(count)
        if let pointer = XMLStreamWriter.withXMLString(name, { xmlDictLookup(names, $0, length) }) {
            if let free { knownNames[free] = (hash, name, pointer) }
            return pointer
        }
        refuse("libxml2 is out of memory")
        return XMLStreamWriter.withXMLString("", { xmlDictLookup(names, $0, 0) }) ?? Self.noName
    }

    private static let slots = 256
    private static let probes = 8

    /// A name for when even the empty name cannot be interned (the document is refused anyway).
    private nonisolated(unsafe) static let noName: UnsafePointer<xmlChar> = {
        let pointer = UnsafeMutablePointer<xmlChar>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    /// An attribute value as a parser reports it: `&` as `&#38;` (see the type's comment).
    package static func appendAttributeValue(_ value: String, to bytes: ByteBuffer) {
        value.withUTF8InPlace { utf8 in
            guard Bytes.contains(utf8, UInt8(ascii: "&")) else { return bytes.append(contentsOf: utf8) }
            for byte in utf8 {
                if byte == UInt8(ascii: "&") {
                    bytes.append(contentsOf: "&#38;".utf8)
                } else {
                    bytes.append(byte)
                }
            }
        }
    }

    private static func failure(_ message: String) -> ReportError {
        ReportError(file: ReportXML.fileName, stage: "export", message: message,
                    hint: "budget-etl wrote a document its own schema refuses, so it was not published; report this with the input file")
    }
}
