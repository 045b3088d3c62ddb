/// A pattern that PCRE2 refused to compile, with its own message and where it stopped.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let offset: Int
    public let message: String

    public var description: String { "invalid pattern at offset \(offset): \(message)" }
}
