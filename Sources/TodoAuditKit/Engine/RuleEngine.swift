import DockerfileSyntax

/// Runs the active rules over a target and turns violations into findings, applying the
/// configuration's severities and the Dockerfile's ignore pragmas.
public struct RuleEngine: Sendable {
    public var catalog: RuleCatalog
    public var configuration: AuditConfiguration

    public init(catalog: RuleCatalog, configuration: AuditConfiguration = AuditConfiguration()) {
        self.catalog = catalog
        self.configuration = configuration
    }

    /// The rules that run for a kind of target.
    public func activeRules(for kind: TargetKind) -> [Rule] {
        catalog.rules.filter { $0.appliesTo.contains(kind) && configuration.isActive($0) }
    }

    public func evaluate(_ facts: DockerfileFacts) -> [Finding] {
        evaluate(facts, rules: activeRules(for: .dockerfile))
    }

    public func evaluate(_ facts: DockerfileFacts, rules: [Rule]) -> [Finding] {
        let suppression = Suppression(facts.dockerfile)
        var findings: [Finding] = []
        for rule in rules {
            guard let check = CheckRegistry.dockerfile[rule.check] else { continue }
            let input = CheckInput(rule: rule, catalog: catalog, configuration: configuration)
            for violation in check.evaluate(facts, input) {
                if suppression.suppresses(rule, atLine: violation.lines.start) { continue }
                var finding = Finding(
                    ruleID: rule.id, ruleName: rule.name, severity: configuration.severity(of: rule, found: violation.severity),
                    category: rule.category, message: violation.message,
                    location: Location(kind: .dockerfile, path: facts.path, line: violation.lines.start,
                                       endLine: violation.lines.end == violation.lines.start ? nil : violation.lines.end),
                    evidence: violation.evidence, remediation: rule.remediation,
                    fingerprint: Fingerprint.of([rule.id, facts.path, violation.identity ?? violation.message])
                )
                finding.secretKind = violation.secretKind
                findings.append(finding)
            }
        }
        return findings.sorted(by: Finding.reportOrder)
    }
}
