import Foundation
import Yams

/// `.todoaudit.yml`: which rules run, their severities, and the policy that sets the exit code.
/// Unknown keys are an error naming them, so a typo never silently does nothing.
public struct AuditConfiguration: Sendable, Equatable {
    public var disabledRules: Set<String> = []
    /// When non-empty, only these rules run.
    public var onlyRules: Set<String> = []
    /// Opt-in rules to turn on.
    public var enabledRules: Set<String> = []
    /// Rule name or id → severity.
    public var severity: [String: Severity] = [:]
    public var failUnder: Int?
    public var failOn: Severity?
    /// Image size budgets in bytes, by image name (`todo/backend`, `todo/backend:v1`, a glob) or `*` for any.
    public var maxImageSize: [String: Int64] = [:]
    /// The `secrets:` section: allow entries, file limits.
    public var secrets = SecretSettings()
    /// The `limits:` section: bounds on what is read (see `Limits`).
    public var limits = Limits()
    /// `rules_dirs`: directories of the user's own rules, data lists and secret kinds,
    /// resolved against the settings file's directory.
    public var ruleDirectories: [String] = []
    /// Where it was read from, for messages.
    public var source: String?

    public init() {}

    static let keys: Set<String> = ["disabled_rules", "only_rules", "enabled_rules", "severity", "fail_under", "fail_on", "max_size", "secrets", "rules_dirs", "limits"]

    public static func parse(_ text: String, source: String) throws(ConfigurationError) -> AuditConfiguration {
        let value: Any?
        do { value = try Yams.load(yaml: text) } catch {
            throw ConfigurationError(source: source, problem: "not valid YAML (\(error))")
        }
        guard let value else {
            var empty = AuditConfiguration()
            empty.source = source
            return empty
        }
        guard let map = RuleData(yaml: value) else {
            throw ConfigurationError(source: source, problem: "must be a mapping of settings")
        }
        return try settings(map, source: source)
    }

    /// Settings already parsed (from the config file, or a rule example's `settings`).
    public static func settings(_ map: RuleData, source: String) throws(ConfigurationError) -> AuditConfiguration {
        var config = AuditConfiguration()
        config.source = source
        guard case .map(let fields) = map else {
            throw ConfigurationError(source: source, problem: "must be a mapping of settings")
        }
        let unknown = Set(fields.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else {
            throw ConfigurationError(source: source, problem: "unknown keys: \(unknown.joined(separator: ", ")) (known: \(keys.sorted().joined(separator: ", ")))")
        }
        config.disabledRules = Set(fields["disabled_rules"]?.strings.map { $0.lowercased() } ?? [])
        config.onlyRules = Set(fields["only_rules"]?.strings.map { $0.lowercased() } ?? [])
        config.enabledRules = Set(fields["enabled_rules"]?.strings.map { $0.lowercased() } ?? [])
        if let overrides = fields["severity"] {
            guard case .map(let m) = overrides else {
                throw ConfigurationError(source: source, problem: "severity must map rule names to severities")
            }
            for (rule, sev) in m {
                guard let s = sev.string.flatMap(Severity.init(rawValue:)) else {
                    throw ConfigurationError(source: source, problem: "severity of \(rule) must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.severity[rule.lowercased()] = s
            }
        }
        if let v = fields["secrets"] { config.secrets = try SecretSettings.parse(v, source: source) }
        if let v = fields["limits"] { config.limits = try Limits.parse(v, source: source) }
        if let v = fields["rules_dirs"] {
            guard case .list(let items) = v, items.count == v.strings.count else {
                throw ConfigurationError(source: source, problem: "rules_dirs must be a list of directories")
            }
            let base = (source as NSString).deletingLastPathComponent
            config.ruleDirectories = v.strings.map { $0.hasPrefix("/") || base.isEmpty ? $0 : (base as NSString).appendingPathComponent($0) }
        }
        if let v = fields["fail_under"] {
            guard let n = v.int, (0...10).contains(n) else {
                throw ConfigurationError(source: source, problem: "fail_under must be a whole number from 0 to 10")
            }
            config.failUnder = n
        }
        if let v = fields["fail_on"] {
            guard let s = v.string.flatMap(Severity.init(rawValue:)) else {
                throw ConfigurationError(source: source, problem: "fail_on must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.failOn = s
        }
        if let v = fields["max_size"] {
            let entries: [(String, RuleData)]
            switch v {
            case .string: entries = [("*", v)]
            case .map(let m): entries = m.sorted { $0.key < $1.key }
            case .list: throw ConfigurationError(source: source, problem: "max_size must be a size (150MB) or a map of image name to size")
            }
            for (name, size) in entries {
                guard let bytes = size.string.flatMap(ByteSize.parse) else {
                    throw ConfigurationError(source: source, problem: "max_size for \(name) is not a size like 150MB, 1.5GB or 200MiB")
                }
                config.maxImageSize[name] = bytes
            }
        }
        return config
    }

    /// The size budget for an image: its exact name, its name without tag, a matching glob, then `*`.
    public func sizeBudget(for image: String) -> Int64? {
        if let exact = maxImageSize[image] { return exact }
        let repository = ImageReference(image)?.repository
        if let repository, let byName = maxImageSize[repository] { return byName }
        for key in maxImageSize.keys.sorted() where key != "*" && Glob(key).matches(image) {
            return maxImageSize[key]
        }
        return maxImageSize["*"]
    }

    /// Names and ids in the config that no rule has.
    public func unknownRules(in catalog: RuleCatalog) -> [String] {
        let all = disabledRules.union(onlyRules).union(enabledRules).union(severity.keys)
        return all.filter { catalog.rule(named: $0) == nil }.sorted()
    }

    func mentions(_ set: Set<String>, _ rule: Rule) -> Bool {
        set.contains(rule.name) || set.contains(rule.id.lowercased())
    }

    /// Whether the rule runs under this configuration.
    public func isActive(_ rule: Rule) -> Bool {
        if !onlyRules.isEmpty { return mentions(onlyRules, rule) }
        if mentions(disabledRules, rule) { return false }
        return rule.enabledByDefault || mentions(enabledRules, rule)
    }

    public func severity(of rule: Rule) -> Severity {
        severity[rule.name] ?? severity[rule.id.lowercased()] ?? rule.severity
    }

    /// A severity the check chose (a secret kind's), unless the user set one for the rule.
    public func severity(of rule: Rule, found: Severity?) -> Severity {
        severity[rule.name] ?? severity[rule.id.lowercased()] ?? found ?? rule.severity
    }
}

public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var problem: String
    public var description: String { "\(source): \(problem)" }
}
