extension ExactDecimal {
    /// The same text as `description`, made without the 128-bit division `description` does for
    /// every digit and without a heap buffer: the amounts reports print fit in 64 bits, and
    /// messages print hundreds of them.
    var text: String {
        let magnitude = significand.magnitude
        guard magnitude <= UInt128(UInt64.max), scale < 40 else { return description }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var digits = UInt64(magnitude)
            var end = 64
            var written = 0
            repeat {
                if written == scale, scale > 0 {
                    end -= 1
                    buffer[end] = UInt8(ascii: ".")
                }
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
                written += 1
            } while digits > 0 || written <= scale
            if significand < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
        }
    }
}
