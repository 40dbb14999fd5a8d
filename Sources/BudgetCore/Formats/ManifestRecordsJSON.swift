// The records a report's manifest.json holds by the dozen (each stage's inputs and outputs, and
// an error where one stopped it) write their own JSON: through their `Encodable` conformances they
// were most of the manifest's cost. The conformances stay the definition of the format; see
// `JSONDirectEncodable` for the rules, and `JSONDirectEncodingTests` for the bytes held equal.

extension FileRecord: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"path\":")
        out.string(path)
        out.raw(",\"sha256\":")
        out.string(sha256)
        out.raw(",\"size\":")
        out.int(size)
        // As `encode(to:)`: a stamp is written only while it describes a file of this size.
        if let stamp, stamp.size == size {
            out.raw(",\"modified\":")
            out.integer(stamp.modifiedNanoseconds)
            out.raw(",\"inode\":")
            out.integer(stamp.inode)
        }
        out.byte(UInt8(ascii: "}"))
    }
}

extension ReportError: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"file\":")
        out.string(file)
        if let line { out.raw(",\"line\":"); out.int(line) }
        if let byteOffset { out.raw(",\"byteOffset\":"); out.int(byteOffset) }
        if let stage { out.raw(",\"stage\":"); out.string(stage) }
        out.raw(",\"message\":")
        out.string(message)
        if let hint { out.raw(",\"hint\":"); out.string(hint) }
        out.byte(UInt8(ascii: "}"))
    }
}
