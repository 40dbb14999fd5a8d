import BudgetCore

/// What becomes of characters XML 1.0 does not allow (an XML writer, libxml2's or ours, writes
/// them without complaint, and the file can then not be read: `PCDATA invalid Char value 12`).
///
/// Decision: they are replaced, never dropped silently and never escaped (`&#12;` is not allowed
/// either). A C0 control character U+00XX (all below U+0020 except tab, line feed and carriage
/// return; in practice the form feeds of PDF page breaks) becomes its Unicode control picture
/// U+24XX (form feed → `␌` U+240C), which shows a reader what was there and where; U+FFFE and
/// U+FFFF (non-characters) become U+FFFD. The number replaced is stated in the document's
/// provenance (the `exported` event), and the CSVs and `01-extract/text.txt` keep the original
/// characters. Tab, line feed and carriage return are kept: the writer escapes them as
/// character references where XML would otherwise normalize them away.
package enum XMLCharacters {
    /// `text`, with every character XML 1.0 forbids replaced, and how many were.
    package static func legal(_ text: String) -> (text: String, replaced: Int) {
        replacingIllegal(text) ?? (text, 0)
    }

    /// `text` with every character XML 1.0 forbids replaced, and how many were; nil when it has
    /// none, so the caller goes on with the text it holds.
    package static func replacingIllegal(_ text: String) -> (text: String, replaced: Int)? {
        guard mayHaveIllegal(text) else { return nil }
        var replaced = 0
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = replacement(for: scalar) {
                scalars.append(replacement)
                replaced += 1
            } else {
                scalars.append(scalar)
            }
        }
        return (String(scalars), replaced)
    }

    package static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: nil
        case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value)
        case 0xFFFE, 0xFFFF: Unicode.Scalar(0xFFFD)
        default: nil
        }
    }

    /// A byte scan, so text with nothing to replace (nearly all) is passed through untouched:
    /// C0 controls, and `EF BF BE` / `EF BF BF`, the UTF-8 of U+FFFE and U+FFFF.
    /// Over the contiguous UTF-8 (every string of a document passes here, most of them short).
    private static func mayHaveIllegal(_ text: String) -> Bool {
        text.withUTF8InPlace { utf8 in
            for index in 0..<utf8.count {
                let byte = utf8[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if (byte == 0xBE || byte == 0xBF) && index >= 2 && utf8[index - 2] == 0xEF && utf8[index - 1] == 0xBF { return true }
            }
            return false
        }
    }
}
