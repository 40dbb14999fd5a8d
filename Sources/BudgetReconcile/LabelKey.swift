import BudgetCore

/// Labels reduced to what tells them apart, so the same name printed in two places matches:
/// no spaces (PDF letter-spacing), no quotes (`“三公”`), and one width of brackets and colons
/// (`因公出国(境)` in prose, `因公出国（境）` in a table).
package enum LabelKey {
    package static func of(_ label: String) -> String {
        var text = label
        let edited = text.withUTF8 { bytes -> String? in
            var index = 0
            while index < bytes.count, edit(bytes, at: index) == nil { index += 1 }
            guard index < bytes.count else { return nil }
            var out: [UInt8] = Array(bytes[..<index])
            out.reserveCapacity(bytes.count)
            while index < bytes.count {
                if let (length, replacement) = edit(bytes, at: index) {
                    if let replacement { out.append(replacement) }
                    index += length
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return edited ?? label
    }

    /// What `of` does with the character starting at `index`: how many bytes it spans and the
    /// ASCII byte that stands for it (nil: dropped); nil when it is kept. Continuation bytes
    /// never match, so every position can be asked.
    private static func edit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, UInt8?)? {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27:
            return (1, nil)
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? (2, nil) : nil
        case 0xE2, 0xE3, 0xEF:
            guard index + 2 < bytes.count else { return nil }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            switch (byte, second, third) {
            case (0xE2, 0x80, 0x98), (0xE2, 0x80, 0x99), (0xE2, 0x80, 0x9C), (0xE2, 0x80, 0x9D): return (3, nil)
            case (0xE3, 0x80, 0x80), (0xE3, 0x80, 0x8C), (0xE3, 0x80, 0x8D): return (3, nil)
            case (0xEF, 0xBC, 0x88): return (3, UInt8(ascii: "("))
            case (0xEF, 0xBC, 0x89): return (3, UInt8(ascii: ")"))
            case (0xEF, 0xBC, 0x9A): return (3, UInt8(ascii: ":"))
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `text` with every occurrence of `word` taken out.
    package static func removing(_ word: String, from text: String) -> String {
        let needle = Array(word.unicodeScalars)
        let scalars = Array(text.unicodeScalars)
        guard !needle.isEmpty, scalars.count >= needle.count else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + needle.count <= scalars.count, scalars[index..<(index + needle.count)].elementsEqual(needle) {
                index += needle.count
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// Whether two keys name the same thing: equal, or one is the other cut short (a PDF cell
    /// too narrow for the name), at least four characters long so that short words do not match
    /// everything that starts with them.
    package static func matches(_ key: String, _ other: String) -> Bool {
        if same(key, other) { return true }
        let (short, long) = key.utf8.count <= other.utf8.count ? (key, other) : (other, key)
        return short.unicodeScalars.count >= 4 && long.utf8.starts(with: short.utf8)
    }

    /// Equal keys: the same UTF-8 bytes. Keys are built by `of`, so no normalization is needed.
    package static func same(_ key: String, _ other: String) -> Bool {
        key.utf8.elementsEqual(other.utf8)
    }
}

/// Words that make a label or header a total.
package enum TotalWords {
    /// `合计`, `小计`, `总计`, and labels ending in 合计 or 总计 (`本年收入合计`, `“三公”经费合计`).
    package static func isTotal(_ label: String) -> Bool {
        let key = LabelKey.of(label)
        return key == "小计" || key.hasSuffix("合计") || key.hasSuffix("总计")
    }

    /// A grand total (`总计`) rather than a subtotal of this year's items (`合计`).
    package static func isGrandTotal(_ label: String) -> Bool {
        LabelKey.of(label).hasSuffix("总计")
    }
}

extension String {
    /// Whether `word` occurs in the string, compared by UTF-8 bytes: exact characters, which is
    /// what matching header and label words needs, without Foundation's locale-aware search.
    package func includes(_ word: String) -> Bool {
        var text = self
        var needle = word
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard haystack.count >= pattern.count else { return false }
                let first = pattern[0]
                var start = 0
                while start + pattern.count <= haystack.count {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
