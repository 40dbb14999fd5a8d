import BudgetCore
import Foundation

/// An HTML element the page uses, with what libxml2's HTML serializer knows of it (its element
/// table): whether it is inline (no line feeds around it), empty (`<br>`, no end tag) or keeps
/// no end tag when it has no content (`<li>`).
struct HTMLTag {
    /// A literal: copying a tag (every element start keeps one) then retains nothing.
    let name: StaticString
    let inline: Bool
    let empty: Bool
    let endTagOmittedWhenEmpty: Bool
    /// No line feed between its children: libxml2 tests the name's first letter, for `p`, `pre`
    /// and `param`.
    let keepsChildrenOnOneLine: Bool
    /// Whether line feeds go inside it around element content: not for inline elements, nor `p`.
    let indentsContent: Bool
    /// Text inside is written as it is (`<style>`, `<script>`).
    let rawText: Bool

    private init(_ name: StaticString, inline: Bool = false, empty: Bool = false, endTagOmittedWhenEmpty: Bool = false, rawText: Bool = false) {
        self.name = name
        self.inline = inline
        self.empty = empty
        self.endTagOmittedWhenEmpty = endTagOmittedWhenEmpty
        self.rawText = rawText
        keepsChildrenOnOneLine = name.utf8CodeUnitCount > 0 && name.utf8Start.pointee == UInt8(ascii: "p")
        indentsContent = !inline && !keepsChildrenOnOneLine
    }

    static let html = HTMLTag("html"), head = HTMLTag("head"), body = HTMLTag("body"), title = HTMLTag("title")
    static let style = HTMLTag("style", rawText: true)
    static let meta = HTMLTag("meta", empty: true), br = HTMLTag("br", inline: true, empty: true)
    static let h1 = HTMLTag("h1"), h2 = HTMLTag("h2"), h3 = HTMLTag("h3"), p = HTMLTag("p"), div = HTMLTag("div")
    static let table = HTMLTag("table"), tr = HTMLTag("tr"), th = HTMLTag("th"), td = HTMLTag("td")
    static let dl = HTMLTag("dl"), dt = HTMLTag("dt"), dd = HTMLTag("dd"), ul = HTMLTag("ul")
    static let li = HTMLTag("li", endTagOmittedWhenEmpty: true)
    static let a = HTMLTag("a", inline: true), span = HTMLTag("span", inline: true), strong = HTMLTag("strong", inline: true)
    static let code = HTMLTag("code", inline: true)
}

/// Writes an HTML page byte for byte as libxslt serializes a result tree with
/// `<xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>`
/// (libxml2's HTML serializer, `htmlDocContentDumpFormatOutput`, with formatting on), from calls
/// in document order, without building the tree.
///
/// The serializer's rules, as libxml2 2.9 applies them (`ExportReportPageTests` holds them to
/// libxslt's output):
/// - `<!DOCTYPE html>` and a line feed first; a line feed after the root's end tag.
/// - A line feed after a block element's end tag (or an empty or childless element's tag) when
///   the next sibling is an element and the parent is not a `p`; none after inline elements.
/// - Inside a block element that is not a `p`, with more than one child: a line feed after the
///   start tag when the first child is an element, and before the end tag when the last one is.
///   The first of these is known only once a second child comes: the line feed is then inserted
///   where the start tag ended (after the first child only, so each is moved once).
/// - An element without children: `<td></td>`; `<li>` alone; an empty element `<br>`.
/// - Text: `&`, `<` and `>` escaped, everything else (carriage returns, no-break spaces, Chinese)
///   as UTF-8; inside `<style>` nothing is escaped.
/// - Attribute values: `&` (but not `&{…}`), `<` and `>` escaped except inside `<!--…-->`; quoted
///   with `"`, or with `'` when the value holds a `"` and no `'`, else `"` with `&quot;`.
///   `href` values are then URI-escaped: leading whitespace dropped, every byte percent-encoded
///   but letters, digits, `-_.!~*'()` and `@/:=?;#%&,+<>`.
struct HTMLPageWriter {
    private let bytes: ByteBuffer
    private var open: [Open] = []
    /// The element just closed wants a line feed if an element follows it in the same parent.
    private var lineFeedBeforeElement = false

