/// One problem a rule found, ready for reporters.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var ruleName: String
    public var severity: Severity
    public var category: RuleCategory
    public var message: String
    public var location: Location
    /// What was seen, with secrets already redacted.
    public var evidence: String?
    public var remediation: String
    /// Stable across runs and line moves; used for suppression and baselines.
    public var fingerprint: String
    /// For secrets, the kind from `Rules/secrets/` (`aws-access-key-id`).
    public var secretKind: String?

    public init(
        ruleID: String, ruleName: String, severity: Severity, category: RuleCategory, message: String,
        location: Location, evidence: String?, remediation: String, fingerprint: String
    ) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.severity = severity
        self.category = category
        self.message = message
        self.location = location
        self.evidence = evidence
        self.remediation = remediation
        self.fingerprint = fingerprint
    }
}

extension Finding {
    /// Report order: path, line, rule id, message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location.path != b.location.path { return a.location.path < b.location.path }
        let la = a.location.line ?? 0, lb = b.location.line ?? 0
        if la != lb { return la < lb }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}
