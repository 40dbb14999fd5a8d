import BudgetCore

/// A report's line of the run log, written by hand: one per report on every run, and
/// `JSONEncoder` (a tree of boxed values, its keys sorted) took longer than reading the report's
/// manifest. The bytes are `JSONEncoder`'s with sorted keys and unescaped slashes, as the log's
/// summary line is written (tested equal): members in UTF-8 order of their names, absent ones
/// left out, strings escaped as `JSONEncoder` escapes them.
extension RunLog.ReportLine {
    var json: [UInt8] {
        var out = LineWriter()
        out.begin()
        if let error {
            out.name("error")
            out.begin()
            if let byteOffset = error.byteOffset { out.member("byteOffset", byteOffset) }
            out.member("file", error.file)
            if let hint = error.hint { out.member("hint", hint) }
            if let line = error.line { out.member("line", line) }
            out.member("message", error.message)
            if let stage = error.stage { out.member("stage", stage) }
            out.end()
        }
        if let facts { out.member("facts", facts) }
        if let failedChecks { out.member("failedChecks", failedChecks) }
        out.member("microseconds", microseconds)
        out.member("ran", ran)
        out.member("report", report)
        out.member("skipped", skipped)
        out.member("source", source)
        out.member("status", status)
        if let tables { out.member("tables", tables) }
        if let unverifiedChecks { out.member("unverifiedChecks", unverifiedChecks) }
        if let warnings { out.member("warnings", warnings) }
        out.end()
        return out.bytes
    }
}

/// Compact JSON objects member by member, escaped as `JSONEncoder` escapes.
private struct LineWriter {
    var bytes: [UInt8] = []
    /// Whether the open object has no member yet.
    private var empty = true

    init() { bytes.reserveCapacity(256) }

    mutating func begin() {
        bytes.append(UInt8(ascii: "{"))
        empty = true
    }

    mutating func end() {
        bytes.append(UInt8(ascii: "}"))
        empty = false
    }

    mutating func name(_ name: String) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func member(_ name: String, _ value: String) {
        self.name(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Int) {
        self.name(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func member(_ name: String, _ values: [String]) {
        self.name(name)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
