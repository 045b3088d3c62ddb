/// One secret found in a buffer.
public struct SecretMatch: Sendable, Hashable {
    /// Index of the kind in the rule set, and its id.
    public var kindIndex: Int
    public var kindID: String
    /// The secret exactly as it appears (bytes decoded leniently).
    public var secret: String
    /// The key or variable name it was assigned to, when the kind captures one.
    public var key: String?
    /// Byte offsets of the secret in the scanned buffer.
    public var range: Range<Int>
    /// 1-based line of the secret's first byte.
    public var line: Int
    /// A value vendors publish in their documentation (`AKIAIOSFODNN7EXAMPLE`).
    public var isDocumentation: Bool

    /// The first characters and `****`: never the whole secret, and less of a short one.
    public var redacted: String { SecretRedaction.redact(secret) }
}

/// How a secret is shown in reports and logs.
public enum SecretRedaction {
    public static func redact(_ value: String) -> String {
        let keep = value.count >= 12 ? 4 : (value.count >= 6 ? 2 : 0)
        return String(value.prefix(keep)) + "****"
    }
}
