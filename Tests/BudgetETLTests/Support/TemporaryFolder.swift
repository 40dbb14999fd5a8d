import Foundation

/// A folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("budget-etl-tests-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ data: Data) -> URL {
        let target = path(relative)
        try! FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: target)
        return target
    }

    @discardableResult
    func write(_ relative: String, text: String) -> URL { write(relative, Data(text.utf8)) }

    func read(_ relative: String) -> Data? { try? Data(contentsOf: path(relative)) }

    func text(_ relative: String) -> String? { read(relative).map { String(decoding: $0, as: UTF8.self) } }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative).path) }

    /// Every file under the folder, relative paths, sorted.
    func allFiles() -> [String] {
        let base = url.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { ($0 as? URL)?.standardizedFileURL.path }
            .filter { !(FileManager.default.fileExists(atPath: $0, isDirectory: nil) && isDirectory($0)) }
            .map { String($0.dropFirst(base.count)) }
            .sorted()
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &flag)
        return flag.boolValue
    }
}

/// Paths of the repository, for tests that read their fixtures.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
