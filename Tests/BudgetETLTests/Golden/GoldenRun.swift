import Foundation
@testable import BudgetCore
@testable import BudgetETL

/// A whole pipeline run on one fixture (`Tests/Fixtures/<case>/input.txt`) compared with the
/// outputs recorded for it (`Tests/Fixtures/<case>/expected/`).
///
/// Re-record after a deliberate change with `make golden` (which sets `BUDGET_ETL_RECORD_GOLDEN=1`
/// for the golden tests), then review `git diff Tests/Fixtures` like code.
struct GoldenRun {
    /// Environment variable that makes the golden tests write `expected/` instead of comparing.
    static let recordVariable = "BUDGET_ETL_RECORD_GOLDEN"
    /// Stands for the pipeline version in recorded files, so a version bump alone changes no golden file.
    static let versionPlaceholder = "{{pipeline-version}}"

    static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// Every fixture case: the folders of `Tests/Fixtures` that hold an `input.txt`.
    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: Fixtures.input($0).path) }.sorted()
    }

    let name: String
    /// The report's text; the fixture's own `input.txt` unless a test changes it.
    let input: Data

    init(case name: String, input: Data? = nil) throws {
        self.name = name
        self.input = try input ?? Data(contentsOf: Fixtures.input(name))
    }

    /// Runs every stage on the input in a scratch folder and returns the compared files by path
    /// inside the report folder, with the pipeline version replaced by a placeholder.
    func run() throws -> [String: Data] {
        let folder = TemporaryFolder()
        // The input is named after the case, so the report id (and every path inside) is the case name.
        folder.write("input/\(name).txt", input)
        let configuration = PipelineConfiguration(failOnCheckFailures: false)
        let summary = try Pipeline(configuration: configuration, baseFolder: folder.url).run()
        if let failure = summary.failed.first, let error = failure.error {
            throw error
        }
        let report = folder.path("output/\(name)")
        var files: [String: Data] = [:]
        for path in FileSystem.relativeFiles(under: report) where Self.isCompared(path) {
            files[path] = Self.placeholdingVersion(try Data(contentsOf: report.appendingPathComponent(path)))
        }
        return files
    }

    /// The files a golden run compares: every output but those wholly derived from others
    /// (the bag's checksum lists, its links to the checks and the text, the compiled-in schemas
    /// and stylesheet, the copy of the input) and the manifest, which holds times. `report.html`
    /// is compared: it is what people read.
    static func isCompared(_ path: String) -> Bool {
        let derived = [
            "manifest.json", "01-extract/text.txt", "05-export/bagit.txt", "05-export/manifest-sha256.txt",
            "05-export/tagmanifest-sha256.txt", "05-export/data/budget-report.xsd", "05-export/data/dc.xsd",
            "05-export/data/render.xsl", "05-export/data/checks.csv",
            "05-export/data/source/text.txt",
        ]
        return !derived.contains(path) && !path.hasPrefix("versions/")
    }

    static func placeholdingVersion(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        return Data(text.replacingOccurrences(of: PipelineVersion.current, with: versionPlaceholder).utf8)
    }

    /// The recorded files of this case, by path inside `expected/`.
    func expected() -> [String: Data] {
        let folder = Fixtures.expected(name)
        var files: [String: Data] = [:]
        for path in FileSystem.relativeFiles(under: folder) {
            files[path] = try? Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    /// Replaces `expected/` with `files`.
    func record(_ files: [String: Data]) throws {
        let folder = Fixtures.expected(name)
        try? FileManager.default.removeItem(at: folder)
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// Every difference between what was recorded and what a run gave, readably: a missing or
    /// unexpected file by name, a changed one with its first differing line in both versions.
    static func differences(expected: [String: Data], actual: [String: Data]) -> [String] {
        var found: [String] = []
        for path in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[path], actual[path]) {
            case (nil, _): found.append("\(path): written by the run but not recorded")
            case (_, nil): found.append("\(path): recorded but not written by the run")
            case (let recorded?, let written?) where recorded != written:
                found.append("\(path): \(firstDifference(recorded, written))")
            default: break
            }
        }
        return found
    }

    /// Where two texts first differ: the line number and both versions of that line, cut to a
    /// window around the first differing character (intermediate JSON is one long line).
    static func firstDifference(_ recorded: Data, _ written: Data) -> String {
        let old = String(decoding: recorded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: written, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let oldLine = index < old.count ? old[index] : "(end of file)"
        let newLine = index < new.count ? new[index] : "(end of file)"
        let common = zip(oldLine, newLine).prefix { $0 == $1 }.count
        func window(_ line: Substring) -> String {
            let start = line.index(line.startIndex, offsetBy: max(0, common - 60), limitedBy: line.endIndex) ?? line.endIndex
            let end = line.index(start, offsetBy: 160, limitedBy: line.endIndex) ?? line.endIndex
            return (start > line.startIndex ? "…" : "") + line[start..<end] + (end < line.endIndex ? "…" : "")
        }
        return "line \(index + 1) differs (\(old.count) lines recorded, \(new.count) written)\n  - \(window(oldLine))\n  + \(window(newLine))"
    }
}

/// The fixtures folder: one folder per case with `input.txt`, `expected/` and a README.
enum Fixtures {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures", isDirectory: true)

    static func input(_ name: String) -> URL { folder.appendingPathComponent("\(name)/input.txt") }

    static func expected(_ name: String) -> URL { folder.appendingPathComponent("\(name)/expected", isDirectory: true) }

    /// The real sample report (the 2024 unit budget of 武汉市人力资源和社会保障信息中心).
    static var sampleReport: URL { input("sample") }
}