    private struct Open {
        let tag: HTMLTag
        /// Where its start tag ended, for a line feed found to be due there later.
        let contentStart: Int
        var children = 0
        var firstIsElement = false
        var lastIsElement = false
    }

    init(capacity: Int) {
        bytes = ByteBuffer(capacity: capacity)
        append("<!DOCTYPE html>\n")
    }

    /// An element with its attributes, in order (`nil` values are left out); an empty element
    /// (`br`, `meta`) is also ended. Names are literals, as tags are: appended as they are, with
    /// nothing retained (a `String` name cost a retain and release and a look for its bytes).
    mutating func start(_ tag: HTMLTag, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        addChild(isElement: true)
        bytes.append(UInt8(ascii: "<"))
        bytes.append(tag.name)
        for case (let name, let value?) in attributes { appendAttribute(name, value) }
        bytes.append(UInt8(ascii: ">"))
        if tag.empty {
            lineFeedBeforeElement = !tag.inline && !(open.last?.tag.keepsChildrenOnOneLine ?? true)
        } else {
            open.append(Open(tag: tag, contentStart: bytes.count))
        }
    }

    /// Text content; empty text is no node at all.
    mutating func text(_ value: String) {
        guard !value.isEmpty else { return }
        addChild(isElement: false)
        if open.last?.tag.rawText ?? false { append(value) } else { appendEscapedText(value) }
    }

    mutating func end() {
        guard let element = open.popLast() else { return }
        if element.children == 0 {
            if !element.tag.endTagOmittedWhenEmpty { appendEndTag(element.tag.name) }
        } else {
            if element.tag.indentsContent && element.lastIsElement && element.children > 1 { bytes.append(0x0A) }
            appendEndTag(element.tag.name)
        }
        lineFeedBeforeElement = !element.tag.inline && !(open.last?.tag.keepsChildrenOnOneLine ?? true)
    }

    /// An element with text only, or nothing for nil (`<td>text</td>`).
    mutating func element(_ tag: HTMLTag, _ attributes: KeyValuePairs<StaticString, String?> = [:], text content: String) {
        start(tag, attributes)
        text(content)
        end()
    }

    /// The page's bytes, with the final line feed.
    mutating func finish() -> Data {
        while !open.isEmpty { end() }
        bytes.append(0x0A)
        return bytes.takeData()
    }

    private mutating func addChild(isElement: Bool) {
        if isElement && lineFeedBeforeElement { bytes.append(0x0A) }
        lineFeedBeforeElement = false
        guard let index = open.indices.last else { return }
        open[index].children += 1
        open[index].lastIsElement = isElement
        if open[index].children == 1 {
            open[index].firstIsElement = isElement
        } else if open[index].children == 2 && open[index].firstIsElement && open[index].tag.indentsContent {
            bytes.insert(0x0A, at: open[index].contentStart)
        }
    }

    // The appends below are not `mutating`: they change the buffer object, never the writer,
    // and a closure in a mutating method reaches the buffer through `self`'s address, retaining
    // it at each call (some 6,000 retains and releases a page); a borrowed `self` needs none.

    private func append(_ string: String) {
        string.withUTF8InPlace { bytes.append(contentsOf: $0) }
    }

