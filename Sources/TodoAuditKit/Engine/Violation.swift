import DockerfileSyntax

/// What a check reports; the engine adds the rule's metadata to make a `Finding`.
public struct Violation: Sendable, Hashable {
    public var lines: LineRange
    public var message: String
    public var evidence: String?
    /// The check's own severity (a secret kind's); the rule's when nil.
    public var severity: Severity?
    /// Replaces the message in the fingerprint when the check has a better identity (a
    /// secret's keyed hash).
    public var identity: String?
    /// For secrets, the kind found.
    public var secretKind: String?

    public init(lines: LineRange, message: String, evidence: String? = nil, severity: Severity? = nil, identity: String? = nil) {
        self.lines = lines
        self.message = message
        self.evidence = evidence
        self.severity = severity
        self.identity = identity
    }

    public init(_ instruction: Instruction, _ message: String, evidence: String? = nil) {
        self.init(lines: instruction.lines, message: message, evidence: evidence)
    }
}
