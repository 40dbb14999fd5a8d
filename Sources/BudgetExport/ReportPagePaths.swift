/// The location paths `render.xsl` selects with, over `ReportElement`: child steps, the first
/// node of a node-set in document order (what `xsl:value-of` and a comparison's string take),
/// and attributes of a node-set.
extension ReportElement {
    /// `a/b/c`: the elements at the end of `path`, in document order.
    func all(_ path: String...) -> [ReportElement] {
        all(path[...])
    }

    func all(_ path: ArraySlice<String>) -> [ReportElement] {
        var current = [self]
        for step in path { current = current.flatMap { $0.children(step) } }
        return current
    }

    /// The first element at the end of `path` in document order.
    func first(_ path: String...) -> ReportElement? {
        first(path[...])
    }

    private func first(_ path: ArraySlice<String>) -> ReportElement? {
        guard let step = path.first else { return self }
        for child in children where child.name == step {
            if let found = child.first(path.dropFirst()) { return found }
        }
        return nil
    }

    /// `xsl:value-of select="a/b"`: the string value of the first element at `path`, or "".
    func value(_ path: String...) -> String {
        first(path[...])?.stringValue ?? ""
    }

    /// `a/b/@name`: the attribute of the first element at `path` (in document order) that has it.
    func attribute(_ path: String..., named name: String) -> String? {
        for element in all(path[...]) {
            if let value = element[name] { return value }
        }
        return nil
    }

    /// Whether the element has a child called `name` (`test="name"`).
    func has(_ name: String) -> Bool {
        children.contains { $0.name == name }
    }
}
