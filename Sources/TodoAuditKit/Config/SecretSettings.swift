/// The `secrets:` section of `.todoaudit.yml`:
///
/// ```yaml
/// secrets:
///   allow:
///     - fingerprint: 3f2a9c01b7d4e865     # one finding, as reports print it
///     - path: "tests/fixtures/**"         # files (context paths or image paths)
///     - rule: generic-password            # a secret kind or a rule name/id
///   max_file_size: 32MiB                  # larger files are skipped and counted
///   scan_binary: false                    # files with a NUL in their first 8 KiB
/// ```
public struct SecretSettings: Sendable, Equatable {
    public enum Allowance: Sendable, Equatable {
        case fingerprint(String)
        case path(String)
        case rule(String)
    }

    public var allow: [Allowance] = []
    public var maxFileBytes: Int = 32 << 20
    public var scanBinary = false

    public init() {}

    static let keys: Set<String> = ["allow", "max_file_size", "scan_binary"]

    static func parse(_ value: RuleData, source: String) throws(ConfigurationError) -> SecretSettings {
        guard case .map(let fields) = value else {
            throw ConfigurationError(source: source, problem: "secrets must be a mapping (allow, max_file_size, scan_binary)")
        }
        let unknown = Set(fields.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else {
            throw ConfigurationError(source: source, problem: "unknown keys in secrets: \(unknown.joined(separator: ", ")) (known: \(keys.sorted().joined(separator: ", ")))")
        }
        var settings = SecretSettings()
        if let list = fields["allow"] {
            guard case .list(let items) = list else {
                throw ConfigurationError(source: source, problem: "secrets.allow must be a list of {fingerprint|path|rule: …}")
            }
            for item in items {
                if let f = item["fingerprint"]?.string {
                    settings.allow.append(.fingerprint(f.lowercased()))
                } else if let p = item["path"]?.string {
                    settings.allow.append(.path(p))
                } else if let r = item["rule"]?.string {
                    settings.allow.append(.rule(r.lowercased()))
                } else {
                    throw ConfigurationError(source: source, problem: "each secrets.allow entry needs one of fingerprint, path or rule")
                }
            }
        }
        if let v = fields["max_file_size"] {
            guard let bytes = v.string.flatMap(ByteSize.parse), bytes > 0, bytes <= Int64(Int32.max) else {
                throw ConfigurationError(source: source, problem: "secrets.max_file_size must be a size such as 32MiB (at most 2GiB)")
            }
            settings.maxFileBytes = Int(bytes)
        }
        if let v = fields["scan_binary"] {
            guard let b = v.bool else { throw ConfigurationError(source: source, problem: "secrets.scan_binary must be true or false") }
            settings.scanBinary = b
        }
        return settings
    }
}
