import BudgetCore
import BudgetExport
import Dispatch
import Foundation
import Synchronization

/// Which reports and stages a run covers.
public struct RunSelection: Sendable {
    /// Report ids to process; empty means every input.
    public var reportIDs: [String]
    /// First stage to run; it and every later stage run even when up to date.
    public var from: StageName?
    /// Last stage to run.
    public var to: StageName?
    /// Only the reports of this part of the batch (`--shard i/N`).
    public var shard: Shard?

    public init(reportIDs: [String] = [], from: StageName? = nil, to: StageName? = nil, shard: Shard? = nil) {
        self.reportIDs = reportIDs
        self.from = from
        self.to = to
        self.shard = shard
    }
}

/// Who wants to know how a run goes: told the number of reports, then each report as it
/// finishes (one call at a time).
public struct RunObserver: Sendable {
    public var started: @Sendable (Int) -> Void
    public var finished: @Sendable (ReportOutcome) -> Void

    public init(started: @escaping @Sendable (Int) -> Void = { _ in }, finished: @escaping @Sendable (ReportOutcome) -> Void = { _ in }) {
        self.started = started
        self.finished = finished
    }
}

/// One input file found in the input folder, with the id its output folder takes.
///
/// A run holds one of these for every input until it ends, so an input keeps only its name, its
/// id, and a reference to the folder every input of the run shares (the folder, and as people see
/// it); the file's URL and display path are made when asked for (a URL held per input was a fifth
/// of what a 10,000-report run held for its batch).
public struct ReportInput: Sendable, Equatable {
    public var id: String
    /// The file's name in the input folder.
    public var name: String
    private let folder: InputFolder

    init(id: String, name: String, folder: InputFolder) {
        (self.id, self.name, self.folder) = (id, name, folder)
    }

    public var url: URL { folder.url.appendingPathComponent(name) }
    public var displayPath: String { folder.display + name }

    public static func == (left: ReportInput, right: ReportInput) -> Bool {
        left.id == right.id && left.name == right.name && left.folder.url == right.folder.url
    }
}

/// The input folder, shared by every `ReportInput` of a run.
final class InputFolder: Sendable {
    let url: URL
    /// The folder as people see it, ending in `/` (empty for the configuration's own folder).
    let display: String

    init(url: URL, display: String) {
        (self.url, self.display) = (url, display)
    }
}

