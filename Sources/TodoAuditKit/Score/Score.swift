/// The Gordon-style score: start at the maximum, subtract each failed rule's weight once.
public struct Score: Sendable, Hashable {
    public struct Check: Sendable, Hashable {
        public var ruleID: String
        public var name: String
        public var label: String
        public var severity: Severity
        public var passed: Bool
        /// Where the rule fired (first few locations), for the checklist.
        public var locations: [Location]
    }

    public var value: Int
    public var maximum: Int
    public var checks: [Check]

    /// `rules` are the rules that ran; `findings` what survived suppression.
    public init(rules: [Rule], findings: [Finding], weights: ScoreWeights) {
        var byRule: [String: [Finding]] = [:]
        for f in findings { byRule[f.ruleID, default: []].append(f) }
        var value = weights.maximum
        var checks: [Check] = []
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            let hits = byRule[rule.id] ?? []
            // A severity override in the config applies to the rule's findings; score what was reported.
            let severity = hits.map(\.severity).max() ?? rule.severity
            if !hits.isEmpty { value -= weights.weight(severity) }
            checks.append(Check(
                ruleID: rule.id, name: rule.name, label: rule.checklist, severity: severity,
                passed: hits.isEmpty, locations: hits.map(\.location)
            ))
        }
        self.value = max(0, value)
        self.maximum = weights.maximum
        self.checks = checks
    }
}
