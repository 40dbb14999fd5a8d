/// One element of `report.xml` as `XMLStreamWriter` wrote it: what the page is rendered from
/// (`ReportPage`), so the page shows only what the record holds.
///
/// The element's name as printed (`dc:title` for a Dublin Core element, the bare name for the
/// project's namespace, where every other element is); its attributes in order, each value the
/// legal string the writer escaped into the bytes (what a parser reads back); its child elements
/// in order; and its text, adjacent texts merged, as a parser makes one text node of them.
/// Namespace declarations are not attributes, as in XPath.
package final class ReportElement {
    let name: String
    // Written by one builder on one thread, then only read: the runtime's exclusivity checks on
    // a class's stored properties would cost more than the appends.
    @exclusivity(unchecked) private(set) var attributes: [(name: String, value: String)] = []
    @exclusivity(unchecked) private(set) var children: [ReportElement] = []
    /// All the element's own text (not its descendants'), in order.
    @exclusivity(unchecked) private(set) var text = ""
    /// Texts and elements in document order, kept only once they interleave (no element of a
    /// report does; a string value must still put them in order if one ever did).
    @exclusivity(unchecked) private var mixed: [Content]?

    private enum Content {
        case text(String)
        case element(ReportElement)
    }

    init(name: String) {
        self.name = name
    }

    /// The value of the attribute `name`, nil when the element has none (XPath's `@name`).
    subscript(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// The child elements called `name`, in order (XPath's `name`).
    func children(_ name: String) -> [ReportElement] {
        children.filter { $0.name == name }
    }

    /// The first child element called `name` (XPath's `name[1]`).
    func child(_ name: String) -> ReportElement? {
        children.first { $0.name == name }
    }

    /// XPath's string value: the text of the element and all its descendants, in order.
    var stringValue: String {
        if children.isEmpty { return text }
        var value = ""
        appendStringValue(to: &value)
        return value
    }

    private func appendStringValue(to value: inout String) {
        guard let mixed else {
            // Only elements (or a text before all of them, kept in `mixed` otherwise).
            for child in children { child.appendStringValue(to: &value) }
            if children.isEmpty { value += text }
            return
        }
        for content in mixed {
            switch content {
            case .text(let text): value += text
            case .element(let element): element.appendStringValue(to: &value)
            }
        }
    }

    func addAttribute(_ name: String, _ value: String) {
        // Grown from empty one at a time, the array was reallocated for nearly every attribute
        // of the record; most elements have two to four (a cell, an item, a claim's amount).
        if attributes.isEmpty { attributes.reserveCapacity(4) }
        attributes.append((name, value))
    }

    func addChild(_ element: ReportElement) {
        if mixed == nil, !text.isEmpty { mixed = [.text(text)] + children.map { .element($0) } }
        mixed?.append(.element(element))
        children.append(element)
    }

    func addText(_ value: String) {
        guard !value.isEmpty else { return }
        if mixed == nil, !children.isEmpty { mixed = children.map { .element($0) } + (text.isEmpty ? [] : [.text(text)]) }
        mixed?.append(.text(value))
        text += value
    }
}

/// Builds the `ReportElement` tree of the document `XMLStreamWriter` writes, from the same calls
/// as the bytes and with the same (legal) strings: the tree a parse of the bytes would give,
/// without the parse. The `xml-stylesheet` instruction before the root and the namespace
/// declarations are left out: the page's templates never read them.
final class ReportTreeBuilder {
    @exclusivity(unchecked) private var open: [ReportElement] = []
    @exclusivity(unchecked) private(set) var root: ReportElement?

    func start(_ name: String, prefix: String? = nil) {
        let element = ReportElement(name: prefix.map { "\($0):\(name)" } ?? name)
        if let parent = open.last {
            parent.addChild(element)
        } else if root == nil {
            root = element
        }
        open.append(element)
    }

    func attribute(_ name: String, _ value: String) {
        open.last?.addAttribute(name, value)
    }

    func text(_ value: String) {
        open.last?.addText(value)
    }

    func end() {
        _ = open.popLast()
    }
}
