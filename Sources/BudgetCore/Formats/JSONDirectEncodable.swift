/// A value that writes its own JSON: the very bytes its `Encodable` conformance makes through
/// `JSONStreamEncoder`, without the `Encoder` protocol's machinery (a slot, a boxed keyed
/// container and a dynamic call per member, the key escaped again each time).
///
/// For the few types a report holds by the thousand (table rows, cells, columns, source lines):
/// their encoding was most of the cost of `segment.json` and `normalize.json`. Everything else
/// keeps going through its `Encodable` conformance, which stays the definition of the format
/// (`JSONDecoder` reads these files back through it, and `JSONEncoder` writes the same).
///
/// A conformance must write exactly what the synthesized `encode(to:)` writes: members in
/// declaration order, a nil optional left out (`encodeIfPresent`), an `@OmittedWhenDefault`
/// member left out when usual. `JSONDirectEncodingTests` encodes every fixture's intermediates
/// with and without these writers (`JSONStreamEncoder.bytes(_:direct:)`) and compares the bytes.
public protocol JSONDirectEncodable: Encodable {
    func writeJSON(to out: inout JSONWriter)
}

/// An array of such values, found with one dynamic cast per array rather than one per element.
protocol JSONDirectList {
    func writeJSONList(to out: inout JSONWriter)
}

extension Array: JSONDirectList where Element: JSONDirectEncodable {
    func writeJSONList(to out: inout JSONWriter) {
        out.array(self)
    }
}

extension JSONWriter {
    /// JSON text known when compiling (`{"line":`, `,"cells":`): keys need no escaping at run time.
    @inlinable @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// `[a,b,…]`, each element writing itself. Public and inlinable, as this file's other writers
    /// and `ByteBuffer`'s appends, so that the modules whose types write themselves get it
    /// specialized: a `package` function is never inlined into another module, even marked
    /// `@inlinable` (Swift 6.3 without library evolution), and this generic one, called there
    /// unspecialized, looked up the metadata of `[Element]` and its indices for every array.
    /// The elements are read where they lie: `elements[index]` copied each one (its strings
    /// retained and released) before it wrote itself. (A row, whose writer is inlined here and
    /// calls code it cannot see between reading its fields, is still copied: the compiler cannot
    /// tell that those calls leave the element alone.)
    @inlinable
    public mutating func array<Element: JSONDirectEncodable>(_ elements: [Element]) {
        byte(UInt8(ascii: "["))
        elements.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                if index > 0 { byte(UInt8(ascii: ",")) }
                buffer[index].writeJSON(to: &self)
            }
        }
        byte(UInt8(ascii: "]"))
    }

    /// `["a","b",…]`.
    package mutating func array(_ strings: [String]) {
        byte(UInt8(ascii: "["))
        for index in strings.indices {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(strings[index])
        }
        byte(UInt8(ascii: "]"))
    }

    /// `[1,2,…]`.
    package mutating func array(_ numbers: [Int]) {
        byte(UInt8(ascii: "["))
        for index in numbers.indices {
            if index > 0 { byte(UInt8(ascii: ",")) }
            int(numbers[index])
        }
        byte(UInt8(ascii: "]"))
    }
}
