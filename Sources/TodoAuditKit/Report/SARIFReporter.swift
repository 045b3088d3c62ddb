import Foundation

/// `--format sarif`: a SARIF 2.1.0 log as GitHub code scanning reads it. Keys are sorted and
/// arrays keep report order, so the same input gives byte-identical output; no timestamps and
/// no paths beyond those the user gave (an absolute one only when it lies outside the
/// working directory).
public enum SARIFReporter {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// GitHub code scanning's name for "relative to the checkout"; left unresolved on purpose,
    /// since resolving it would write the machine's working directory into the log.
    static let sourceRoot = "%SRCROOT%"

    public static func render(_ report: AuditReport, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        var rules = report.rules.map(descriptor)
        // A finding whose rule is not in the report's list (a caller's own rules) still needs a
        // descriptor for its ruleIndex.
        for finding in report.findings where !rules.contains(where: { $0.id == finding.ruleID }) {
            rules.append(descriptor(for: finding))
        }
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let places = Places(report: report, currentDirectory: currentDirectory)
        let results = report.findings.map { finding in
            var properties = ResultProperties(severity: finding.severity.rawValue)
            properties.evidence = finding.evidence.flatMap { $0.isEmpty ? nil : $0 }
            properties.secretKind = finding.secretKind
            properties.layers = finding.location.layers
            return SARIFResult(
                ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? 0, level: Level(finding.severity),
                message: .init(text: finding.message), locations: [places.location(of: finding.location)],
                relatedLocations: places.origin(of: finding.location).map { [$0] },
                partialFingerprints: ["todoauditFingerprint/v1": finding.fingerprint],
                properties: properties
            )
        }
        let log = Log(runs: [Run(
            tool: .init(driver: .init(name: TodoAudit.name, version: TodoAudit.version, rules: rules)),
            invocations: [.init(executionSuccessful: true)],
            results: results,
            properties: .init(securityScore: report.score.value, maxScore: report.score.maximum)
        )])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func descriptor(_ rule: Rule) -> ReportingDescriptor {
        .init(id: rule.id, name: rule.name, shortDescription: .init(text: rule.title), fullDescription: .init(text: rule.description),
              help: .init(text: rule.remediation, markdown: rule.remediation), defaultConfiguration: .init(level: Level(rule.severity)),
              properties: .init(rule.category, rule.severity, peers: rule.references))
    }

    static func descriptor(for finding: Finding) -> ReportingDescriptor {
        .init(id: finding.ruleID, name: finding.ruleName, shortDescription: nil, fullDescription: nil,
              help: .init(text: finding.remediation, markdown: finding.remediation), defaultConfiguration: .init(level: Level(finding.severity)),
              properties: .init(finding.category, finding.severity, peers: []))
    }
}

extension SARIFReporter {
    enum Level: String, Encodable {
        case error, warning, note

        init(_ severity: Severity) {
            switch severity {
            case .critical, .high: self = .error
            case .medium: self = .warning
            case .low, .info: self = .note
            }
        }
    }

    /// GitHub ranks security alerts by this CVSS-like score, given as a string.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }

    struct Log: Encodable {
        var schema = SARIFReporter.schemaURI
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        struct Tool: Encodable { var driver: Driver }
        struct Driver: Encodable { var name: String; var version: String; var rules: [ReportingDescriptor] }
        struct Invocation: Encodable { var executionSuccessful: Bool }
        struct Properties: Encodable { var securityScore: Int; var maxScore: Int }
        var tool: Tool
        var invocations: [Invocation]
        var results: [SARIFResult]
        var properties: Properties
    }

    struct Text: Encodable { var text: String }
    struct HelpText: Encodable { var text: String; var markdown: String }

    struct ReportingDescriptor: Encodable {
        struct Configuration: Encodable { var level: Level }
        struct Properties: Encodable {
            var category: String
            var tags: [String]
            var precision = "high"
            var securitySeverity: String
            /// The peers' ids for the same check (hadolint, dockle, trivy, checkov).
            var peers: [String]?

            init(_ category: RuleCategory, _ severity: Severity, peers: [String]) {
                self.category = category.rawValue
                tags = ["security", category.rawValue]
                securitySeverity = SARIFReporter.securitySeverity(severity)
                self.peers = peers.isEmpty ? nil : peers
            }

            enum CodingKeys: String, CodingKey { case category, tags, precision, securitySeverity = "security-severity", peers }
        }
        var id: String
        var name: String
        var shortDescription: Text?
        var fullDescription: Text?
        var help: HelpText
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct ResultProperties: Encodable {
        var severity: String
        var evidence: String?
        var secretKind: String?
        var layers: [String]?
    }

    struct SARIFResult: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: Level
        var message: Text
        var locations: [SARIFLocation]
        var relatedLocations: [SARIFLocation]?
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }
}
