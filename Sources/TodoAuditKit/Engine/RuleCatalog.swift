import Foundation
import Yams
import SecretScanning

/// Every rule, shared data list and score weight, as read from `Rules/`.
public struct RuleCatalog: Sendable {
    public var rules: [Rule]
    /// `Rules/data/NAME.yml`, by NAME: lists the checks read (build tools, secret names, …).
    public var data: [String: RuleData]
    public var weights: ScoreWeights
    /// `Rules/secrets/*.yml`: the kinds of secret the secret engine looks for.
    public var secretKinds: [SecretKind] = []
    /// Each kind's examples, by kind id (loaded with the rules' examples).
    public var secretExamples: [String: [SecretExample]] = [:]
    /// The compiled secret engine, built on first use and shared by copies of the catalog.
    /// Replaced when user rules add secret kinds, so the merged catalog compiles its own.
    var secretRules = SecretRulesCache()

    /// The rules compiled into the binary from the repository's `Rules/`, without their examples.
    public static let builtIn: Result<RuleCatalog, RuleLoadError> = embedded(withExamples: false)

    /// The same with every rule's examples, for `todoaudit rules NAME` and the rule tests.
    public static let builtInWithExamples: Result<RuleCatalog, RuleLoadError> = embedded(withExamples: true)

    private static func embedded(withExamples: Bool) -> Result<RuleCatalog, RuleLoadError> {
        do throws(RuleLoadError) {
            let files = EmbeddedRules.files.map { (path: $0.0, text: $0.1) }
            var catalog = try RuleCatalog.load(files: files, format: .json, withExamples: withExamples)
            if withExamples {
                // Secret kinds' examples are embedded apart (RulesEmbedder), parsed only here.
                for (path, text) in EmbeddedRules.secretExamples {
                    let parsed: Any
                    do { parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
                        throw RuleLoadError(file: path, problem: "examples are not valid JSON: \(error)")
                    }
                    guard let value = RuleData(yaml: parsed) else { continue }
                    let id = String(path.dropFirst("secrets/".count).dropLast(".yml".count))
                    catalog.secretExamples[id] = try SecretKindFile.examples(from: .map(["examples": value]), path: path)
                }
            }
            return .success(catalog)
        } catch {
            return .failure(error)
        }
    }

    public func rule(named nameOrID: String) -> Rule? {
        let key = nameOrID.lowercased()
        return rules.first { $0.name == key || $0.id.lowercased() == key }
    }

    /// A data list by file name; empty when missing (CatalogTests make sure the names exist).
    public func list(_ name: String) -> RuleData { data[name] ?? .list([]) }

    /// How rule files are written: YAML in `Rules/`, JSON once embedded in the binary.
    public enum FileFormat: Sendable { case yaml, json }

    /// `defaultWeights` stands in for a missing `score.yml` (a user's rule directory has none).
    public static func load(files: [(path: String, text: String)], format: FileFormat = .yaml, withExamples: Bool = true,
                            defaultWeights: ScoreWeights? = nil) throws(RuleLoadError) -> RuleCatalog {
        var rules: [Rule] = []
        var data: [String: RuleData] = [:]
        var weights: ScoreWeights?
        var secretKinds: [SecretKind] = []
        var secretExamples: [String: [SecretExample]] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) {
            let parsed: Any?
            do {
                switch format {
                case .yaml: parsed = try Yams.load(yaml: file.text)
                case .json: parsed = try JSONSerialization.jsonObject(with: Data(file.text.utf8), options: [.fragmentsAllowed])
                }
            } catch {
                throw RuleLoadError(file: file.path, problem: "not valid \(format == .yaml ? "YAML" : "JSON"): \(error)")
            }
            guard let value = RuleData(yaml: parsed) else {
                throw RuleLoadError(file: file.path, problem: "empty file")
            }
            if file.path == "score.yml" {
                weights = try ScoreWeights(value, file: file.path)
            } else if file.path.hasPrefix("secrets/") {
                let kind = try SecretKindFile.kind(from: value, path: file.path)
                guard !secretKinds.contains(where: { $0.id == kind.id }) else {
                    throw RuleLoadError(file: file.path, problem: "duplicate secret kind \(kind.id)")
                }
                secretKinds.append(kind)
                if withExamples && value["examples"] != nil {
                    secretExamples[kind.id] = try SecretKindFile.examples(from: value, path: file.path)
                }
            } else if file.path.hasPrefix("data/") {
                let stem = String(file.path.dropFirst(5).dropLast(4))
                data[stem] = value
            } else {
                rules.append(try RuleFile.rule(from: value, path: file.path, withExamples: withExamples))
            }
        }
        guard let weights = weights ?? defaultWeights else {
            throw RuleLoadError(file: "score.yml", problem: "missing: the score weights must be defined")
        }
        var seenIDs = Set<String>(), seenNames = Set<String>()
        for rule in rules {
            guard seenIDs.insert(rule.id).inserted else {
                throw RuleLoadError(file: rule.source, problem: "duplicate rule id \(rule.id)")
            }
            guard seenNames.insert(rule.name).inserted else {
                throw RuleLoadError(file: rule.source, problem: "duplicate rule name \(rule.name)")
            }
        }
        var catalog = RuleCatalog(rules: rules.sorted { $0.id < $1.id }, data: data, weights: weights)
        catalog.secretKinds = secretKinds
        catalog.secretExamples = secretExamples
        return catalog
    }

    /// Adds user rules (from `--rules DIR` or the config's `rules_dirs`): rules, whose ids
    /// and names must not clash with these; data lists, which replace these by name; and
    /// secret kinds, whose ids must be new.
    public func adding(_ other: RuleCatalog) throws(RuleLoadError) -> RuleCatalog {
        var merged = self
        for rule in other.rules {
            if let clash = merged.rules.first(where: { $0.id == rule.id || $0.name == rule.name }) {
                throw RuleLoadError(file: rule.source, problem: "\(rule.id) \(rule.name) clashes with built-in \(clash.id) \(clash.name)")
            }
            merged.rules.append(rule)
        }
        merged.rules.sort { $0.id < $1.id }
        merged.data.merge(other.data) { _, new in new }
        for kind in other.secretKinds {
            if merged.secretKinds.contains(where: { $0.id == kind.id }) {
                throw RuleLoadError(file: "secrets/\(kind.id).yml", problem: "secret kind \(kind.id) clashes with a built-in one")
            }
            merged.secretKinds.append(kind)
        }
        merged.secretExamples.merge(other.secretExamples) { _, new in new }
        merged.secretRules = SecretRulesCache()
        return merged
    }

    /// A user's rule directory: `*.yml` rules anywhere but under `data/` (lists) and
    /// `secrets/` (secret kinds), with the same schema as the built-in `Rules/`.
    public static func directory(_ path: String, weights: ScoreWeights) throws(RuleLoadError) -> RuleCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleLoadError(file: path, problem: "not a directory of rules")
        }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw RuleLoadError(file: path, problem: "cannot be listed")
        }
        var files: [(path: String, text: String)] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".yml") || relative.hasSuffix(".yaml"), relative != "score.yml" else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
                throw RuleLoadError(file: full, problem: "cannot be read as UTF-8 text")
            }
            // The loader tells data and secret kinds by these prefixes and reads `.yml` names.
            let normalized = relative.hasSuffix(".yaml") ? String(relative.dropLast(5)) + ".yml" : relative
            files.append((normalized, text))
        }
        do {
            return try load(files: files, withExamples: true, defaultWeights: weights)
        } catch {
            throw RuleLoadError(file: (path as NSString).appendingPathComponent(error.file), problem: error.problem)
        }
    }
}
