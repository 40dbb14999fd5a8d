/// A table's row: its members (`Fields`, NormalizedReport.swift) in one box shared by every copy
/// until one of them is changed (copy on write).
///
/// Why a box: rows are read in loops over a table in every stage after normalize, and each
/// `for row in table.rows` copies the row it hands out, about 2,100 copies a report. A copy of the
/// plain struct retained its eight strings and its cells one by one and released them after; a
/// copy of the box is one retain. `make bench-instructions`: 0.91 M fewer instructions a report
/// (1.6 % without SHA-256), reconcile most of it.
public struct NormalizedRow: Codable, Sendable, Equatable {
    @usableFromInline var box: Box

    @inlinable public init(_ fields: Fields) { box = Box(fields) }

    public init(number: Int, line: Int, section: String? = nil, group: String? = nil, code: String? = nil,
                codeScheme: CodeScheme? = nil, level: Int? = nil, parent: String? = nil, item: String? = nil,
                printedItem: String? = nil, itemColumn: Int? = nil, itemSource: String? = nil, ordinal: String? = nil,
                isTotal: Bool, cells: [NormalizedCell]) {
        self.init(Fields(number: number, line: line, section: section, group: group, code: code, codeScheme: codeScheme,
                         level: level, parent: parent, item: item, printedItem: printedItem, itemColumn: itemColumn,
                         itemSource: itemSource, ordinal: ordinal, isTotal: isTotal, cells: cells))
    }

    public init(from decoder: any Decoder) throws { self.init(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    public static func == (a: NormalizedRow, b: NormalizedRow) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    /// Every member at once.
    public var fields: Fields {
        @inlinable get { box.fields }
        @inlinable _modify { makeUnique(); yield &box.fields }
    }

    public var number: Int {
        @inlinable get { box.fields.number }
        @inlinable _modify { makeUnique(); yield &box.fields.number }
    }
    public var line: Int {
        @inlinable get { box.fields.line }
        @inlinable _modify { makeUnique(); yield &box.fields.line }
    }
    public var section: String? {
        @inlinable get { box.fields.section }
        @inlinable _modify { makeUnique(); yield &box.fields.section }
    }
    public var group: String? {
        @inlinable get { box.fields.group }
        @inlinable _modify { makeUnique(); yield &box.fields.group }
    }
    public var code: String? {
        @inlinable get { box.fields.code }
        @inlinable _modify { makeUnique(); yield &box.fields.code }
    }
    public var codeScheme: CodeScheme? {
        @inlinable get { box.fields.codeScheme }
        @inlinable _modify { makeUnique(); yield &box.fields.codeScheme }
    }
    public var level: Int? {
        @inlinable get { box.fields.level }
        @inlinable _modify { makeUnique(); yield &box.fields.level }
    }
    public var parent: String? {
        @inlinable get { box.fields.parent }
        @inlinable _modify { makeUnique(); yield &box.fields.parent }
    }
    public var item: String? {
        @inlinable get { box.fields.item }
        @inlinable _modify { makeUnique(); yield &box.fields.item }
    }
    public var printedItem: String? {
        @inlinable get { box.fields.printedItem }
        @inlinable _modify { makeUnique(); yield &box.fields.printedItem }
    }
    public var itemColumn: Int? {
        @inlinable get { box.fields.itemColumn }
        @inlinable _modify { makeUnique(); yield &box.fields.itemColumn }
    }
    public var itemSource: String? {
        @inlinable get { box.fields.itemSource }
        @inlinable _modify { makeUnique(); yield &box.fields.itemSource }
    }
    public var ordinal: String? {
        @inlinable get { box.fields.ordinal }
        @inlinable _modify { makeUnique(); yield &box.fields.ordinal }
    }
    public var isTotal: Bool {
        @inlinable get { box.fields.isTotal }
        @inlinable _modify { makeUnique(); yield &box.fields.isTotal }
    }
    public var cells: [NormalizedCell] {
        @inlinable get { box.fields.cells }
        @inlinable _modify { makeUnique(); yield &box.fields.cells }
    }

    /// Gives this row a box of its own before a member is changed, so no other copy sees it.
    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    /// Sendable because a box is only ever changed through `makeUnique`: while one row alone holds
    /// it, so no other copy, on any thread, can see the change. Reads and writes of `fields` skip
    /// the runtime's exclusivity check for the same reason: checking every read of a member cost
    /// 0.48 M instructions a report, half of what the box saves.
    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline @exclusivity(unchecked) var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }
}
