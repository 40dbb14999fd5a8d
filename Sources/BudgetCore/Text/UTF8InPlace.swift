extension String {
    /// The string's UTF-8 bytes as one buffer, read where they lie: no copy of a native string's
    /// bytes (every string this code builds or decodes; a bridged or foreign one is copied once).
    ///
    /// Rather than `var copy = text; copy.withUTF8 { … }`: the standard library's `withUTF8` is
    /// mutating, so calling it on a copy retained and released the string's storage at every
    /// call, two atomic operations for each attribute, cell and line written or read.
    /// Public and inlinable, so other modules get it inlined and specialized: a `package`
    /// function is called unspecialized across modules (see `JSONWriter.array`).
    @inlinable @inline(__always)
    public func withUTF8InPlace<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
