import BudgetCore
import Foundation

/// Reads `manifest.json` by hand, for the manifest's known shape: every run reads one per report,
/// and on a run with nothing to do that was most of the time even with `JSONStreamDecoder`, whose
/// cost is the `Decodable` machinery itself (a boxed container and generic metadata for each of
/// the ~30 objects of a manifest), not the parsing.
///
/// `read` returns nil for anything it was not written for, and the caller then reads the
/// manifest with the generic decoders, which stay the reference: a member it does not know (a
/// manifest written by a newer budget-etl, or the nested `stamp` of 0.5), a member given twice,
/// an escape in a string (an error message with a quote), a number with a fraction, `null` where
/// a value is required, a syntax error. What it does return is what `JSONStreamDecoder` reads from
/// the same bytes (tested on random manifests): the fields below are `Manifest`'s, and a field
/// added there must be added here, or every manifest that has it takes the slow path.
enum ManifestReader {
    /// The manifest in `data`: read by hand when it has the known shape, else by
    /// `JSONStreamDecoder` (a fraction of JSONDecoder's time), else by `JSONDecoder`, which still
    /// reads what the others do not (`1.0` for an `Int`). Nil when none can.
    static func decode(_ data: Data) -> Manifest? {
        if let manifest = read(data) { return manifest }
        return (try? JSONStreamDecoder.decode(Manifest.self, from: data)) ?? (try? JSONCoding.decode(Manifest.self, from: data))
    }

    /// The manifest read by hand; nil for anything outside the known shape.
    static func read(_ data: Data) -> Manifest? {
        data.withUnsafeBytes { raw in
            var scanner = JSONByteScanner(raw.bindMemory(to: UInt8.self))
            guard let manifest = try? manifest(&scanner), scanner.atEnd() else { return nil }
            return manifest
        }
    }

    private typealias Unexpected = JSONByteScanner.Unexpected

    /// Notes each member of an object as it is read: a member given twice, or none of the known
    /// ones, is unexpected.
    private struct Seen {
        private var bits: UInt32 = 0

        mutating func mark(_ member: Int) throws(Unexpected) {
            let bit: UInt32 = 1 << UInt32(member)
            guard bits & bit == 0 else { throw Unexpected() }
            bits |= bit
        }
    }

    private static func manifest(_ scanner: inout JSONByteScanner) throws(Unexpected) -> Manifest {
        var schemaVersion: Int?, reportId: String?, source: FileRecord?, software: Manifest.Software?, status: Manifest.Status?
        var error: ReportError?, stages: [StageRecord]?, updated: String?, ingested: String?, summary: [String: String]?
        var versions: [ReportVersion]?
        var seen = Seen()
        var first = true
        try scanner.beginObject()
        while let name = try scanner.nextMember(first: &first) {
            if scanner.name(name, is: "schemaVersion") {
                try seen.mark(0)
                schemaVersion = try scanner.int()
            } else if scanner.name(name, is: "reportId") {
                try seen.mark(1)
                reportId = try scanner.string()
            } else if scanner.name(name, is: "source") {
                try seen.mark(2)
                source = try fileRecord(&scanner)
            } else if scanner.name(name, is: "software") {
                try seen.mark(3)
                software = try self.software(&scanner)
            } else if scanner.name(name, is: "status") {
                try seen.mark(4)
                status = try self.status(&scanner)
            } else if scanner.name(name, is: "error") {
                try seen.mark(5)
                error = scanner.null() ? nil : try reportError(&scanner)
            } else if scanner.name(name, is: "stages") {
                try seen.mark(6)
                stages = try array(&scanner, of: stageRecord)
            } else if scanner.name(name, is: "updated") {
                try seen.mark(7)
                updated = try scanner.string()
            } else if scanner.name(name, is: "ingested") {
                try seen.mark(8)
                ingested = scanner.null() ? nil : try scanner.string()
            } else if scanner.name(name, is: "summary") {
                try seen.mark(9)
                summary = scanner.null() ? nil : try self.summary(&scanner)
            } else if scanner.name(name, is: "versions") {
                try seen.mark(10)
                versions = scanner.null() ? nil : try array(&scanner, of: reportVersion)
            } else {
                throw Unexpected()
            }
        }
        guard let schemaVersion, let reportId, let source, let software, let status, let stages, let updated else { throw Unexpected() }
        return Manifest(schemaVersion: schemaVersion, reportId: reportId, source: source, software: software, status: status,
                        error: error, stages: stages, updated: updated, ingested: ingested, summary: summary, versions: versions)
    }

