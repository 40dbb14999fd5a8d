/// Strings made from Unicode scalars, as the scanners of narrative text and labels cut them out.
///
/// `String(String.UnicodeScalarView(scalars))` goes through the standard library's generic
/// `append(contentsOf:)`, which is not specialized for the caller's collection: it maps the scalars
/// to an array of their values through witness tables and appends them one at a time, some 4,000
/// instructions for a short word (3 % of a run, from a dozen call sites). These concrete versions
/// encode the scalars once, straight into the new string's storage, or copy a run of another
/// string's bytes as they are.
extension String {
    /// The text of `scalars`, UTF-8 encoded into the string's own storage in one pass.
    package init(scalars: ArraySlice<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        self.init(encoding: scalars, maximumByteCount: byteCount)
    }

    /// `scalars` UTF-8 encoded straight into the string's storage, allocated once for at most
    /// `maximumByteCount` bytes (a caller that filters or maps the scalars bounds them by its
    /// input: `TextKey`). Generic, so for callers in this module only: elsewhere it would run
    /// unspecialized, which is the cost this file exists to avoid.
    init(encoding scalars: some Sequence<Unicode.Scalar>, maximumByteCount: Int) {
        self.init(unsafeUninitializedCapacity: maximumByteCount) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    precondition(written < buffer.count, "more UTF-8 than the bound given")
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }

    package init(scalars: [Unicode.Scalar]) {
        self.init(scalars: scalars[...])
    }

    /// A run of another string's scalars: its bytes, copied without decoding them.
    package init(scalars: Substring.UnicodeScalarView) {
        self.init(Substring(scalars))
    }
}
