/// A `pipeline.json` (or command line) that cannot be used. The run stops before touching any
/// report and the tool exits with status 2. The message names the key and what would be valid.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the problem is: the configuration file, or `command line`.
    public var source: String
    /// The key path inside the file, e.g. `options.extract.encoding` or `stages[1]`; empty for the whole file.
    public var key: String
    public var message: String

    public init(source: String, key: String, message: String) {
        self.source = source
        self.key = key
        self.message = message
    }

    public var description: String {
        key.isEmpty ? "\(source): \(message)" : "\(source): \(key): \(message)"
    }
}
