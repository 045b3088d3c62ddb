import FuzzSupport
import TodoAuditKit

/// Any bytes as a Dockerfile: parsed (instructions, heredocs, shell scripts, variable
/// expansion, stages) and audited with every built-in rule, as `todoaudit scan Dockerfile` does.
let auditor = Auditor(engine: RuleEngine(catalog: builtInCatalog))

func fuzzDockerfile(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    _ = try? auditor.auditDockerfile(bytes: input.bytes, path: "Dockerfile", hasDockerignore: true)
    return 0
}
