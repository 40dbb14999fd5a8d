/// The stages budget-etl has built, in the one order they run. Each reads the files of the
/// stages before it and writes its own folder, `NN-<name>`, numbered by this order.
/// A stage that is not built yet is simply not listed here.
public enum StageName: String, CaseIterable, Codable, Comparable, Sendable {
    case extract
    case segment
    case normalize
    case reconcile
    case export

    /// 1-based position in the pipeline; also the `NN` of the stage's folder.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// The folder under `output/<report-id>/` the stage writes, e.g. `01-extract`.
    public var folderName: String {
        (number < 10 ? "0" : "") + "\(number)-\(rawValue)"
    }

    /// Stages whose files this stage reads; they must run (be listed) before it.
    public var requires: [StageName] {
        switch self {
        case .extract: []
        case .segment: [.extract]
        case .normalize: [.extract, .segment]
        case .reconcile: [.normalize]
        case .export: [.extract, .normalize, .reconcile]
        }
    }

    public static func < (lhs: StageName, rhs: StageName) -> Bool { lhs.number < rhs.number }

    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let name = StageName(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown stage \"\(text)\"; valid stages: \(Self.validNames)")
        }
        self = name
    }
}
