/// The Swift logic behind an image rule. It reads `ImageFacts`, never the tarball.
public protocol ImageCheck: Sendable {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation]
}

/// What an image check reports: a file (with the layer it is in) or a config field.
public struct ImageViolation: Sendable, Hashable {
    public enum Place: Sendable, Hashable {
        /// A file path in the image, in a layer.
        case file(String, layer: Int)
        /// A config field such as `User`, `Env.DB_PASSWORD`, `Healthcheck`, `history[3]`.
        case config(String)
        /// The image as a whole (size budget).
        case image
        /// A layer (digest mismatch).
        case layer(Int)
    }

    public var place: Place
    public var message: String
    public var evidence: String?
    /// Bytes that could be saved by fixing it, for the optimization potential.
    public var reclaimableBytes: Int64
    /// The line in the file, for findings inside file contents (secrets).
    public var line: Int?
    /// Every layer the same problem is in, when more than the place's own.
    public var layers: [Int] = []
    /// The check's own severity (a secret kind's); the rule's when nil.
    public var severity: Severity?
    /// Replaces the place in the fingerprint when the check has a better identity.
    public var identity: String?
    /// For secrets, the kind found.
    public var secretKind: String?

    public init(_ place: Place, _ message: String, evidence: String? = nil, reclaimableBytes: Int64 = 0) {
        self.place = place
        self.message = message
        self.evidence = evidence
        self.reclaimableBytes = reclaimableBytes
    }
}
