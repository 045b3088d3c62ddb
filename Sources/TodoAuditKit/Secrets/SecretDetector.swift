import Digesting
import Foundation
import SecretScanning

/// A secret as a rule reports it: the match, its kind, the severity it deserves and the
/// fingerprint a user can allow it by.
public struct DetectedSecret: Sendable, Hashable {
    public var match: SecretMatch
    public var kindName: String
    public var severity: Severity
    /// rule + path + a keyed hash of the secret: stable across runs and line moves, and
    /// useless for recovering a short password without the key.
    public var fingerprint: String
    /// The keyed hash alone, to tell one secret from another across layers.
    public var secretDigest: String
}

/// The secret engine with the user's settings applied: path, rule and fingerprint allow
/// entries, and fingerprints keyed with HMAC.
public struct SecretDetector: Sendable {
    public let scanner: SecretScanner
    public let settings: SecretSettings
    private let key: [UInt8]
    private let pathGlobs: [Glob]
    private let allowedRules: Set<String>
    private let allowedFingerprints: Set<String>
    /// Third-party package trees, and the test and example folders inside them
    /// (`Rules/data/secret-vendored-paths.yml`).
    private let vendored: GlobSet
    private let vendoredFixtures: GlobSet

    /// The HMAC key for fingerprints: `TODOAUDIT_FINGERPRINT_KEY` when set (keep it private
    /// to make published fingerprints unguessable), else a fixed key so fingerprints are
    /// the same on every machine.
    public static let defaultKey = Array("todoaudit secret fingerprint v1".utf8)

    public init(rules: SecretRuleSet, settings: SecretSettings, key: [UInt8]? = nil, vendoredPaths: RuleData? = nil) {
        scanner = SecretScanner(rules: rules)
        self.settings = settings
        if let key { self.key = key }
        else if let env = getenv("TODOAUDIT_FINGERPRINT_KEY"), env.pointee != 0 { self.key = Array(String(cString: env).utf8) }
        else { self.key = Self.defaultKey }
        var globs: [Glob] = [], rules: Set<String> = [], prints: Set<String> = []
        for entry in settings.allow {
            switch entry {
            case .path(let p): globs.append(Glob(p.hasPrefix("/") ? String(p.dropFirst()) : p))
            case .rule(let r): rules.insert(r)
            case .fingerprint(let f): prints.insert(f)
            }
        }
        pathGlobs = globs
        allowedRules = rules
        allowedFingerprints = prints
        vendored = GlobSet(vendoredPaths?["vendored"]?.strings ?? [])
        vendoredFixtures = GlobSet(vendoredPaths?["fixtures"]?.strings ?? [])
    }

    /// The detector of a catalog and configuration; nil only if a built-in kind fails to
    /// compile, which the catalog tests rule out.
    public static func make(_ catalog: RuleCatalog, _ configuration: AuditConfiguration) -> SecretDetector? {
        guard case .success(let rules) = catalog.secretRuleSet() else { return nil }
        return SecretDetector(rules: rules, catalog: catalog, configuration: configuration)
    }

    /// The detector of compiled `rules` with the catalog's data and the user's settings.
    public init(rules: SecretRuleSet, catalog: RuleCatalog, configuration: AuditConfiguration) {
        self.init(rules: rules, settings: configuration.secrets, vendoredPaths: catalog.list("secret-vendored-paths"))
    }

    /// What a path's place allows to be reported: everything, only vendor-format kinds (in
    /// installed third-party code), or nothing (in that code's tests and examples).
    enum PathPolicy { case all, vendorFormats, nothing }

    func policy(for path: String) -> PathPolicy {
        let rooted = path.hasPrefix("/") ? path : "/" + path
        guard vendored.matches(rooted) else { return .all }
        return vendoredFixtures.matches(rooted) ? .nothing : .vendorFormats
    }

    /// Whether a path is allowed by a `path:` entry (matched without a leading `/`).
    public func allows(path: String) -> Bool {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return pathGlobs.contains { $0.matches(relative) }
    }

    public func digest(_ secret: String) -> String {
        String(HMACSHA256.hex(key: key, message: Array(secret.utf8)).prefix(32))
    }

    /// Secrets in `buffer`, minus what the settings allow. `path` names the file for
    /// `path:` entries and fingerprints (`identity`, when given, replaces it in the
    /// fingerprint: a path relative to the scanned directory, the same from any cwd);
    /// `rule` is the reporting rule.
    public func find(in buffer: UnsafeRawBufferPointer, path: String, identity: String? = nil, rule: Rule) -> [DetectedSecret] {
        find(in: buffer, path: path, identity: identity, rule: rule, policy: policy(for: path))
    }

    /// The same with the path's policy worked out by the caller, once for many texts of one file.
    func find(in buffer: UnsafeRawBufferPointer, path: String, identity: String? = nil, rule: Rule, policy: PathPolicy) -> [DetectedSecret] {
        if allows(path: path) || identity.map(allows(path:)) == true { return [] }
        if allowedRules.contains(rule.name) || allowedRules.contains(rule.id.lowercased()) { return [] }
        if policy == .nothing { return [] }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return scanner.scan(buffer, fileName: name).compactMap { match in
            if policy == .vendorFormats && scanner.rules.kinds[match.kindIndex].specificity < 2 { return nil }
            return detected(match, path: identity ?? path, rule: rule)
        }
    }

    public func find(in text: String, path: String, rule: Rule) -> [DetectedSecret] {
        find(in: text, path: path, rule: rule, policy: policy(for: path))
    }

    func find(in text: String, path: String, rule: Rule, policy: PathPolicy) -> [DetectedSecret] {
        Array(text.utf8).withUnsafeBytes { find(in: $0, path: path, rule: rule, policy: policy) }
    }

    func detected(_ match: SecretMatch, path: String, rule: Rule) -> DetectedSecret? {
        let kind = scanner.rules.kinds[match.kindIndex]
        if allowedRules.contains(kind.id) { return nil }
        let digest = digest(match.secret)
        let fingerprint = Fingerprint.of([rule.id, path, digest])
        if allowedFingerprints.contains(fingerprint) { return nil }
        let severity = match.isDocumentation ? .low : (Severity(rawValue: kind.severity) ?? .high)
        return DetectedSecret(match: match, kindName: kind.name, severity: severity, fingerprint: fingerprint, secretDigest: digest)
    }
}
