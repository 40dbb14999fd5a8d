/// A stage's name, as `pipeline.json`, the manifests and the command line spell it. Each stage
/// declares its own (`ExtractStage.name`); the pipeline's stage table gives the order.
public struct StageName: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// Where each stage writes inside a report's folder (`01-extract` …), numbered by the stage
/// table's order. Built by the pipeline from its table; stages ask it for their neighbours' folders.
public struct StageLayout: Sendable {
    private let folderNames: [StageName: String]

    public init(order: [StageName]) {
        var names: [StageName: String] = [:]
        for (index, name) in order.enumerated() {
            names[name] = (index < 9 ? "0" : "") + "\(index + 1)-\(name.rawValue)"
        }
        folderNames = names
    }

    /// The folder under `output/<report-id>/` the stage writes, e.g. `01-extract`.
    public func folderName(_ stage: StageName) -> String {
        guard let name = folderNames[stage] else { preconditionFailure("stage \(stage) is not in the stage table") }
        return name
    }

    public var allFolderNames: [String] { folderNames.values.sorted() }
}
