/// The Swift logic behind a Dockerfile rule. A check reads facts, never files or bytes;
/// its lists come from the rule's parameters or the catalog's data.
public protocol DockerfileCheck: Sendable {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation]
}

/// The rule being evaluated and the catalog's shared data lists.
public struct CheckInput: Sendable {
    public var rule: Rule
    public var catalog: RuleCatalog
    /// The user's settings, for checks with per-run knobs (the image size budget).
    public var configuration: AuditConfiguration = AuditConfiguration()

    public var parameters: RuleData { rule.parameters }
    public func list(_ name: String) -> RuleData { catalog.list(name) }
}
