/// The comparison key of a label: what is left when everything that varies between two printings
/// of the same name is taken out. Every stage compares labels through this one key, so a name
/// matched in segment (a table title, a header) is matched the same way in reconcile (a row, a
/// narrative subject): `“三公”经费`, `"三公"经费` and `三 公 经 费` all key to `三公经费`.
///
/// What goes: spaces of every kind (PDF letter-spacing, ideographic and no-break spaces, line
/// breaks) and quotation marks (`“”‘’"'＂„「」『』`). What is unified: full-width brackets, colon,
/// digits and Latin letters become ASCII (`（境）` = `(境)`, `：` = `:`, `２０２４` = `2024`).
/// Everything else is kept as printed: `，` and `,` differ, since a label's commas were already
/// given one width by the normalizer's cleaning.
///
/// Scans Unicode scalars once and returns the text itself when nothing changes (most labels), so
/// it is cheap enough for every cell of every report.
package enum TextKey {
    /// The key of `text`. `String` and `Substring` versions rather than one generic function:
    /// generic code called from another module runs unspecialized, through witness tables and
    /// runtime metadata, which cost more than the key itself.
    package static func of(_ text: String) -> String { key(of: text) }

    package static func of(_ text: Substring) -> String { key(of: text) }

    /// Whether two texts have the same key, without building either.
    package static func equal(_ a: String, _ b: String) -> Bool { keysEqual(a, b) }

    package static func equal(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool { keysEqual(a, b) }

    /// `of`, specialized by the compiler for each concrete type above.
    private static func key(of text: some StringProtocol) -> String {
        // Most labels are ideographs and nothing a key changes: told from their bytes alone.
        guard text.utf8.withContiguousStorageIfAvailable(mayChange) ?? true else { return String(text) }
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { keyScalar($0) != $0 }) else { return String(text) }
        // The text's length bounds the key's: a scalar is kept, dropped, or made ASCII, never longer.
        return String(encoding: scalars.lazy.compactMap(keyScalar), maximumByteCount: text.utf8.count)
    }

    /// `equal`, specialized by the compiler for each concrete pair above.
    private static func keysEqual(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        var left = a.unicodeScalars.makeIterator(), right = b.unicodeScalars.makeIterator()
        func next(_ iterator: inout some IteratorProtocol<Unicode.Scalar>) -> Unicode.Scalar? {
            while let scalar = iterator.next() {
                if let kept = keyScalar(scalar) { return kept }
            }
            return nil
        }
        while true {
            let x = next(&left), y = next(&right)
            if x != y { return false }
            if x == nil { return true }
        }
    }

    /// Whether any byte of the text can start a scalar its key changes: one of the ASCII spaces
    /// and quotes, or the first byte of the other changed scalars' UTF-8 — `C2` (U+00A0), `E2`
    /// (the curly quotes, U+2018–U+201E), `E3` (U+3000, 「」『』) and `EF` (full-width forms).
    /// False means the key is the text; true only that the scalars must be looked at.
    private static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { byte in
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0xC2, 0xE2, 0xE3, 0xEF: true
            default: false
            }
        }
    }

    /// What a scalar becomes in a key: itself, its ASCII form, or nil when it is dropped.
    @inline(__always)
    package static func keyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27: return nil
            default: return scalar
            }
        }
        if isSpace(scalar) || isQuote(scalar) { return nil }
        switch value {
        case 0xFF08, 0xFF09, 0xFF1A: return Unicode.Scalar(value - 0xFEE0)
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return Unicode.Scalar(value - 0xFEE0)
        default: return scalar
        }
    }

    /// Quotation marks of either width and both Chinese styles. A quote never tells two labels
    /// apart (`“三公”经费` is `三公经费`), but whether a label is wholly quoted can matter for how
    /// it is shown: see the normalizer's claim subjects.
    package static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "＂", "“", "”", "‘", "’", "„", "「", "」", "『", "』": true
        default: false
        }
    }

    /// Spaces a key drops: `TextPatterns.isSpace` and line breaks.
    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        TextPatterns.isSpace(scalar) || scalar == "\n" || scalar == "\r"
    }
}