    private static func array<Element>(_ scanner: inout JSONByteScanner,
                                       of element: (inout JSONByteScanner) throws(Unexpected) -> Element) throws(Unexpected) -> [Element] {
        var elements: [Element] = []
        var first = true
        try scanner.beginArray()
        while try scanner.nextElement(first: &first) { elements.append(try element(&scanner)) }
        return elements
    }

    private static func status(_ scanner: inout JSONByteScanner) throws(Unexpected) -> Manifest.Status {
        guard let status = Manifest.Status(rawValue: try scanner.string()) else { throw Unexpected() }
        return status
    }

    private static func software(_ scanner: inout JSONByteScanner) throws(Unexpected) -> Manifest.Software {
        var name: String?, version: String?, libxml2: String?
        var seen = Seen()
        var first = true
        try scanner.beginObject()
        while let member = try scanner.nextMember(first: &first) {
            if scanner.name(member, is: "name") {
                try seen.mark(0)
                name = try scanner.string()
            } else if scanner.name(member, is: "version") {
                try seen.mark(1)
                version = try scanner.string()
            } else if scanner.name(member, is: "libxml2") {
                try seen.mark(2)
                libxml2 = try scanner.string()
            } else {
                throw Unexpected()
            }
        }
        guard let name, let version, let libxml2 else { throw Unexpected() }
        return Manifest.Software(name: name, version: version, libxml2: libxml2)
    }

    private static func stageRecord(_ scanner: inout JSONByteScanner) throws(Unexpected) -> StageRecord {
        var stage: String?, status: Manifest.Status?, pipelineVersion: String?, optionsSHA256: String?
        var inputs: [FileRecord]?, outputs: [FileRecord]?, error: ReportError?, finished: String?, durationMicroseconds: Int?
        var seen = Seen()
        var first = true
        try scanner.beginObject()
        while let name = try scanner.nextMember(first: &first) {
            if scanner.name(name, is: "stage") {
                try seen.mark(0)
                stage = try scanner.string()
            } else if scanner.name(name, is: "status") {
                try seen.mark(1)
                status = try self.status(&scanner)
            } else if scanner.name(name, is: "pipelineVersion") {
                try seen.mark(2)
                pipelineVersion = try scanner.string()
            } else if scanner.name(name, is: "optionsSHA256") {
                try seen.mark(3)
                optionsSHA256 = try scanner.string()
            } else if scanner.name(name, is: "inputs") {
                try seen.mark(4)
                inputs = try array(&scanner, of: fileRecord)
            } else if scanner.name(name, is: "outputs") {
                try seen.mark(5)
                outputs = try array(&scanner, of: fileRecord)
            } else if scanner.name(name, is: "error") {
                try seen.mark(6)
                error = scanner.null() ? nil : try reportError(&scanner)
            } else if scanner.name(name, is: "finished") {
                try seen.mark(7)
                finished = try scanner.string()
            } else if scanner.name(name, is: "durationMicroseconds") {
                try seen.mark(8)
                durationMicroseconds = try scanner.int()
            } else {
                throw Unexpected()
            }
        }
        guard let stage, let status, let pipelineVersion, let optionsSHA256, let inputs, let outputs, let finished,
              let durationMicroseconds else { throw Unexpected() }
        return StageRecord(stage: stage, status: status, pipelineVersion: pipelineVersion, optionsSHA256: optionsSHA256, inputs: inputs,
                           outputs: outputs, error: error, finished: finished, durationMicroseconds: durationMicroseconds)
    }

