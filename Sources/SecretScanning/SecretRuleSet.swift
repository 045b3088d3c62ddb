import Foundation
import PatternMatching

/// Every secret kind compiled once: the keyword automaton over all of them, each kind's
/// pattern (PCRE2, JIT) and allow patterns. Shared by all scanning threads.
public final class SecretRuleSet: Sendable {
    public let kinds: [SecretKind]
    /// Each kind's pattern, JIT-compiled the first time a window needs it: a Dockerfile
    /// touches a few kinds, and compiling all of them would double a small run's time.
    let patterns: CompiledOnDemand
    /// The same, anchored, for kinds whose matches start near their keyword (`startsWithin`):
    /// those are tried only where a token starts, not at every byte.
    let anchoredPatterns: CompiledOnDemand
    /// Each kind's allow patterns as one alternation (nil when it has none), JIT-compiled
    /// on first use: one search per candidate instead of one per pattern.
    let allows: CompiledOnDemand
    let hasAllow: [Bool]
    let secretGroups: [Int]
    let keyGroups: [Int?]
    let keywordFinder: KeywordFinder
    /// Keyword index → the kinds it gates: keyed ones (`startsWithin`), tried at token
    /// starts before the keyword, and the others, searched in windows around it.
    let keyedKinds: [[Int]]
    let windowKinds: [[Int]]
    /// Keyword index → how far before it its keyed kinds' matches may start (the most).
    let keyedReach: [Int]
    /// Keyword index → whether every keyed kind it gates judges its key: then a hit whose
    /// identifier is no secret name needs nothing more.
    let keyedKindsAllJudgeKey: [Bool]
    /// Whether a keyword is itself a secret name (`password`, not `define`): then the
    /// identifier around it is the key a generic kind judges.
    let keywordNamesSecret: [Bool]
    /// Kinds gated by file name instead of keywords.
    let pathKinds: [(kind: Int, globs: [NameGlob])]
    /// Each kind's `requires` as an index into `requirementSets` (-1: none); kinds that
    /// share one are checked once per keyword hit.
    let requirementSet: [Int]
    let requirementSets: [[[UInt8]]]
    /// Per kind, flattened from `kinds` for the scan loop: `startsWithin` (0 when unset),
    /// `multiline`, and whether its key is judged (`generic` validation).
    let startsWithin: [Int]
    let isMultiline: [Bool]
    let judgesKey: [Bool]
    let validator: SecretValidator
    let placeholder: Placeholder

    /// `placeholders` are globs over lower-cased values; `isSecretName` judges the key of
    /// a `generic` kind's `key = value`.
    public init(kinds: [SecretKind], placeholders: [String],
                isSecretName: @escaping @Sendable (String) -> Bool) throws(SecretRuleError) {
        var secretGroups: [Int] = [], keyGroups: [Int?] = []
        var keywordIndex: [String: Int] = [:], keywords: [[UInt8]] = [], keywordKinds: [[Int]] = []
        var pathKinds: [(Int, [NameGlob])] = []
        for (index, kind) in kinds.enumerated() {
            let pattern: BytePattern
            do throws(PatternError) {
                // Checked now without the JIT, so a broken kind fails at load, not mid-scan.
                pattern = try BytePattern(kind.pattern, jit: false)
                for allow in kind.allow { _ = try BytePattern(allow, jit: false) }
                if !kind.allow.isEmpty { _ = try BytePattern(Self.alternation(kind.allow), jit: false) }
            } catch {
                throw SecretRuleError(kind: kind.id, message: error.description)
            }
            secretGroups.append(pattern.group(named: "secret") ?? 0)
            keyGroups.append(pattern.group(named: "key"))
            if !kind.paths.isEmpty { pathKinds.append((index, kind.paths.map(NameGlob.init))) }
            if kind.keywords.isEmpty && kind.paths.isEmpty {
                throw SecretRuleError(kind: kind.id, message: "needs keywords (or paths) for the prefilter")
            }
            for keyword in kind.keywords {
                guard keyword == keyword.lowercased(), keyword.utf8.count >= KeywordFinder.minimumLength else {
                    throw SecretRuleError(kind: kind.id, message: "keyword '\(keyword)' must be lower case and at least \(KeywordFinder.minimumLength) bytes")
                }
                if let existing = keywordIndex[keyword] {
                    keywordKinds[existing].append(index)
                } else {
                    keywordIndex[keyword] = keywords.count
                    keywords.append(Array(keyword.utf8))
                    keywordKinds.append([index])
                }
            }
        }
        self.kinds = kinds
        self.patterns = CompiledOnDemand(kinds.map(\.pattern))
        self.anchoredPatterns = CompiledOnDemand(kinds.map(\.pattern), anchored: true)
        self.allows = CompiledOnDemand(kinds.map { Self.alternation($0.allow) })
        self.hasAllow = kinds.map { !$0.allow.isEmpty }
        self.secretGroups = secretGroups
        self.keyGroups = keyGroups
        self.keywordFinder = KeywordFinder(keywords)
        var requirementSets: [[[UInt8]]] = []
        requirementSet = kinds.map { kind in
            let needs = kind.requires.map { Array($0.utf8) }.filter { !$0.isEmpty }
            if needs.isEmpty { return -1 }
            if let known = requirementSets.firstIndex(of: needs) { return known }
            requirementSets.append(needs)
            return requirementSets.count - 1
        }
        self.requirementSets = requirementSets
        startsWithin = kinds.map { $0.startsWithin ?? 0 }
        isMultiline = kinds.map(\.multiline)
        judgesKey = kinds.map { $0.validation == .generic }
        keyedKinds = keywordKinds.map { $0.filter { kinds[$0].startsWithin != nil } }
        windowKinds = keywordKinds.map { $0.filter { kinds[$0].startsWithin == nil } }
        keyedReach = keywordKinds.map { $0.compactMap { kinds[$0].startsWithin }.max() ?? 0 }
        keyedKindsAllJudgeKey = keywordKinds.map { $0.filter { kinds[$0].startsWithin != nil }.allSatisfy { kinds[$0].validation == .generic } }
        self.keywordNamesSecret = keywords.map { isSecretName(String(decoding: $0, as: UTF8.self)) }
        self.pathKinds = pathKinds
        self.placeholder = Placeholder(globs: placeholders)
        self.validator = SecretValidator(placeholder: placeholder, isSecretName: isSecretName)
    }

    public func index(of id: String) -> Int? { kinds.firstIndex { $0.id == id } }

    /// `(?:a)|(?:b)`: inline flags such as `(?i)` stay inside their own branch.
    static func alternation(_ patterns: [String]) -> String {
        patterns.isEmpty ? "(?!)" : "(?:" + patterns.joined(separator: ")|(?:") + ")"
    }
}

/// Patterns compiled with the JIT on first use, from any thread.
final class CompiledOnDemand: @unchecked Sendable {
    private let sources: [String]
    private var compiled: [BytePattern?]
    private let lock = NSLock()

    private let anchored: Bool

    init(_ sources: [String], anchored: Bool = false) {
        self.sources = sources
        self.anchored = anchored
        compiled = Array(repeating: nil, count: sources.count)
    }

    subscript(index: Int) -> BytePattern {
        lock.lock()
        defer { lock.unlock() }
        if let pattern = compiled[index] { return pattern }
        // The source compiled when the rule set was built, so this cannot fail.
        let pattern = try! BytePattern(sources[index], anchored: anchored)
        compiled[index] = pattern
        return pattern
    }
}
