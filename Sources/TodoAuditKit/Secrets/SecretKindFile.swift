import SecretScanning

/// A text a secret kind's examples say must (or must not) hold a secret of that kind.
public struct SecretExample: Sendable, Hashable {
    /// The file name the text is scanned as (`example.txt` unless the example names one).
    public var path: String
    public var text: String
    public var isSecret: Bool
}

/// Turns `Rules/secrets/<id>.yml` into a `SecretKind`, rejecting unknown keys and values
/// so a typo fails the build's tests instead of silently weakening detection.
enum SecretKindFile {
    static let keys: Set<String> = [
        "id", "name", "severity", "keywords", "pattern", "multiline", "entropy", "validate", "allow",
        "documentation", "paths", "requires", "starts-within", "examples", "description", "references",
    ]

    static func kind(from value: RuleData, path: String) throws(RuleLoadError) -> SecretKind {
        guard case .map(let map) = value else { throw RuleLoadError(file: path, problem: "a secret kind must be a mapping") }
        let unknown = Set(map.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else { throw RuleLoadError(file: path, problem: "unknown keys: \(unknown.joined(separator: ", "))") }
        func text(_ key: String) throws(RuleLoadError) -> String {
            guard let s = map[key]?.string, !s.isEmpty else { throw RuleLoadError(file: path, problem: "'\(key)' is required") }
            return s
        }
        let id = try text("id")
        let stem = String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".yml", with: "")
        guard id == stem else { throw RuleLoadError(file: path, problem: "id '\(id)' must match the file name '\(stem)'") }
        let severity = try text("severity")
        guard let level = Severity(rawValue: severity), level >= .low else {
            throw RuleLoadError(file: path, problem: "severity must be low, medium, high or critical, not '\(severity)'")
        }
        var validation: SecretKind.Validation?
        if let v = map["validate"]?.string {
            guard let known = SecretKind.Validation(rawValue: v) else {
                throw RuleLoadError(file: path, problem: "unknown validate '\(v)' (known: \(SecretKind.Validation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            validation = known
        }
        var entropy: Double?
        if let e = map["entropy"]?.string {
            guard let value = Double(e), value >= 0, value <= 8 else { throw RuleLoadError(file: path, problem: "entropy must be 0–8 bits per char") }
            entropy = value
        }
        var kind = SecretKind(
            id: id, name: try text("name"), severity: severity, keywords: map["keywords"]?.strings ?? [],
            pattern: try text("pattern"), multiline: map["multiline"]?.bool ?? false, entropy: entropy, validation: validation,
            allow: map["allow"]?.strings ?? [], documentation: Set(map["documentation"]?.strings ?? []),
            paths: map["paths"]?.strings ?? []
        )
        kind.requires = map["requires"]?.strings ?? []
        if let within = map["starts-within"]?.string {
            guard let n = Int(within), (0...4096).contains(n) else {
                throw RuleLoadError(file: path, problem: "starts-within must be a byte count from 0 to 4096")
            }
            kind.startsWithin = n
        }
        return kind
    }

    static func examples(from value: RuleData, path: String) throws(RuleLoadError) -> [SecretExample] {
        guard case .map(let groups)? = value["examples"] else {
            throw RuleLoadError(file: path, problem: "'examples' with 'secret' and 'not-secret' lists is required")
        }
        var out: [SecretExample] = []
        for (group, isSecret) in [("secret", true), ("not-secret", false)] {
            guard case .list(let items)? = groups[group], !items.isEmpty else {
                throw RuleLoadError(file: path, problem: "at least one '\(group)' example is required")
            }
            for item in items {
                if let text = item.string {
                    out.append(SecretExample(path: "example.txt", text: text, isSecret: isSecret))
                } else if let text = item["text"]?.string {
                    out.append(SecretExample(path: item["path"]?.string ?? "example.txt", text: text, isSecret: isSecret))
                } else {
                    throw RuleLoadError(file: path, problem: "a '\(group)' example must be a string or {path, text}")
                }
            }
        }
        return out
    }
}
