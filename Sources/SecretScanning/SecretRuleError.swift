/// A secret kind that cannot be compiled: reported with the kind's id.
public struct SecretRuleError: Error, Sendable, CustomStringConvertible {
    public let kind: String
    public let message: String

    public var description: String { "secret kind \(kind): \(message)" }
}
