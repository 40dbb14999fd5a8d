/// The elements of `report.xml` as `XMLStreamWriter` wrote them: what the page is rendered from
/// (`ReportPage`), so the page shows only what the record holds.
///
/// Held flat, one array of elements and one of attributes for the whole document, an element
/// naming its first child and its next sibling by position. A tree of objects (one per element,
/// each with its own attribute and child arrays) cost some 3.5 M instructions a report to build
/// and free, half what rendering the page from it costs: four allocations an element, and a
/// release of each on the way out. Here a document is a few arrays, grown by doubling and freed
/// at once.
package final class ReportTree {
    fileprivate struct Node {
        /// As printed: `dc:title` for a Dublin Core element, the bare name for the project's
        /// namespace, where every other element is.
        let name: String
        /// Its attributes are `attributes[firstAttribute ..< firstAttribute + attributeCount]`:
        /// the writer gives an element's attributes before anything inside it, so they are
        /// contiguous.
        let firstAttribute: Int32
        var attributeCount: Int32 = 0
        /// Positions in `nodes`, -1 for none.
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// All the element's own text (not its descendants'), in order, adjacent texts merged as
        /// a parser makes one text node of them.
        var text = ""
    }

    /// Texts and elements in document order, for an element whose texts and child elements
    /// interleave (no element of a report does; a string value must still put them in order if
    /// one ever did).
    fileprivate enum Content {
        case text(String)
        case element(Int32)
    }

    // Written by one builder on one thread, then only read: the runtime's exclusivity checks on
    // a class's stored properties would cost more than the appends.
    /// In document order: the root first.
    @exclusivity(unchecked) fileprivate var nodes: [Node] = []
    /// Each value the legal string the writer escaped into the bytes (what a parser reads back).
    /// Namespace declarations are not attributes, as in XPath.
    @exclusivity(unchecked) fileprivate var attributes: [(name: String, value: String)] = []
    /// Only for the elements with mixed content, by position.
    @exclusivity(unchecked) fileprivate var mixed: [Int32: [Content]] = [:]

    fileprivate init() {
        nodes.reserveCapacity(1024)
        attributes.reserveCapacity(2048)
    }

    /// The document element; nil for a document with none.
    var root: ReportElement? {
        nodes.isEmpty ? nil : ReportElement(tree: self, position: 0)
    }
}

/// One element of a `ReportTree`: the tree and the element's position in it. Two values are the
/// same element when both are equal (`==`), as two references to one node are in XPath.
package struct ReportElement: Equatable {
    fileprivate let tree: ReportTree
    fileprivate let position: Int32

    fileprivate init(tree: ReportTree, position: Int32) {
        self.tree = tree
        self.position = position
    }

    package static func == (left: ReportElement, right: ReportElement) -> Bool {
        left.position == right.position && left.tree === right.tree
    }

    /// The element's name as printed (`dc:title`, `table`).
    var name: String { tree.nodes[Int(position)].name }

    /// The value of the attribute `name`, nil when the element has none (XPath's `@name`).
    subscript(_ name: String) -> String? {
        let start = Int(tree.nodes[Int(position)].firstAttribute)
        for index in start..<start + Int(tree.nodes[Int(position)].attributeCount) where tree.attributes[index].name == name {
            return tree.attributes[index].value
        }
        return nil
    }

    /// The child elements in order (XPath's `*`).
    var children: Children { Children(tree: tree, upcoming: tree.nodes[Int(position)].firstChild) }

    /// The child elements called `name`, in order (XPath's `name`).
    func children(_ name: String) -> [ReportElement] {
        children.filter { $0.name == name }
    }

    /// The first child element called `name` (XPath's `name[1]`).
    func child(_ name: String) -> ReportElement? {
        children.first(where: { $0.name == name })
    }

    /// XPath's string value: the text of the element and all its descendants, in order.
    var stringValue: String {
        if tree.nodes[Int(position)].firstChild < 0 { return tree.nodes[Int(position)].text }
        var value = ""
        appendStringValue(to: &value)
        return value
    }

    private func appendStringValue(to value: inout String) {
        guard let mixed = tree.mixed[position] else {
            // Only elements (or a text before all of them, kept in `mixed` otherwise).
            if tree.nodes[Int(position)].firstChild < 0 { value += tree.nodes[Int(position)].text }
            for child in children { child.appendStringValue(to: &value) }
            return
        }
        for content in mixed {
            switch content {
            case .text(let text): value += text
            case .element(let position): ReportElement(tree: tree, position: position).appendStringValue(to: &value)
            }
        }
    }

    /// An element's children, followed from sibling to sibling without an array.
    struct Children: Sequence, IteratorProtocol {
        fileprivate let tree: ReportTree
        /// The position of the next child, -1 past the last.
        fileprivate var upcoming: Int32

        var isEmpty: Bool { upcoming < 0 }

        /// The first child, nil when there is none.
        var first: ReportElement? { upcoming < 0 ? nil : ReportElement(tree: tree, position: upcoming) }

        mutating func next() -> ReportElement? {
            guard upcoming >= 0 else { return nil }
            let element = ReportElement(tree: tree, position: upcoming)
            upcoming = tree.nodes[Int(upcoming)].nextSibling
            return element
        }
    }
}

