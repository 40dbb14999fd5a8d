import Foundation

/// The growing buffer the file writers (CSV, JSON, XML, the page) append a report's bytes to:
/// a piece of text, a run of bytes or a single byte at a time, tens of thousands of times a report.
///
/// Why not `[UInt8]`: `Array.append(contentsOf:)` takes a run through the standard library's
/// generic sequence path (checking uniqueness, reserving, copying through an iterator's view of
/// the source), some 70 instructions besides the copy for each name, value or escape written,
/// which was one of the largest costs of writing the files. Here an append is a capacity check
/// and a `memcpy`, inlined into the writers; growth doubles the allocation with `realloc`.
///
/// A buffer belongs to one writer on one thread. It is a class (its memory is freed with it), so
/// a copy of a writer struct that holds one writes into the same buffer: writers are never copied.
public final class ByteBuffer {
    @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<UInt8>
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @usableFromInline @exclusivity(unchecked) var written = 0

    package init(capacity: Int = 1 << 12) {
        self.capacity = Swift.max(capacity, 16)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory for a \(self.capacity)-byte buffer") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(base)
    }

    /// Bytes written so far.
    package var count: Int { written }

    @inlinable
    public func append(_ byte: UInt8) {
        if written == capacity { grow(toHold: written + 1) }
        base[written] = byte
        written += 1
    }

    @inlinable @inline(__always)
    public func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if capacity - written < bytes.count { grow(toHold: written + bytes.count) }
        UnsafeMutableRawPointer(base + written).copyMemory(from: source, byteCount: bytes.count)
        written += bytes.count
    }

    @inlinable
    public func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// A string's UTF-8 (without a copy for a native string, every string this code builds).
    @inlinable @inline(__always)
    public func append(contentsOf utf8: String.UTF8View) {
        if utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) != nil { return }
        var copy = String(utf8)
        copy.withUTF8 { append(contentsOf: $0) }
    }

    @inlinable
    public func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// `byte` put before the byte at `index` (`index == count` appends it).
    package func insert(_ byte: UInt8, at index: Int) {
        precondition(index >= 0 && index <= written, "insert at \(index) of a \(written)-byte buffer")
        if written == capacity { grow(toHold: written + 1) }
        // copyMemory is a memmove: the two ranges overlap.
        UnsafeMutableRawPointer(base + index + 1).copyMemory(from: base + index, byteCount: written - index)
        base[index] = byte
        written += 1
    }

    /// Reverses the bytes from `start` to the end (digits written lowest first).
    package func reverse(from start: Int) {
        precondition(start >= 0 && start <= written, "reverse from \(start) of a \(written)-byte buffer")
        var digits = UnsafeMutableBufferPointer(start: base + start, count: written - start)
        digits.reverse()
    }

    /// Forgets the bytes written, keeping the memory.
    package func removeAll() {
        written = 0
    }

    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: written))
    }

    /// A copy of the bytes written.
    package var array: [UInt8] { withUnsafeBufferPointer { Array($0) } }

    /// The bytes written, handed over without a copy: the memory becomes the `Data`'s (freed with
    /// it) and the buffer starts again, empty. For a finished file: copying a report's files out
    /// of their buffers moved some 450 KB a report through `memcpy` and a second allocation.
    package func takeData() -> Data {
        guard written > 0 else { return Data() }
        let data = Data(bytesNoCopy: base, count: written, deallocator: .free)
        capacity = 16
        guard let memory = malloc(capacity) else { fatalError("out of memory for a \(capacity)-byte buffer") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        written = 0
        return data
    }

    /// Room for at least `minimum` bytes: twice the capacity, or more when that is not enough.
    @usableFromInline
    func grow(toHold minimum: Int) {
        let (doubled, overflow) = capacity.multipliedReportingOverflow(by: 2)
        let wanted = overflow ? minimum : Swift.max(doubled, minimum)
        guard let memory = realloc(base, wanted) else { fatalError("out of memory for a \(wanted)-byte buffer") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        capacity = wanted
    }
}