/// The driver: finds the reports, plans the stages, runs reports concurrently (bounded by
/// `jobs`), and sums up. Reports are independent, so the outputs do not depend on the order
/// or concurrency in which they run.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    /// The configuration file's folder; relative paths in the configuration start here.
    public let baseFolder: URL

    public init(configuration: PipelineConfiguration, baseFolder: URL) {
        self.configuration = configuration
        self.baseFolder = baseFolder.standardizedFileURL
    }

    public var inputFolder: URL { resolve(configuration.input) }
    public var outputFolder: URL { resolve(configuration.output) }

    /// The input files, sorted by name, each with its report id. Inputs that cannot be processed
    /// are returned apart, each with its error: names that give the same id, and symbolic links
    /// that lead nowhere or out of the input folder.
    public func discoverInputs() throws(ConfigurationError) -> (inputs: [ReportInput], refused: [ReportOutcome]) {
        guard FileSystem.isDirectory(inputFolder) else {
            throw ConfigurationError(source: "configuration", key: "input",
                                     message: "input folder \(inputFolder.path) does not exist")
        }
        let extensions = Set(configuration.inputExtensions.map { $0.lowercased() })
        // One pass over the folder: the kind of each entry comes with its name (`d_type`), so a
        // regular file, by far the usual input, needs neither a `stat` (is it a folder?) nor a
        // `readlink` (is it a link, and to where?). A link, or an entry of unknown kind, is looked
        // at as before.
        let inputFolder = inputFolder
        let entries: [FolderEntry]
        do {
            entries = try FileSystem.entries(inFolderAtPath: inputFolder.path)
        } catch {
            throw ConfigurationError(source: "configuration", key: "input", message: "\(error)")
        }
        let folder = InputFolder(url: inputFolder, display: display(inputFolder.path, ""))
        var found: [ReportInput] = []
        found.reserveCapacity(entries.count)
        var refused: [ReportOutcome] = []
        // Sorted by name, hidden files left out, as `FileSystem.listFiles` lists them.
        for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") && entry.kind != .folder {
            guard let dot = entry.name.lastIndex(of: "."),
                  extensions.contains(entry.name[entry.name.index(after: dot)...].lowercased()) else { continue }
            let input = ReportInput(id: ReportID.derive(fromFileName: entry.name), name: entry.name, folder: folder)
            if entry.kind == .regularFile {
                found.append(input)
                continue
            }
            guard !FileSystem.isDirectory(input.url) else { continue }
            if let refusal = refusedLink(input) {
                refused.append(ReportOutcome(reportID: input.id, source: input.displayPath, ran: [], skipped: [], error: refusal))
            } else {
                found.append(input)
            }
        }
        // Names that give the same id are refused, all of them, each naming the others. In id
        // order, such names are side by side: the places of the inputs in id order (a word each)
        // find them without grouping every input by id.
        let byID = found.indices.sorted { found[$0].id < found[$1].id }
        var sharing: [Int: [Int]] = [:]
        var start = 0
        while start < byID.count {
            var end = start + 1
            while end < byID.count, found[byID[end]].id == found[byID[start]].id { end += 1 }
            if end - start > 1 {
                let group = byID[start..<end].sorted()
                for place in group { sharing[place] = group }
            }
            start = end
        }
        guard !sharing.isEmpty else { return (found, refused) }
        var inputs: [ReportInput] = []
        for (place, input) in found.enumerated() {
            guard let group = sharing[place] else {
                inputs.append(input)
                continue
            }
            let others = group.filter { $0 != place }.map { found[$0].displayPath }.joined(separator: ", ")
            refused.append(ReportOutcome(
                reportID: input.id, source: input.displayPath, ran: [], skipped: [],
                error: ReportError(file: input.displayPath,
                                   message: "gives the same report id \"\(input.id)\" as \(others)",
                                   hint: "rename one of the files so their ids differ")))
        }
        return (inputs, refused)
    }

    /// The stages a selection runs, in order, and which of them run even when up to date.
    public func plan(_ selection: RunSelection) throws(ConfigurationError) -> (stages: [StageName], forced: Set<StageName>) {
        for (flag, stage) in [("--from", selection.from), ("--to", selection.to)] {
            if let stage, !configuration.stages.contains(stage) {
                throw ConfigurationError(source: "command line", key: flag,
                    message: "stage \"\(stage.rawValue)\" is not in the configured stages (\(configuration.stages.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let first = selection.from?.number ?? 0
        let last = selection.to?.number ?? Int.max
        guard first <= last else {
            throw ConfigurationError(source: "command line", key: "--from",
                                     message: "stage \(selection.from!.rawValue) comes after --to \(selection.to!.rawValue)")
        }
        let stages = configuration.stages.filter { (first...last).contains($0.number) }
        let forced = selection.from == nil ? [] : Set(stages)
        return (stages, forced)
    }

    /// Runs the selection. `report` is called once per report as it finishes, one call at a time.
    /// Holds the output folder's lock for the whole run; throws `RunLock.Busy` when another run
    /// holds it. Failed reports are quarantined, the catalog updated and the run logged.
    public func run(_ selection: RunSelection = RunSelection(), observer: RunObserver = RunObserver()) throws -> RunSummary {
        let report = observer.finished
        let started = Date()
        let (stages, forced) = try plan(selection)
        var (inputs, refused) = try discoverInputs()
        if !selection.reportIDs.isEmpty {
            let known = Set(inputs.map(\.id) + refused.map(\.reportID))
            if let unknown = selection.reportIDs.first(where: { !known.contains($0) }) {
                throw ConfigurationError(source: "command line", key: "--report",
                    message: "no input in \(inputFolder.path) has report id \"\(unknown)\"; ids: \(known.sorted().joined(separator: ", "))")
            }
            let wanted = Set(selection.reportIDs)
            inputs = inputs.filter { wanted.contains($0.id) }
            refused = refused.filter { wanted.contains($0.reportID) }
        }
        if let shard = selection.shard {
            inputs = inputs.filter { shard.contains(reportID: $0.id) }
            refused = refused.filter { shard.contains(reportID: $0.reportID) }
        }
        let lock = try RunLock(outputFolder: outputFolder)
        defer { withExtendedLifetime(lock) {} }
        // Reports are told to the observer and logged one at a time, as they finish.
        let reporting = Mutex(try RunLog(outputFolder: outputFolder, started: started))
        observer.started(inputs.count + refused.count)
        // The run keeps counts of its reports, not their outcomes (each goes to the observer, the
        // log and the catalog as it finishes): only the failures are kept, to be listed.
        var summary = RunSummary(stages: stages)
        for refusal in refused {
            summary.add(refusal)
            reporting.withLock { log in
                report(refusal)
                log.append(refusal)
            }
        }

        let configuration = configuration
        let optionsSHA256 = ReportRunner.optionsSHA256(of: stages, configuration: configuration)
        // In report id order, the catalog's: each report's rows join the catalog as soon as every
        // report before it has finished (see `CatalogInOrder`).
        inputs.sort { $0.id < $1.id }
        let selected = inputs
        inputs = []
        let outputFolder = outputFolder
        let baseFolder = baseFolder
        let finished = Mutex(FinishedReports(summary: summary))
        let catalog = Mutex(CatalogInOrder(update: try CatalogUpdate(outputFolder: outputFolder)))
        // The index's chart: sums only, added to as each report finishes (see `RunIndex`).
        let chart = Mutex(ExpenditureChart())
        // Which reports the chart has already, by their place in `selected`: a bit each.
        let charted = Mutex(ReportBits(count: selected.count))
        let next = Mutex(0)
        let workers = max(1, min(configuration.effectiveJobs, selected.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard index < selected.count else { return }
                let input = selected[index]
                let runner = ReportRunner(
                    source: ReportSource(url: input.url, displayPath: input.displayPath, reportID: input.id),
                    configuration: configuration,
                    workspace: ReportWorkspace(root: outputFolder.appendingPathComponent(input.id, isDirectory: true)),
                    baseFolder: baseFolder, plan: stages, forced: forced, optionsSHA256: optionsSHA256)
                let outcome = runner.run()
                Quarantine.update(outcome, outputFolder: outputFolder)
                let line = RunLog.line(for: outcome)
                reporting.withLock { log in
                    report(outcome)
                    log.append(line: line)
                }
                let rows = outcome.manifest.map(Catalog.rows(of:)) ?? []
                catalog.withLock { $0.finished(index, rows: rows) }
                if let figures = outcome.manifest?.summary {
                    if outcome.succeeded, let value = figures[ExpenditureByClass.summaryKey],
                       let expenditure = ExpenditureByClass(summaryValue: value) {
                        chart.withLock { $0.add(year: figures["year"] ?? "", expenditure) }
                    }
                    charted.withLock { $0.insert(index) }
                }
                finished.withLock { $0.add(outcome, at: index) }
            }
        }
        for refusal in refused { Quarantine.update(refusal, outputFolder: outputFolder) }
        try catalog.withLock { try $0.finish() }
        summary = finished.withLock { $0.summaryWithFailuresInOrder() }
        let chartedBits = charted.withLock { $0 }
        try RunIndex.write(outputFolder: outputFolder, chart: chart.withLock { $0 }) { id in
            selected.indexOfSorted(id: id).map(chartedBits.contains) ?? false
        }
        try reporting.withLock { log in try log.finish(summary) }
        return summary
    }

    /// Why a symbolic link among the inputs is not read: it leads nowhere, or out of the input
    /// folder (a link to a system file must not become a report) unless the configuration allows it.
    private func refusedLink(_ input: ReportInput) -> ReportError? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: input.url.path) else { return nil }
        let resolved = input.url.resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: resolved.path) else {
            return ReportError(file: input.displayPath, message: "is a symbolic link to \(target), which does not exist",
                               hint: "remove the link or restore its target")
        }
        let folder = inputFolder.resolvingSymlinksInPath().path + "/"
        guard !resolved.path.hasPrefix(folder), !configuration.allowLinksOutsideInput else { return nil }
        return ReportError(file: input.displayPath, message: "is a symbolic link to \(resolved.path), outside the input folder",
                           hint: "copy the report into the input folder, or set \"allowLinksOutsideInput\": true in the configuration")
    }

    private func resolve(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseFolder.appendingPathComponent(path))
            .standardizedFileURL
    }

    /// The display path of the file `name` in the (standardized) folder at `folder`: a name has no
    /// `/` and is not `.` or `..`, so joining them is what standardizing the URL would give.
    private func display(_ folder: String, _ name: String) -> String {
        display(path: folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)")
    }

    /// A path as people see it: relative to the configuration's folder when inside it.
    private func display(path: String) -> String {
        let base = baseFolder.path.hasSuffix("/") ? baseFolder.path : baseFolder.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// Reports finish in any order; the catalog takes their rows in report id order. A report's rows
/// wait here until every report before it has finished: as many as run at once, in practice.
private struct CatalogInOrder: ~Copyable {
    var update: CatalogUpdate
    private var waiting: [Int: [[String]]] = [:]
    private var next = 0
    /// The first write that failed; the run reports it when it ends.
    private var failure: (any Error)?

    init(update: consuming CatalogUpdate) {
        self.update = update
    }

    mutating func finished(_ index: Int, rows: [[String]]) {
        waiting[index] = rows
        while let ready = waiting.removeValue(forKey: next) {
            next += 1
            guard failure == nil else { continue }
            do { try update.add(ready) } catch { failure = error }
        }
    }

    mutating func finish() throws {
        if let failure { throw failure }
        try update.finish()
    }
}

/// What a run keeps of its reports until it ends: the summary's counts, and the reports that
/// failed with their place in id order. Reports finish in any order; the summary lists the
/// failures in id order, after the refused inputs.
private struct FinishedReports {
    private var summary: RunSummary
    private var failures: [(index: Int, outcome: ReportOutcome)] = []

    init(summary: RunSummary) {
        self.summary = summary
    }

    mutating func add(_ outcome: ReportOutcome, at index: Int) {
        if outcome.succeeded {
            summary.add(outcome)
        } else {
            var kept = outcome
            kept.manifest = nil
            failures.append((index, kept))
        }
    }

    func summaryWithFailuresInOrder() -> RunSummary {
        var summary = summary
        for failure in failures.sorted(by: { $0.index < $1.index }) { summary.add(failure.outcome) }
        return summary
    }
}

extension [ReportInput] {
    /// The place of the input with report id `id` in an array sorted by id (ids are unique).
    func indexOfSorted(id: String) -> Int? {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && self[low].id == id ? low : nil
    }
}
