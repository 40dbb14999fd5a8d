import BudgetCore
import Foundation

/// Turns a report's bytes into normalized text. The encoding is detected by validity — a
/// byte-order mark first, then UTF-8, then GB18030 — or forced by the `encoding` option, and is
/// never guessed silently: input that no candidate decodes is an error naming the byte offset.
package struct TextExtractor {
    package let options: ExtractOptions
    /// The input's path, for error messages.
    package let file: String

    /// Package-visible (the memberwise init is internal) for the fuzz target, Fuzz/budget-etl-fuzz.
    package init(options: ExtractOptions, file: String) {
        self.options = options
        self.file = file
    }

    package func extract(_ data: Data) throws(ReportError) -> ExtractedText {
        guard data.count <= options.maxInputBytes else {
            throw failure(nil, "is \(data.count) bytes, more than options.extract.maxInputBytes (\(options.maxInputBytes))",
                          hint: "raise the limit if this file really is a report", data: data)
        }
        let bytes = [UInt8](data)
        let (encoding, hasBOM, text) = try bytes.withUnsafeBufferPointer { buffer throws(ReportError) in
            if let signature = FileSignatures.match(buffer) {
                throw failure(0, "not a budget report: it is \(signature.format), not text", hint: signature.hint, bytes: buffer)
            }
            return try decode(buffer)
        }
        guard text.utf8.contains(where: { !Self.isBlank($0) }) else {
            throw failure(nil, data.isEmpty ? "not a budget report: the file is empty" : "not a budget report: it holds only blank lines",
                          hint: "check that the file was extracted or copied completely", data: data)
        }
        let utf8 = text.utf8
        let info = ExtractInfo(
            source: .init(file: (file as NSString).lastPathComponent, size: data.count, sha256: Checksum.sha256(data)),
            encoding: encoding,
            byteOrderMark: hasBOM,
            lineEndings: Self.lineEndings(text),
            lines: text.lines,
            pages: text.formFeeds + 1,
            formFeeds: text.formFeeds,
            removedControlCharacters: .init(
                total: text.removed.values.reduce(0, +),
                byCodePoint: Dictionary(uniqueKeysWithValues: text.removed.map { (Self.codePoint($0.key), $0.value) })),
            textBytes: utf8.count)
        return ExtractedText(text: String(decoding: utf8, as: UTF8.self), info: info)
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReportError) -> (TextEncoding, Bool, NormalizedText) {
        let mark = ByteOrderMark(bytes)
        if mark == .utf32 {
            throw failure(0, "starts with a UTF-32 byte-order mark; UTF-32 is not supported",
                          hint: "convert the file to UTF-8 (iconv -f UTF-32 -t UTF-8)", bytes: bytes)
        }
        let body = UnsafeBufferPointer(rebasing: bytes[mark.length...])
        if options.encoding != .auto, let marked = mark.encoding, marked.rawValue != options.encoding.rawValue {
            throw failure(0, "starts with a \(marked.rawValue) byte-order mark, but options.extract.encoding says \(options.encoding.rawValue)",
                          hint: "remove the encoding option or correct it", bytes: bytes)
        }
        let encoding: TextEncoding
        switch options.encoding {
        case .auto:
            if let marked = mark.encoding {
                encoding = marked
            } else {
                return try detect(body, in: bytes)
            }
        case .utf8: encoding = .utf8
        case .utf16LE: encoding = .utf16LE
        case .utf16BE: encoding = .utf16BE
        case .gb18030: encoding = .gb18030
        }
        return (encoding, mark.length > 0, try decode(body, as: encoding, in: bytes, offset: mark.length))
    }

    /// No byte-order mark and no forced encoding: UTF-8 if valid, else GB18030 if valid, else an error.
    private func detect(_ body: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) throws(ReportError) -> (TextEncoding, Bool, NormalizedText) {
        try refuseWideTextWithoutBOM(body)
        let utf8Failure: Int
        do {
            return (.utf8, false, try TextNormalizer.normalize(utf8: body))
        } catch {
            utf8Failure = error.offset
        }
        do throws(SourceDecoders.Invalid) {
            return (.gb18030, false, try normalizeDecoded(SourceDecoders.gb18030(body, offset: 0)))
        } catch {
            let invalid = error
            throw failure(utf8Failure,
                          "is neither UTF-8 (invalid byte 0x\(String(bytes[utf8Failure], radix: 16, uppercase: true)) at offset \(utf8Failure))"
                              + " nor GB18030 (\(invalid.reason) at offset \(invalid.offset))",
                          hint: "convert the file to UTF-8, or set options.extract.encoding to its encoding", bytes: bytes)
        }
    }

    private func decode(_ body: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding, in bytes: UnsafeBufferPointer<UInt8>,
                        offset: Int) throws(ReportError) -> NormalizedText {
        do throws(SourceDecoders.Invalid) {
            switch encoding {
            case .utf8:
                do {
                    return try TextNormalizer.normalize(utf8: body)
                } catch {
                    throw SourceDecoders.Invalid(offset: offset + error.offset, reason: "not a UTF-8 sequence")
                }
            case .utf16LE, .utf16BE:
                return try normalizeDecoded(SourceDecoders.utf16(body, bigEndian: encoding == .utf16BE, offset: offset))
            case .gb18030:
                return try normalizeDecoded(SourceDecoders.gb18030(body, offset: offset))
            }
        } catch {
            let invalid = error
            throw failure(invalid.offset, "is not valid \(encoding.rawValue): \(invalid.reason)",
                          hint: "check options.extract.encoding, or convert the file to UTF-8", bytes: bytes,
                          utf16: encoding == .utf16LE || encoding == .utf16BE ? encoding : nil)
        }
    }

    /// Normalizes text a decoder produced (valid UTF-8, unless the decoder has a bug).
    private func normalizeDecoded(_ utf8: [UInt8]) throws(SourceDecoders.Invalid) -> NormalizedText {
        do {
            return try utf8.withUnsafeBufferPointer { buffer throws(TextNormalizer.InvalidUTF8) in
                try TextNormalizer.normalize(utf8: buffer)
            }
        } catch {
            throw SourceDecoders.Invalid(offset: 0, reason: "the decoder produced invalid UTF-8 (a budget-etl bug)")
        }
    }

    /// UTF-8 allows NUL, and GB18030 accepts many byte pairs, so UTF-16 or UTF-32 without a
    /// byte-order mark can pass as either. Such text has NUL bytes (the high half of every ASCII
    /// character: digits, tabs, line feeds) gathered on one side of each byte pair, which real
    /// UTF-8 or GB18030 text does not. Decoding it anyway would be a silent guess; refuse it.
    private func refuseWideTextWithoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReportError) {
        // Nearly every file has no NUL at all, which one vectorized search tells.
        guard let start = bytes.baseAddress, memchr(start, 0, bytes.count) != nil else { return }
        var nulAtEven = 0, nulAtOdd = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index & 1 == 0 { nulAtEven += 1 } else { nulAtOdd += 1 }
        }
        let nul = nulAtEven + nulAtOdd
        guard nul >= 8, nul * 20 >= bytes.count, max(nulAtEven, nulAtOdd) * 10 >= nul * 9 || nul * 3 >= bytes.count else {
            return
        }
        throw failure(bytes.firstIndex(of: 0),
                      "has \(nul) NUL bytes in \(bytes.count): it looks like UTF-16 or UTF-32 without a byte-order mark, or not text at all",
                      hint: "set options.extract.encoding to UTF-16LE or UTF-16BE if it is UTF-16", bytes: bytes)
    }

    /// Space, tab, line breaks and form feeds: what a file of blank lines holds.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private func failure(_ offset: Int?, _ message: String, hint: String, data: Data) -> ReportError {
        ReportError(file: file, line: nil, byteOffset: offset, stage: ExtractStage.name.rawValue, message: message, hint: hint)
    }

    private func failure(_ offset: Int?, _ message: String, hint: String, bytes: UnsafeBufferPointer<UInt8>,
                         utf16: TextEncoding? = nil) -> ReportError {
        ReportError(file: file, line: offset.map { Self.line(at: $0, in: bytes, utf16: utf16) }, byteOffset: offset,
                    stage: ExtractStage.name.rawValue, message: message, hint: hint)
    }

    /// The 1-based line holding byte `offset`: line breaks (LF, CRLF or CR) before it, plus one.
    package static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, utf16: TextEncoding?) -> Int {
        var line = 1
        let step = utf16 == nil ? 1 : 2
        var index = utf16 == nil ? 0 : 2 * (ByteOrderMark(bytes).length / 2)
        func unit(_ at: Int) -> UInt32 {
            guard let utf16 else { return UInt32(bytes[at]) }
            let first = UInt32(bytes[at]), second = UInt32(bytes[at + 1])
            return utf16 == .utf16BE ? first << 8 | second : second << 8 | first
        }
        while index + step <= min(offset, bytes.count) {
            let value = unit(index)
            if value == 0x0A || (value == 0x0D && !(index + 2 * step <= bytes.count && unit(index + step) == 0x0A)) {
                line += 1
            }
            index += step
        }
        return line
    }

    package static func lineEndings(_ text: NormalizedText) -> ExtractInfo.LineEndings {
        let kinds = [("LF", text.lineFeeds), ("CRLF", text.carriageReturnLineFeeds), ("CR", text.carriageReturns)]
            .filter { $0.1 > 0 }
        let style = kinds.isEmpty ? "none" : kinds.count == 1 ? kinds[0].0 : "mixed"
        return .init(style: style, lf: text.lineFeeds, crlf: text.carriageReturnLineFeeds, cr: text.carriageReturns)
    }

    package static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// The byte-order mark a file starts with, if any.
package enum ByteOrderMark: Equatable {
    case none, utf8, utf16LE, utf16BE, utf32

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 } }
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x00, 0x00, 0xFE, 0xFF]) {
            self = .utf32
        } else if starts([0xEF, 0xBB, 0xBF]) {
            self = .utf8
        } else if starts([0xFF, 0xFE]) {
            self = .utf16LE
        } else if starts([0xFE, 0xFF]) {
            self = .utf16BE
        } else {
            self = .none
        }
    }

    package var length: Int {
        switch self {
        case .none: 0
        case .utf8: 3
        case .utf16LE, .utf16BE: 2
        case .utf32: 4
        }
    }

    package var encoding: TextEncoding? {
        switch self {
        case .none, .utf32: nil
        case .utf8: .utf8
        case .utf16LE: .utf16LE
        case .utf16BE: .utf16BE
        }
    }
}