/// Builds the `ReportTree` of the document `XMLStreamWriter` writes, from the same calls as the
/// bytes and with the same (legal) strings: the tree a parse of the bytes would give, without the
/// parse. The `xml-stylesheet` instruction before the root and the namespace declarations are
/// left out: the page's templates never read them.
package final class ReportTreeBuilder {
    private let tree = ReportTree()
    /// Positions of the open elements, outermost first.
    @exclusivity(unchecked) private var open: [Int32] = []

    package init() {
        open.reserveCapacity(16)
    }

    /// The document element, once one was started.
    package var root: ReportElement? { tree.root }

    package func start(_ name: String, prefix: String? = nil) {
        let position = Int32(tree.nodes.count)
        if let parent = open.last {
            addChild(position, to: parent)
        } else if position > 0 {
            // A second document element: a writer refuses one; it would not be in the tree.
            return
        }
        tree.nodes.append(.init(name: prefix.map { "\($0):\(name)" } ?? name, firstAttribute: Int32(tree.attributes.count)))
        open.append(position)
    }

    /// An attribute of the element just started, before anything inside it (the only place the
    /// writer takes one).
    package func attribute(_ name: String, _ value: String) {
        guard let position = open.last else { return }
        precondition(Int(position) == tree.nodes.count - 1, "an attribute after the element's content")
        tree.attributes.append((name, value))
        tree.nodes[Int(position)].attributeCount += 1
    }

    package func text(_ value: String) {
        guard !value.isEmpty, let position = open.last else { return }
        let index = Int(position)
        // Mixed content is looked up only where it can be: no report has any.
        if tree.nodes[index].firstChild >= 0 || !tree.mixed.isEmpty {
            if tree.mixed[position] == nil, tree.nodes[index].firstChild >= 0 {
                let text = tree.nodes[index].text
                tree.mixed[position] = childContents(of: position) + (text.isEmpty ? [] : [.text(text)])
            }
            tree.mixed[position]?.append(.text(value))
        }
        tree.nodes[index].text += value
    }

    package func end() {
        _ = open.popLast()
    }

    private func addChild(_ child: Int32, to parent: Int32) {
        let index = Int(parent)
        if !tree.nodes[index].text.isEmpty || !tree.mixed.isEmpty {
            if tree.mixed[parent] == nil, !tree.nodes[index].text.isEmpty {
                tree.mixed[parent] = [.text(tree.nodes[index].text)] + childContents(of: parent)
            }
            tree.mixed[parent]?.append(.element(child))
        }
        let last = tree.nodes[index].lastChild
        if last >= 0 {
            tree.nodes[Int(last)].nextSibling = child
        } else {
            tree.nodes[index].firstChild = child
        }
        tree.nodes[index].lastChild = child
    }

    private func childContents(of parent: Int32) -> [ReportTree.Content] {
        var contents: [ReportTree.Content] = []
        var child = tree.nodes[Int(parent)].firstChild
        while child >= 0 {
            contents.append(.element(child))
            child = tree.nodes[Int(child)].nextSibling
        }
        return contents
    }
}
