import Foundation
import SecretScanning

/// The compiled secret engine of a catalog, built once on first use: compiling ~80 PCRE2
/// patterns costs milliseconds that a Dockerfile-only run should not pay up front.
final class SecretRulesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Result<SecretRuleSet, SecretRuleError>?

    func get(_ build: () -> Result<SecretRuleSet, SecretRuleError>) -> Result<SecretRuleSet, SecretRuleError> {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let result = build()
        built = result
        return result
    }
}

extension RuleCatalog {
    /// The catalog's secret kinds compiled, with the placeholder list and the secret-name
    /// judgement the generic kinds use.
    public func secretRuleSet() -> Result<SecretRuleSet, SecretRuleError> {
        secretRules.get {
            let names = SecretName(list("secret-names"))
            let placeholders = list("secret-placeholders").strings.map { $0.lowercased() }
            do throws(SecretRuleError) {
                return .success(try SecretRuleSet(kinds: secretKinds, placeholders: placeholders,
                                                  isSecretName: { names.isSecret($0) }))
            } catch {
                return .failure(error)
            }
        }
    }
}
