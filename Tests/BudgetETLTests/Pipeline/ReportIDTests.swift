import Testing
@testable import BudgetCore
@testable import BudgetETL

/// Report ids: stable, file-system-safe names derived from input file names.
@Suite struct ReportIDTests {
    @Test(arguments: [
        ("000_dc36c76f723eee1f.txt", "000_dc36c76f723eee1f"),
        ("2024 Wuhan HRSS (unit budget).TXT", "2024-wuhan-hrss-unit-budget"),
        ("武汉市人力资源和社会保障信息中心2024年单位预算.txt", "武汉市人力资源和社会保障信息中心2024年单位预算"),
        ("普陀区 财政局：2025 部门预算.txt", "普陀区-财政局-2025-部门预算"),
        (".hidden report.txt", "hidden-report"),
        ("__init__.txt", "init__"),
        ("a/b\\c:d*e?f.txt", "a-b-c-d-e-f"),
    ])
    func derivedIDs(fileName: String, id: String) {
        #expect(ReportID.derive(fromFileName: fileName) == id)
    }

    @Test func sameNameSameID() {
        #expect(ReportID.derive(fromFileName: "R 1.txt") == ReportID.derive(fromFileName: "R 1.txt"))
    }

    @Test func nothingUsableGivesAHashedID() {
        let id = ReportID.derive(fromFileName: "（）.txt")
        #expect(id.hasPrefix("report-"))
        #expect(id.count == "report-".count + 8)
        #expect(id != ReportID.derive(fromFileName: "【】.txt"))
    }

    @Test func longNamesAreCutAndDisambiguated() {
        let long = String(repeating: "预", count: 100)
        let id = ReportID.derive(fromFileName: long + "甲.txt")
        #expect(id.utf8.count <= ReportID.maximumLength)
        #expect(id != ReportID.derive(fromFileName: long + "乙.txt"))
    }

    @Test func idsAreSafeFileNames() {
        for name in ["a b", "../../etc/passwd", "x\u{0}y", "  ", "-.-", "Ｒｅｐｏｒｔ１.txt"] {
            let id = ReportID.derive(fromFileName: name)
            #expect(!id.isEmpty)
            #expect(!id.contains("/") && !id.contains("\u{0}") && !id.contains(" "))
            #expect(!id.hasPrefix(".") && !id.hasPrefix("_") && !id.hasPrefix("-"))
        }
    }
}
