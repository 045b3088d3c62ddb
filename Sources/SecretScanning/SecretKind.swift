/// One kind of secret as `Rules/secrets/<id>.yml` describes it: how to find it (keywords
/// for the prefilter, a PCRE2 pattern to confirm) and how to tell it from look-alikes.
public struct SecretKind: Sendable, Hashable {
    public enum Validation: String, Sendable, Hashable, CaseIterable {
        /// header.payload.signature whose header and payload decode to JSON objects.
        case jwt
        /// base64 of `user:password` (Docker `auth`, npm `_auth`, HTTP Basic).
        case base64Credentials = "base64-credentials"
        /// `key = value`: the key must name a secret and the value look like one.
        case generic
        /// A PEM or PuTTY block with a real key body.
        case privateKey = "private-key"
    }

    public var id: String
    public var name: String
    /// `critical`, `high`, `medium` or `low`, as the rule file says.
    public var severity: String
    /// Lower-case byte strings; the pattern runs only near one of them.
    public var keywords: [String]
    /// PCRE2; the group named `secret` (else the whole match) is the secret.
    public var pattern: String
    /// The secret may span lines (PEM blocks): a wider window across line ends.
    public var multiline: Bool
    /// Least Shannon entropy, in bits per character, of the secret.
    public var entropy: Double?
    public var validation: Validation?
    /// Patterns over the secret that mark it as not a secret.
    public var allow: [String]
    /// Values vendors publish in their docs: reported at low severity.
    public var documentation: Set<String>
    /// Globs over a file's base name; when set the kind runs only on such files.
    public var paths: [String]
    /// Byte strings one of which must be in a window for the pattern to run there (`@`
    /// for passwords in URLs): a memchr instead of a regex search for most windows. For
    /// kinds with `startsWithin`, right after the key (past quotes, `]` and spaces): `=`.
    public var requires: [String] = []
    /// When set, the keyword is part of the match (a key such as `DB_PASSWORD`): the match
    /// starts at most this many bytes before the keyword and never after it. Generic
    /// patterns are costly per start position, so this is most of their speed.
    public var startsWithin: Int?

    public init(id: String, name: String, severity: String, keywords: [String], pattern: String, multiline: Bool = false,
                entropy: Double? = nil, validation: Validation? = nil, allow: [String] = [], documentation: Set<String> = [],
                paths: [String] = []) {
        self.id = id
        self.name = name
        self.severity = severity
        self.keywords = keywords
        self.pattern = pattern
        self.multiline = multiline
        self.entropy = entropy
        self.validation = validation
        self.allow = allow
        self.documentation = documentation
        self.paths = paths
    }

    /// Generic kinds lose to specific ones when both match the same bytes: a GitHub token
    /// inside a URL is reported as a GitHub token, not as a URL password. 2 is a vendor
    /// format (AWS, GitHub, PEM), 1 a password in a URL or header, 0 a generic assignment.
    public var specificity: Int {
        if validation == .generic || id.hasPrefix("generic") { return 0 }
        if id.contains("url") || id.contains("basic-auth") || id.contains("authorization") { return 1 }
        return 2
    }
}
