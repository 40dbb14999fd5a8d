extension Array where Element == String {
    /// The same string as `joined(separator:)`, built in this module: the standard library's
    /// `joined` is generic and not inlinable, so every call ran unspecialized — some 500
    /// instructions for a two-level header path, 2,000 for a row of cells — on paths called for
    /// every column and rows read for every table. (Appending piece by piece to a reserved string
    /// cost as much: each `append` is a call of 300 instructions.) Here the pieces' UTF-8 is
    /// copied into the new string's storage, sized once.
    package func concatenated(separator: String = "") -> String {
        guard count > 1 else { return first ?? "" }
        var size = separator.utf8.count * (count - 1)
        for piece in self { size += piece.utf8.count }
        return String(unsafeUninitializedCapacity: size) { storage in
            var end = 0
            func copy(_ piece: String) {
                TextPatterns.withUTF8(piece) { bytes in
                    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                    UnsafeMutableRawPointer(storage.baseAddress! + end).copyMemory(from: source, byteCount: bytes.count)
                    end += bytes.count
                }
            }
            copy(self[0])
            for index in 1..<count {
                copy(separator)
                copy(self[index])
            }
            return end
        }
    }
}
