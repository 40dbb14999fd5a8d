import BudgetCore

/// Matching labels in reconcile: keys (`TextKey`, the one key every stage uses), and the
/// looser matches reconcile needs on top of them (a name cut short by a narrow cell, a word
/// taken out).
package enum LabelKey {
    /// The label's `TextKey`: no spaces, no quotes (`“三公”`), one width of brackets and colons
    /// (`因公出国(境)` in prose, `因公出国（境）` in a table).
    @inline(__always)
    package static func of(_ label: String) -> String { TextKey.of(label) }

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
        TextPatterns.same(key, other)
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
        withUTF8InPlace { haystack in
            word.withUTF8InPlace { pattern in
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
