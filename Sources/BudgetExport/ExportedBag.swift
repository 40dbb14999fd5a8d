import BudgetCore
import Foundation

/// The export stage's artifact: the bag's payload as its manifest lists it, each file by path
/// under `data/` with its SHA-256 and size.
public struct ExportedBag: Sendable, Equatable {
    /// The bag's payload folder (RFC 8493).
    public static let payloadFolder = "data"
    /// The extracted text, inside the payload.
    public static let sourceText = "source/text.txt"

    public var payload: [BagTagFiles.Payload]
    /// How many records `facts.csv` has.
    public var facts: Int

    /// Reads the artifact back from the bag: its payload manifest, and `Facts` from `bag-info.txt`.
    public static func load(from folder: StageFolder) throws -> ExportedBag {
        let manifest = String(decoding: try folder.read(BagTagFiles.payloadManifest), as: UTF8.self)
        let info = String(decoding: try folder.read(BagTagFiles.info), as: UTF8.self)
        let prefix = "\(payloadFolder)/"
        var payload: [BagTagFiles.Payload] = []
        for (path, sha256) in BagTagFiles.parseManifest(manifest) where path.hasPrefix(prefix) {
            let size = FileSystem.stamp(of: folder.url(of: path))?.size ?? 0
            payload.append(BagTagFiles.Payload(path: String(path.dropFirst(prefix.count)), sha256: sha256, size: size))
        }
        let facts = BagTagFiles.value(of: "Facts", in: info).flatMap { Int($0) } ?? 0
        return ExportedBag(payload: payload, facts: facts)
    }
}
