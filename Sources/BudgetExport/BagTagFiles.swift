import BudgetCore
import BudgetExtract
import BudgetNormalize
import Foundation

/// The tag files of the bag the export folder is, made in memory: `bagit.txt`, `bag-info.txt`
/// (what the report is, with Dublin Core-style labels beside BagIt's reserved ones),
/// `manifest-sha256.txt` and `tagmanifest-sha256.txt`. No `Bagging-Date`: the same export gives
/// the same bag.
public struct BagTagFiles {
    package static let declaration = "bagit.txt"
    package static let info = "bag-info.txt"
    package static let payloadManifest = "manifest-sha256.txt"
    package static let tagManifest = "tagmanifest-sha256.txt"

    public struct Payload: Sendable, Equatable {
        /// Path under `data/`.
        public var path: String
        public var sha256: String
        public var size: Int
    }

    /// What the report is, for `bag-info.txt`.
    package struct Description {
        package var reportId: String
        package var metadata: ReportMetadata
        package var source: ExtractInfo.Source
        package var facts: Int
        package var checks: Int
    }

    /// Name and bytes of each tag file, the tag manifest last (it fixes the others).
    package let files: [(String, Data)]

    package init(description: Description, payload: [Payload]) {
        let declaration = Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)
        let info = Data(Self.bagInfo(description, payload: payload).utf8)
        let payloadManifest = Data(payload.map { "\($0.sha256)  \(Self.encodePath("data/\($0.path)"))\n" }.joined().utf8)
        let tags = [(Self.info, info), (Self.declaration, declaration), (Self.payloadManifest, payloadManifest)]
        let tagManifest = Data(tags.map { "\(Checksum.sha256($0.1))  \($0.0)\n" }.joined().utf8)
        files = tags + [(Self.tagManifest, tagManifest)]
    }

    package static func bagInfo(_ report: Description, payload: [Payload]) -> String {
        let metadata = report.metadata
        let year = metadata.fiscalYear.map { String($0) }
        let title = metadata.title ?? report.source.file
        let agent = "budget-etl \(PipelineVersion.current)"
        let description = "\(title): the archival record (report.xml, valid against budget-report.xsd, rendered as a page by "
            + "render.xsl), tidy CSV "
            + "(facts.csv, checks.csv, tables.csv) described by datapackage.json, and the text extracted from "
            + "\(report.source.file) (source/text.txt); made by \(agent)."
        let lines: [(String, String?)] = [
            ("Source-Organization", metadata.unitName),
            ("External-Identifier", report.reportId),
            ("External-Description", description),
            ("Bag-Software-Agent", agent),
            ("Payload-Oxum", "\(payload.reduce(0) { $0 + $1.size }).\(payload.count)"),
            ("Source-File", report.source.file),
            ("Source-File-SHA256", report.source.sha256),
            ("Source-File-Size", String(report.source.size)),
            ("Unit", metadata.unitName),
            ("Fiscal-Year", year),
            ("Report-Kind", metadata.kind?.rawValue),
            ("Amount-Unit", metadata.amountUnit),
            ("Pipeline-Version", PipelineVersion.current),
            ("Facts", String(report.facts)),
            ("Checks", String(report.checks)),
            ("DC-Title", title),
            ("DC-Identifier", report.reportId),
            ("DC-Publisher", metadata.unitName),
            ("DC-Date", year),
            ("DC-Coverage", year),
            ("DC-Type", "Dataset"),
            ("DC-Format", "application/xml; text/csv; text/plain"),
            ("DC-Language", "zh"),
            ("DC-Source", report.source.file),
            ("DC-Description", description),
        ]
        return lines.compactMap { label, value in
            value.map { "\(label): \(oneLine($0))\n" }
        }.joined()
    }

    /// The value of `label` in the text of a `bag-info.txt`.
    package static func value(of label: String, in info: String) -> String? {
        let prefix = "\(label): "
        return info.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// `path` as a manifest writes it: RFC 8493 percent-encodes CR, LF and `%`.
    package static func encodePath(_ path: String) -> String {
        guard path.contains(where: { $0 == "%" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return path }
        return path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    package static func decodePath(_ path: String) -> String {
        path.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// The entries of a manifest: `<checksum> <path>` per line.
    package static func parseManifest(_ text: String) -> [(path: String, sha256: String)] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            let path = line[space...].drop(while: { $0 == " " || $0 == "\t" })
            return (decodePath(String(path)), String(line[..<space]).lowercased())
        }
    }

    package static func payloadOxum(in bag: URL) -> String? {
        guard let info = try? String(contentsOf: bag.appendingPathComponent(Self.info), encoding: .utf8) else { return nil }
        return value(of: "Payload-Oxum", in: info)
    }

    package static func measureOxum(bag: URL) -> String {
        let data = bag.appendingPathComponent("data")
        let files = FileSystem.relativeFiles(under: data)
        let bytes = files.reduce(0) { $0 + (FileSystem.stamp(of: data.appendingPathComponent($1))?.size ?? 0) }
        return "\(bytes).\(files.count)"
    }

    /// A bag-info value on one line: each run of line breaks becomes a space, none at either end.
    private static func oneLine(_ value: String) -> String {
        // Nearly every value (names, years, checksums) has no line break, and splitting by
        // characters cost more than the rest of the file. A line break is a character of its own
        // (grapheme clusters break around it; CR LF is one), so one of these scalars is where
        // `Character.isNewline` holds.
        let breaksLine = value.unicodeScalars.contains {
            switch $0.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
            default: false
            }
        }
        guard breaksLine else { return value }
        return value.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
