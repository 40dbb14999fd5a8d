import BudgetCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoders from the other encodings budget-etl reads into UTF-8. Each either decodes the whole
/// input or names the byte offset where it stopped being valid: no replacement characters.
package enum SourceDecoders {
    package struct Invalid: Error {
        package var offset: Int
        package var reason: String
    }

    /// UTF-16 (after the byte-order mark) to UTF-8; unpaired surrogates are invalid.
    package static func utf16(_ input: UnsafeBufferPointer<UInt8>, bigEndian: Bool, offset base: Int) throws(Invalid) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 2)
        let units = input.count / 2
        func unit(_ index: Int) -> UInt32 {
            let first = UInt32(input[index * 2]), second = UInt32(input[index * 2 + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        var index = 0
        while index < units {
            var scalar = unit(index)
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard index + 1 < units, case let low = unit(index + 1), low >= 0xDC00 && low <= 0xDFFF else {
                    throw Invalid(offset: base + index * 2, reason: "a UTF-16 high surrogate without its low half")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                index += 1
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw Invalid(offset: base + index * 2, reason: "a UTF-16 low surrogate without its high half")
            }
            appendUTF8(scalar, to: &output)
            index += 1
        }
        if input.count % 2 == 1 {
            throw Invalid(offset: base + input.count - 1, reason: "an odd number of bytes, which UTF-16 cannot have")
        }
        return output
    }

    /// GB18030 to UTF-8 through the C library's iconv.
    package static func gb18030(_ input: UnsafeBufferPointer<UInt8>, offset base: Int) throws(Invalid) -> [UInt8] {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            throw Invalid(offset: base, reason: "this system's iconv has no GB18030 converter")
        }
        defer { iconv_close(converter) }
        // A GB18030 sequence of n bytes never becomes more than 2n bytes of UTF-8.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var failure: Invalid?
        let produced = output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
            var inPointer: UnsafeMutablePointer<CChar>? = input.baseAddress.map {
                UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: CChar.self)
            }
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = outputBuffer.count
            while inLeft > 0 {
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    let consumed = input.count - inLeft
                    switch errno {
                    case EILSEQ: failure = Invalid(offset: base + consumed, reason: "not a GB18030 sequence")
                    case EINVAL: failure = Invalid(offset: base + consumed, reason: "a GB18030 sequence cut off by the end of the file")
                    default: failure = Invalid(offset: base + consumed, reason: "iconv failed (errno \(errno))")
                    }
                    break
                }
            }
            return outputBuffer.count - outLeft
        }
        if let failure { throw failure }
        output.removeLast(output.count - produced)
        return output
    }

    package static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
