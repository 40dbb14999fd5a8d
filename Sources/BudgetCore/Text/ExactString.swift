/// A string compared and hashed by its UTF-8 bytes: as XPath compares strings (by code points),
/// and as ids and keys this code builds itself need comparing. Swift's `==` and hashing take
/// canonically equivalent strings (`é` and `e` + U+0301) as equal, and pay for it on every
/// non-ASCII string: a dictionary keyed by Chinese check ids or labels spent most of its time
/// checking normalization.
package struct ExactString: Hashable, Sendable {
    package let string: String

    package init(_ string: String) {
        self.string = string
    }

    package static func == (left: ExactString, right: ExactString) -> Bool {
        TextPatterns.same(left.string, right.string)
    }

    package func hash(into hasher: inout Hasher) {
        TextPatterns.withUTF8(string) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether two optional strings are the same code points (both nil is not: XPath compares no
    /// node with nothing).
    package static func same(_ left: String?, _ right: String?) -> Bool {
        guard let left, let right else { return false }
        return TextPatterns.same(left, right)
    }
}