    private mutating func appendEndTag(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Stored, not static (see `CSVWriter.quoted`).
    private let escapedInText = SpecialBytes(UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"))

    private func appendEscapedText(_ value: String) {
        value.withUTF8InPlace { utf8 in
            var runStart = 0
            var index = escapedInText.firstIndex(in: utf8, from: 0)
            while index < utf8.count {
                let escape: StaticString
                switch utf8[index] {
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "<"): escape = "&lt;"
                default: escape = "&gt;"  // `escapedInText` holds these three bytes only
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
                index = escapedInText.firstIndex(in: utf8, from: runStart)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    private func appendAttribute(_ name: StaticString, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(name)
        bytes.append(UInt8(ascii: "="))
        let isHref = Self.isHref(name)
        value.withUTF8InPlace { utf8 in
            // Nearly every value (ids, classes, anchors, amounts) has nothing to encode or quote.
            // (An apostrophe alone changes nothing: encoding keeps it, and a value without `"` is
            // quoted with `"`.)
            let plain = encodedOrQuoted.firstIndex(in: utf8, from: 0) == utf8.count
            if plain && !isHref {
                // What `appendQuoted` writes for a value without `"`, without looking again.
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            } else if plain {
                appendQuoted(isHref: isHref, utf8)
            } else {
                Self.encodedAttribute(utf8).withUnsafeBufferPointer { appendQuoted(isHref: isHref, $0) }
            }
        }
    }

    /// The length first: the names most given (`id`, `class`, `title`) are told from `href`
    /// without comparing bytes.
    private static func isHref(_ name: StaticString) -> Bool {
        name.utf8CodeUnitCount == 4 && name.withUTF8Buffer { $0.elementsEqual("href".utf8) }
    }

    /// What an attribute value is encoded or quoted differently for. Stored, not static (see
    /// `CSVWriter.quoted`).
    private let encodedOrQuoted = SpecialBytes(UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""))

    /// An encoded attribute value, URI-escaped for `href`, quoted as libxml2's `xmlBufWriteQuotedString` does.
    private func appendQuoted(isHref: Bool, _ encoded: UnsafeBufferPointer<UInt8>) {
        if isHref {
            bytes.append(UInt8(ascii: "\""))
            appendURIEscaped(encoded)
            bytes.append(UInt8(ascii: "\""))
        } else if !encoded.contains(UInt8(ascii: "\"")) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: encoded)
            bytes.append(UInt8(ascii: "\""))
        } else if !encoded.contains(UInt8(ascii: "'")) {
            bytes.append(UInt8(ascii: "'"))
            bytes.append(contentsOf: encoded)
            bytes.append(UInt8(ascii: "'"))
        } else {
            bytes.append(UInt8(ascii: "\""))
            for byte in encoded {
                if byte == UInt8(ascii: "\"") { append("&quot;") } else { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// An attribute value as libxml2 encodes it for HTML (`xmlEncodeAttributeEntities`): `&`,
    /// `<` and `>` as entities, but a server-side include `<!--…-->` and an `&{…}` (HTML 4's
    /// script macro) as they are.
    private static func encodedAttribute(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "<"):
                if utf8.count - index >= 4, utf8[index + 1] == UInt8(ascii: "!"), utf8[index + 2] == UInt8(ascii: "-"),
                   utf8[index + 3] == UInt8(ascii: "-"), let close = find([0x2D, 0x2D, 0x3E], in: utf8, from: index) {
                    out.append(contentsOf: utf8[index..<close + 3])
                    index = close + 3
                    continue
                }
                out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"):
                out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"):
                if index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "{"),
                   let close = utf8[index...].firstIndex(of: UInt8(ascii: "}")) {
                    out.append(contentsOf: utf8[index...close])
                    index = close + 1
                    continue
                }
                out.append(contentsOf: "&amp;".utf8)
            default:
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index + 1] == needle[1] && haystack[index + 2] == needle[2] { return index }
            index += 1
        }
        return nil
    }

    /// `xmlURIEscapeStr` with the characters libxml2's HTML serializer leaves in a URI, after
    /// dropping leading whitespace.
    private func appendURIEscaped(_ encoded: UnsafeBufferPointer<UInt8>) {
        var started = false
        for byte in encoded {
            if !started {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                started = true
            }
            if Self.keptInURI[Int(byte)] {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static let keptInURI: [Bool] = {
        var kept = [Bool](repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()@/:=?;#%&,+<>".utf8 { kept[Int(byte)] = true }
        return kept
    }()
}
