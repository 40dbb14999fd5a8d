import BudgetCore

/// Works out each column's full header path from one to three header rows, where a merged
/// cell of the PDF arrives as a label followed by empty cells.
///
/// A label covers the empty cells to its right, but never across the boundary of the label
/// above it (`基本支出` covers `小计 / 人员经费 / 公用经费`; `项目支出` beside it stays on its
/// own). A label with nothing below it spans the rows below (its path is shorter). Text under
/// a label that covers several columns is a child level (`基本支出 / 人员经费`); text under a
/// label of a single column is that label wrapped onto a second line (`活动内容` + `表述`).
package struct HeaderPaths {
    package let rows: [[String]]
    package let width: Int
    /// `origins[r][c]`: the column of the label that covers cell (r, c), if any.
    package let origins: [[Int?]]

    /// - Parameter rows: the header rows as printed; a label covers empty cells only as far as
    ///   its row was printed (a column that exists only in wider body rows has no header).
    package init(rows: [[String]], width: Int) {
        self.rows = rows.map { row in (0..<width).map { $0 < row.count ? TextPatterns.trimmed(row[$0]) : "" } }
        self.width = width
        var origins: [[Int?]] = []
        for (r, row) in self.rows.enumerated() {
            var line = [Int?](repeating: nil, count: width)
            var lastLabel: Int?
            for c in 0..<width {
                if !row[c].isEmpty {
                    line[c] = c
                    lastLabel = c
                } else if let label = lastLabel, c < rows[r].count, r == 0 || origins[r - 1][label] == origins[r - 1][c] {
                    line[c] = label
                } else {
                    lastLabel = nil
                }
            }
            origins.append(line)
        }
        self.origins = origins
    }

    /// How many columns the label at (row, column) covers.
    package func span(row: Int, label: Int) -> Int {
        origins[row].reduce(0) { $0 + ($1 == label ? 1 : 0) }
    }

    /// The header path of every column, as printed: a column a merged label covers with nothing
    /// of its own below it has that label's path (`总体资金情况` over a group column and a label
    /// column names both). Paths need not be unique; columns are told apart by index, and no
    /// copy number (`#2`) is made up, since it would end up in column names as if printed.
    package func paths() -> [[String]] {
        var paths: [[String]] = []
        for c in 0..<width {
            var levels: [String] = []
            for r in rows.indices {
                guard let label = origins[r][c] else { continue }
                let text = rows[r][label]
                if r > 0, label == c, !levels.isEmpty, let parent = origins[r - 1][c], span(row: r - 1, label: parent) == 1 {
                    levels[levels.count - 1] += text
                } else {
                    levels.append(text)
                }
            }
            paths.append(levels)
        }
        return paths
    }

    /// Whether `candidate` continues this header: no amounts or codes; every label sits under a
    /// header label, and is short — a child of a label that spans columns, or a few characters
    /// wrapped under a single-column label.
    package func isContinued(by candidate: [String]) -> Bool {
        let cells = (0..<width).map { $0 < candidate.count ? TextPatterns.trimmed(candidate[$0]) : "" }
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        guard !filled.isEmpty, !rows.isEmpty else { return false }
        let last = rows.count - 1
        for c in filled {
            let text = cells[c]
            guard !TextPatterns.isAmount(text), !TextPatterns.isCode(text), let parent = origins[last][c] else { return false }
            if span(row: last, label: parent) > 1 {
                guard text.count <= 20 else { return false }
            } else {
                guard text.count <= 6, filled.count <= max(1, width / 2) else { return false }
            }
        }
        return true
    }
}
