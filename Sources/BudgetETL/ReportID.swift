import BudgetCore
import Foundation

/// Derives a report's id, the name of its output folder, from its input file name: stable
/// (the same name always gives the same id) and safe in any file system and shell.
///
/// Letters and digits are kept (CJK included, in Unicode NFC), ASCII letters are lower-cased so
/// case-insensitive file systems cannot merge two ids, and every run of other characters becomes
/// one `-`. An id never starts with `.` or `_` (hidden files; `_logs`, `_quarantine` are ours).
public enum ReportID {
    /// Longest id in UTF-8 bytes; a longer name is cut and given a hash of the full name.
    public static let maximumLength = 120

    public static func derive(fromFileName fileName: String) -> String {
        let stem = (fileName as NSString).deletingPathExtension
        var id = ""
        var pendingSeparator = false
        // ASCII is its own canonical composition (the mapping is Foundation's, and slow).
        let composed = stem.utf8.allSatisfy { $0 < 0x80 } ? stem : stem.precomposedStringWithCanonicalMapping
        for scalar in composed.unicodeScalars {
            let kept: Character?
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                switch value {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = Character(Unicode.Scalar(value + 32))
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "_"), UInt8(ascii: "."):
                    kept = Character(scalar)
                default: kept = nil
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
                kept = Character(scalar)
            } else {
                kept = nil
            }
            if let kept {
                if pendingSeparator && !id.isEmpty { id.append("-") }
                pendingSeparator = false
                id.append(kept)
            } else {
                pendingSeparator = true
            }
        }
        while let first = id.first, first == "." || first == "_" || first == "-" { id.removeFirst() }
        while let last = id.last, last == "." || last == "-" { id.removeLast() }

        // Hashed only when needed: every input's id is derived on every run.
        var digest: String { String(Checksum.sha256(Data(fileName.utf8)).prefix(8)) }
        if id.isEmpty { return "report-\(digest)" }
        if id.utf8.count > maximumLength {
            var cut = ""
            for character in id {
                guard cut.utf8.count + character.utf8.count <= maximumLength - 9 else { break }
                cut.append(character)
            }
            return "\(cut)-\(digest)"
        }
        return id
    }
}
