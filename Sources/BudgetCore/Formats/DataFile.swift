import Foundation

/// The JSON data files shipped inside budget-etl (`Resources/*.json` of a target): word lists and
/// tables that say how reports are read, kept as data so that another template's wording is added
/// to a file, not to code. They are compiled in, so one that does not decode is a build mistake,
/// not a user's: it stops the program at first use with the file's name and the decoding error.
package enum DataFile {
    /// `bytes` (a `PackageResources` constant) decoded as `T`; `name` is the file's name in
    /// `Resources/`, for the message when it does not decode.
    package static func decode<T: Decodable>(_ bytes: [UInt8], name: String) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            fatalError("Resources/\(name) does not decode: \(error)")
        }
    }
}
