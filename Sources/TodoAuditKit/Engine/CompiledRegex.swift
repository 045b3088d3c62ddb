import Foundation

/// Regexes from `Rules/` compiled once per process: compiling them for every Dockerfile
/// cost more than auditing it.
final class CompiledRegex: @unchecked Sendable {
    static let shared = CompiledRegex()

    private let lock = NSLock()
    private var cache: [String: Regex<AnyRegexOutput>?] = [:]

    /// The compiled pattern, or nil when it is not a valid regex (CatalogTests catch that).
    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[pattern] { return cached }
        let compiled = try? Regex(pattern)
        cache[pattern] = compiled
        return compiled
    }
}
