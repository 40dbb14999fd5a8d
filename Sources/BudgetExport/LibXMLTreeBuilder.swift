import BudgetCore
import CLibXML2

/// The libxml2 tree of the document `XMLStreamWriter` writes, built from the same calls as the
/// bytes: what libxslt renders `report.html` from, without parsing `report.xml` again (that
/// parse was about 1 ms a report, a sixth of the page's cost, and a third of it was building
/// this same tree).
///
/// It is the tree a parser builds from the bytes: the `xml-stylesheet` instruction before the
/// root; the root's namespace declarations in the order its start tag prints them (`dc` first,
/// the default namespace after the attributes), every unprefixed element in the default
/// namespace; attributes in order, each value one text node; adjacent texts one text node; the
/// strings exactly those the writer escapes into the bytes (after `XMLCharacters`), which a
/// parser reads back unchanged. `ExportReportTreeTests` renders every fixture's page from this
/// tree and from a parse of the bytes and compares them.
final class LibXMLTreeBuilder {
    private let document: xmlDocPtr
    private var documentNode: xmlNodePtr { UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self) }
    /// The element being written into; nil before the root and after it ended.
    private var current: xmlNodePtr?
    private var root: xmlNodePtr?
    /// The root's default namespace: declared when its start tag closes, as printed.
    private var pendingNamespace: String?
    private var defaultNamespace: xmlNsPtr?
    private var prefixes: [String: xmlNsPtr] = [:]
    private var handedOver = false

    init(file: String) throws(ReportError) {
        LibXMLSetup.ensure()
        guard let document = XMLStreamWriter.withXMLString("1.0", { xmlNewDoc($0) }) else {
            throw ReportError(file: file, stage: "export", message: "libxml2 cannot create a document")
        }
        self.document = document
        // Names interned once, as a parser does: without a dictionary each element and
        // attribute would copy its name (the document frees the dictionary with itself).
        document.pointee.dict = xmlDictCreate()
        document.pointee.URL = XMLStreamWriter.withXMLString(file) { UnsafePointer(xmlStrdup($0)) }
        document.pointee.encoding = XMLStreamWriter.withXMLString("UTF-8") { UnsafePointer(xmlStrdup($0)) }
    }

    deinit {
        if !handedOver { xmlFreeDoc(document) }
    }

    func processingInstruction(_ target: String, _ content: String) {
        let node = XMLStreamWriter.withXMLString(target) { target in
            XMLStreamWriter.withXMLString(content) { xmlNewDocPI(document, target, $0) }
        }
        xmlAddChild(documentNode, node)
    }

    func startRoot(_ name: String, namespace: String) {
        let node = XMLStreamWriter.withXMLString(name) { xmlNewDocNode(document, nil, $0, nil) }
        xmlAddChild(documentNode, node)
        root = node
        current = node
        pendingNamespace = namespace
    }

    func declare(prefix: String, namespace: String) {
        prefixes[prefix] = XMLStreamWriter.withXMLString(namespace) { uri in
            XMLStreamWriter.withXMLString(prefix) { xmlNewNs(root, uri, $0) }
        }
    }

    func start(_ name: String, prefix: String? = nil) {
        closeRootStartTag()
        let namespace = prefix.flatMap { prefixes[$0] } ?? defaultNamespace
        let node = XMLStreamWriter.withXMLString(name) { xmlNewDocNode(document, namespace, $0, nil) }
        xmlAddChild(current, node)
        current = node
    }

    func attribute(_ name: String, _ value: String) {
        XMLStreamWriter.withXMLString(name) { name in
            XMLStreamWriter.withXMLString(value) { _ = xmlNewProp(current, name, $0) }
        }
    }

    func text(_ value: String) {
        closeRootStartTag()
        // libxml2 merges a text added next to a text, as a parser makes one node of both.
        let node = XMLStreamWriter.withXMLString(value) { xmlNewDocTextLen(document, $0, Int32(value.utf8.count)) }
        xmlAddChild(current, node)
    }

    func end() {
        closeRootStartTag()
        current = current.flatMap { $0.pointee.parent == documentNode ? nil : $0.pointee.parent }
    }

    /// The tree, owned by the document returned from here on; nil once handed over.
    func finish() -> LibXMLDocument? {
        guard !handedOver else { return nil }
        closeRootStartTag()
        handedOver = true
        return LibXMLDocument(adopting: document)
    }

    /// The default namespace comes after the root's attributes and prefixes, as printed.
    private func closeRootStartTag() {
        guard let namespace = pendingNamespace else { return }
        pendingNamespace = nil
        defaultNamespace = XMLStreamWriter.withXMLString(namespace) { xmlNewNs(root, $0, nil) }
        xmlSetNs(root, defaultNamespace)
    }
}
