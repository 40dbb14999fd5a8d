import Foundation

/// One place for how budget-etl writes JSON: keys sorted so that the same value always gives
/// the same bytes; pretty for small files people read, compact for bulky intermediates.
public enum JSONCoding {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        if pretty { data.append(0x0A) }
        return data
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// Where and why `data` is not JSON, as `line L, column C: reason`. JSONDecoder only says
    /// "not valid JSON"; JSONSerialization gives a character offset, turned here into a place.
    public static func syntaxError(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "the content does not match the expected structure"
        } catch {
            let reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            guard let range = reason.range(of: #"character (\d+)"#, options: .regularExpression),
                  let offset = Int(reason[range].dropFirst("character ".count)) else { return reason }
            var line = 1, column = 1
            for byte in data.prefix(offset) {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return "line \(line), column \(column): \(reason)"
        }
    }
}
