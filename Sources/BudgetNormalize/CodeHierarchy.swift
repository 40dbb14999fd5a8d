import BudgetCore

/// Which scheme a code belongs to, its level and its parent, from the code itself and the header
/// of its column: function (类 3 digits, 款 5, 项 7), economic (类 3, 款 5), budget units
/// (department 3, unit 6) and projects.
package enum CodeHierarchy {
    /// The scheme of a code in a column with this header path, in a table of this kind.
    package static func scheme(of code: String, columnPath: [String], tableKind: String?) -> CodeScheme? {
        let header = columnPath.concatenated()
        let digitsOnly = code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        // The column's own label decides before labels above it: `项目` over `功能分类科目编码`
        // (Shanghai's tables) names the row headings, not project codes.
        let leaf = columnPath.last ?? ""
        if digitsOnly, TextPatterns.contains(leaf, "功能分类") {
            return [3, 5, 7].contains(code.utf8.count) ? .function : nil
        }
        if digitsOnly, TextPatterns.contains(leaf, "经济分类") {
            return [3, 5].contains(code.utf8.count) ? .economic : nil
        }
        if TextPatterns.contains(header, "项目") && TextPatterns.contains(header, "编码") {
            return digitsOnly && code.utf8.count <= 6 ? .unit : .project
        }
        if TextPatterns.contains(header, "单位") && TextPatterns.contains(header, "编码") { return .unit }
        guard digitsOnly else { return .project }
        if TextPatterns.contains(header, "经济分类") { return [3, 5].contains(code.utf8.count) ? .economic : nil }
        switch (code.utf8.first, code.utf8.count) {
        case (UInt8(ascii: "2"), 3), (UInt8(ascii: "2"), 5), (UInt8(ascii: "2"), 7): return .function
        case (UInt8(ascii: "3"), 3), (UInt8(ascii: "3"), 5), (UInt8(ascii: "5"), 3), (UInt8(ascii: "5"), 5): return .economic
        default: return nil
        }
    }

    /// Level and parent code of a function, economic or unit code.
    package static func position(of code: String, scheme: CodeScheme) -> (level: Int, parent: String?)? {
        let length = code.utf8.count
        switch (scheme, length) {
        case (.function, 3), (.economic, 3), (.unit, 3): return (1, nil)
        case (.function, 5), (.economic, 5): return (2, String(code.prefix(3)))
        case (.function, 7): return (3, String(code.prefix(5)))
        case (.unit, 6): return (2, String(code.prefix(3)))
        default: return nil
        }
    }
}
