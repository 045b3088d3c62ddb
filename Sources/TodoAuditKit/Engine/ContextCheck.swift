import DockerfileSyntax

/// The Swift logic behind a build-context rule: reads `ContextFacts`, never the disk.
public protocol ContextCheck: Sendable {
    func evaluate(_ context: ContextFacts, _ input: CheckInput) -> [ContextViolation]
}

/// What a context check reports: a context path, or a line of the Dockerfile or of the
/// ignore file.
public struct ContextViolation: Sendable, Hashable {
    public enum Place: Sendable, Hashable {
        /// A file or directory of the context, relative to it.
        case path(String)
        case dockerfileLine(LineRange)
        /// A line of the ignore file (nil: the file as a whole).
        case ignoreFile(line: Int?)
    }

    public var place: Place
    public var message: String
    public var evidence: String?
    public var severity: Severity?

    public init(_ place: Place, _ message: String, evidence: String? = nil, severity: Severity? = nil) {
        self.place = place
        self.message = message
        self.evidence = evidence
        self.severity = severity
    }
}

extension RuleEngine {
    /// Context findings; `places` is what rule examples compare (`.env`, `Dockerfile:3`, `.dockerignore:2`).
    public func evaluate(_ context: ContextFacts, rules: [Rule]? = nil) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules ?? activeRules(for: .context) {
            guard let check = CheckRegistry.context[rule.check] else { continue }
            for violation in check.evaluate(context, CheckInput(rule: rule, catalog: catalog, configuration: configuration)) {
                let location: Location
                let place: String
                switch violation.place {
                case .path(let path):
                    location = Location(kind: .context, path: context.display(path))
                    place = path
                case .dockerfileLine(let lines):
                    location = Location(kind: .dockerfile, path: context.dockerfile.path, line: lines.start,
                                        endLine: lines.end == lines.start ? nil : lines.end)
                    place = "Dockerfile:\(lines.start)"
                case .ignoreFile(let line):
                    let file = context.ignore?.path ?? ".dockerignore"
                    location = Location(kind: .context, path: context.display(file), line: line)
                    place = line.map { "\(file):\($0)" } ?? file
                }
                findings.append(Finding(
                    ruleID: rule.id, ruleName: rule.name, severity: configuration.severity(of: rule, found: violation.severity),
                    category: rule.category, message: violation.message, location: location,
                    evidence: violation.evidence, remediation: rule.remediation,
                    fingerprint: Fingerprint.of([rule.id, place, violation.message])
                ))
            }
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// The stable place of a context finding (`.env`, `Dockerfile:3`, `.dockerignore:2`), for examples.
    static func contextPlace(_ finding: Finding, _ context: ContextFacts) -> String {
        let prefix = context.display("")
        let path = finding.location.kind == .dockerfile ? "Dockerfile"
            : (finding.location.path.hasPrefix(prefix) ? String(finding.location.path.dropFirst(prefix.count)) : finding.location.path)
        return finding.location.line.map { "\(path):\($0)" } ?? path
    }
}
