import FuzzSupport
import TodoAuditKit

/// A file name, a NUL, then the file's bytes, scanned by the secret engine with the
/// built-in kinds and default settings, as `todoaudit secrets` scans a file. The name
/// matters: some kinds (private keys, credential files) are judged by it.
let detector: SecretDetector = {
    guard let detector = SecretDetector.make(builtInCatalog, AuditConfiguration()) else { fatalError("built-in secret kinds do not compile") }
    return detector
}()
let rule: Rule = {
    guard let rule = builtInCatalog.rules.first(where: { $0.check == "secret-in-file" }) else { fatalError("no secret-in-file rule") }
    return rule
}()

func fuzzSecrets(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let name = input.text()
    let content = input.rest()
    let found = content.withUnsafeBytes { detector.find(in: $0, path: "/src/" + name, rule: rule) }
    for secret in found {
        // Reports point into the file: a range or line outside it is a bug.
        let match = secret.match
        precondition(match.range.lowerBound >= 0 && match.range.upperBound <= content.count, "range \(match.range) outside \(content.count) bytes")
        precondition(match.line >= 1, "line \(match.line)")
    }
    return 0
}