    /// A `FileRecord` as it writes itself: the stamp flat beside the size (`modified`, `inode`).
    /// The nested `stamp` object of earlier versions is left to the generic decoders.
    private static func fileRecord(_ scanner: inout JSONByteScanner) throws(Unexpected) -> FileRecord {
        var path: String?, sha256: String?, size: Int?, modified: Int64?, inode: UInt64?
        var seen = Seen()
        var first = true
        try scanner.beginObject()
        while let name = try scanner.nextMember(first: &first) {
            if scanner.name(name, is: "path") {
                try seen.mark(0)
                path = try scanner.string()
            } else if scanner.name(name, is: "sha256") {
                try seen.mark(1)
                sha256 = try scanner.string()
            } else if scanner.name(name, is: "size") {
                try seen.mark(2)
                size = try scanner.int()
            } else if scanner.name(name, is: "modified") {
                try seen.mark(3)
                modified = scanner.null() ? nil : try scanner.int64()
            } else if scanner.name(name, is: "inode") {
                try seen.mark(4)
                inode = scanner.null() ? nil : try scanner.uint64()
            } else {
                throw Unexpected()
            }
        }
        guard let path, let sha256, let size else { throw Unexpected() }
        // As `FileRecord.init(from:)`: a stamp only when both halves are there.
        let stamp = modified.flatMap { modified in inode.map { FileStamp(size: size, modifiedNanoseconds: modified, inode: $0) } }
        return FileRecord(path: path, sha256: sha256, size: size, stamp: stamp)
    }

    private static func reportError(_ scanner: inout JSONByteScanner) throws(Unexpected) -> ReportError {
        var file: String?, line: Int?, byteOffset: Int?, stage: String?, message: String?, hint: String?
        var seen = Seen()
        var first = true
        try scanner.beginObject()
        while let name = try scanner.nextMember(first: &first) {
            if scanner.name(name, is: "file") {
                try seen.mark(0)
                file = try scanner.string()
            } else if scanner.name(name, is: "line") {
                try seen.mark(1)
                line = scanner.null() ? nil : try scanner.int()
            } else if scanner.name(name, is: "byteOffset") {
                try seen.mark(2)
                byteOffset = scanner.null() ? nil : try scanner.int()
            } else if scanner.name(name, is: "stage") {
                try seen.mark(3)
                stage = scanner.null() ? nil : try scanner.string()
            } else if scanner.name(name, is: "message") {
                try seen.mark(4)
                message = try scanner.string()
            } else if scanner.name(name, is: "hint") {
                try seen.mark(5)
                hint = scanner.null() ? nil : try scanner.string()
            } else {
                throw Unexpected()
            }
        }
        guard let file, let message else { throw Unexpected() }
        return ReportError(file: file, line: line, byteOffset: byteOffset, stage: stage, message: message, hint: hint)
    }

    private static func reportVersion(_ scanner: inout JSONByteScanner) throws(Unexpected) -> ReportVersion {
        var sha256: String?, source: String?, ingested: String?, status: Manifest.Status?, error: ReportError?
        var summary: [String: String]?, folder: String?
        var seen = Seen()
        var first = true
        try scanner.beginObject()
        while let name = try scanner.nextMember(first: &first) {
            if scanner.name(name, is: "sha256") {
                try seen.mark(0)
                sha256 = try scanner.string()
            } else if scanner.name(name, is: "source") {
                try seen.mark(1)
                source = try scanner.string()
            } else if scanner.name(name, is: "ingested") {
                try seen.mark(2)
                ingested = scanner.null() ? nil : try scanner.string()
            } else if scanner.name(name, is: "status") {
                try seen.mark(3)
                status = try self.status(&scanner)
            } else if scanner.name(name, is: "error") {
                try seen.mark(4)
                error = scanner.null() ? nil : try reportError(&scanner)
            } else if scanner.name(name, is: "summary") {
                try seen.mark(5)
                summary = scanner.null() ? nil : try self.summary(&scanner)
            } else if scanner.name(name, is: "folder") {
                try seen.mark(6)
                folder = try scanner.string()
            } else {
                throw Unexpected()
            }
        }
        guard let sha256, let source, let status, let folder else { throw Unexpected() }
        return ReportVersion(sha256: sha256, source: source, ingested: ingested, status: status, error: error, summary: summary,
                             folder: folder)
    }

    /// The summary: text keys to text values (a key given twice is left to the generic decoders).
    private static func summary(_ scanner: inout JSONByteScanner) throws(Unexpected) -> [String: String] {
        var summary: [String: String] = [:]
        var first = true
        try scanner.beginObject()
        while let name = try scanner.nextMember(first: &first) {
            let key = try scanner.text(of: name)
            guard summary.updateValue(try scanner.string(), forKey: key) == nil else { throw Unexpected() }
        }
        return summary
    }
}
