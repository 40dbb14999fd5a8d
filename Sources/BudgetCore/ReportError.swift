/// Why one report could not be processed, and where: the file, and the line or byte offset
/// inside it when the problem has a place. The rest of a batch goes on without this report.
///
/// `description` reads like a compiler diagnostic (`file:line: message`) so editors and
/// terminals can jump to it; `hint` says what to do about it.
public struct ReportError: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var byteOffset: Int?
    public var stage: String?
    public var message: String
    public var hint: String?

    public init(file: String, line: Int? = nil, byteOffset: Int? = nil, stage: String? = nil,
                message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.stage = stage
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        var text = "\(place): "
        if let stage { text += "[\(stage)] " }
        text += message
        if let byteOffset { text += " (byte offset \(byteOffset))" }
        if let hint { text += "; \(hint)" }
        return text
    }
}
