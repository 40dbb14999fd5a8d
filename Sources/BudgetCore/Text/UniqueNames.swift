/// Names handed out one by one, each made unique among those handed out before it by a copy
/// number (`base`, then `base#2`, `base#3` …): table ids, CSV headers and resource names must
/// not collide, yet a repeat should still read as the name it repeats.
package struct UniqueNames: Sendable {
    private var used: Set<String>
    /// What goes between a repeated name and its copy number (` #`, `-`, `_`).
    private let separator: String
    /// The highest copy number handed out for each base.
    private var lastCopy: [String: Int] = [:]

    /// `reserved` names are taken before any is handed out.
    package init(separator: String, reserved: Set<String> = []) {
        self.separator = separator
        used = reserved
    }

    /// `base`, or `base` with the first copy number from 2 that makes it unused; it is then used.
    /// The last copy number of each base is remembered, so a name repeated k times costs k steps
    /// in all, not k².
    package mutating func claim(_ base: String) -> String {
        var name = base
        var copy = lastCopy[base] ?? 1
        while used.contains(name) {
            copy += 1
            name = "\(base)\(separator)\(copy)"
        }
        lastCopy[base] = copy
        used.insert(name)
        return name
    }
}
