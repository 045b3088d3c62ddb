/// A libxml2 writer call that failed.
public struct XMLWriterError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var description: String { "libxml2 could not \(operation)" }
}
