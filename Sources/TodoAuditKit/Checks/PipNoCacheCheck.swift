import DockerfileSyntax

/// `pip install` (or `uv pip install`) without disabling the cache in a stage that ships.
/// Passes with `--no-cache-dir`, `PIP_NO_CACHE_DIR`, a cache mount, or removing the cache
/// in the same RUN.
struct PipNoCacheCheck: DockerfileCheck {
    static let pipCache = ["/root/.cache/pip", "/root/.cache"]
    static let uvCache = ["/root/.cache/uv", "/root/.cache"]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var env: [String: String] = [:]
        var out: [Violation] = []
        for instruction in facts.shippedInstructions {
            if instruction.kind == .env {
                for (k, v) in instruction.keyValuePairs { env[k] = v ?? "" }
                continue
            }
            guard instruction.kind == .run else { continue }
            for op in facts.packageOperations(of: instruction) where op.action == .install && (op.manager == .pip || op.manager == .uv) {
                let assigned = Set(op.command.assignments.compactMap { $0.split(separator: "=").first.map(String.init) })
                let ok: Bool
                if op.manager == .pip {
                    ok = op.has("--no-cache-dir") || !(env["PIP_NO_CACHE_DIR"] ?? "").isEmpty || assigned.contains("PIP_NO_CACHE_DIR")
                        || facts.cachesMount(instruction, anyOf: Self.pipCache) || facts.removes(instruction, anyOf: Self.pipCache)
                } else {
                    ok = op.has("--no-cache") || op.has("-n") || !(env["UV_NO_CACHE"] ?? "").isEmpty || assigned.contains("UV_NO_CACHE")
                        || facts.cachesMount(instruction, anyOf: Self.uvCache) || facts.removes(instruction, anyOf: Self.uvCache)
                }
                if !ok {
                    let flag = op.manager == .pip ? "--no-cache-dir" : "--no-cache"
                    out.append(Violation(instruction, "\(op.manager == .pip ? "pip" : "uv pip") install keeps its download cache in the layer; add \(flag)", evidence: op.packages.prefix(5).joined(separator: " ")))
                    break
                }
            }
        }
        return out
    }
}
