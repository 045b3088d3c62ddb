import DockerfileSyntax

/// What a check reports; the engine adds the rule's metadata to make a `Finding`.
public struct Violation: Sendable, Hashable {
    public var lines: LineRange
    public var message: String
    public var evidence: String?

    public init(lines: LineRange, message: String, evidence: String? = nil) {
        self.lines = lines
        self.message = message
        self.evidence = evidence
    }

    public init(_ instruction: Instruction, _ message: String, evidence: String? = nil) {
        self.init(lines: instruction.lines, message: message, evidence: evidence)
    }
}
