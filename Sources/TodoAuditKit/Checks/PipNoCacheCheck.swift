import DockerfileSyntax

/// `pip install` (or `uv pip install`) without disabling the cache in a stage that ships.
/// Passes with `--no-cache-dir`, `PIP_NO_CACHE_DIR` (ENV or ARG, both reach RUN), pip
/// configured not to cache, a cache mount, or removing / purging the cache in the same RUN.
struct PipNoCacheCheck: DockerfileCheck {
    static let pipCache = ["/root/.cache/pip", "/root/.cache"]
    static let uvCache = ["/root/.cache/uv", "/root/.cache"]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var scope = BuildVariables(facts)
        var pipConfiguredOff = false
        var out: [Violation] = []
        for stage in facts.shippedChain {
            scope.enterStage()
            for instruction in stage.instructions {
                scope.record(instruction)
                guard instruction.kind == .run else { continue }
                let env = scope.values
                let commands = facts.commands(of: instruction)
                // `pip config set global.no-cache-dir true` lasts for later RUNs too.
                if commands.contains(where: { PackageOperation.isPip($0.name) && $0.arguments.starts(with: ["config", "set"]) && $0.arguments.contains { $0.hasSuffix("no-cache-dir") } }) {
                    pipConfiguredOff = true
                }
                let purged = commands.contains { c in
                    (PackageOperation.isPip(c.name) && c.arguments.starts(with: ["cache"]) && c.arguments.contains { $0 == "purge" || $0 == "remove" })
                        || (c.name == "uv" && c.arguments.starts(with: ["cache", "clean"]))
                }
                for op in facts.packageOperations(of: instruction) where op.action == .install && (op.manager == .pip || op.manager == .uv) {
                    let assigned = Set(op.command.assignments.compactMap { $0.split(separator: "=").first.map(String.init) })
                    var ok = purged || Self.removesOwnCacheDir(op, facts, instruction)
                    if op.manager == .pip {
                        ok = ok || pipConfiguredOff || op.has("--no-cache-dir") || env["PIP_NO_CACHE_DIR"].map { !$0.isEmpty } == true
                            || assigned.contains("PIP_NO_CACHE_DIR")
                            || facts.cachesMount(instruction, anyOf: Self.pipCache) || facts.removes(instruction, anyOf: Self.pipCache)
                    } else {
                        ok = ok || op.has("--no-cache") || op.has("-n") || env["UV_NO_CACHE"].map { !$0.isEmpty } == true || assigned.contains("UV_NO_CACHE")
                            || facts.cachesMount(instruction, anyOf: Self.uvCache) || facts.removes(instruction, anyOf: Self.uvCache)
                    }
                    if !ok {
                        let flag = op.manager == .pip ? "--no-cache-dir" : "--no-cache"
                        out.append(Violation(instruction, "\(op.manager == .pip ? "pip" : "uv pip") install keeps its download cache in the layer; add \(flag)", evidence: op.packages.prefix(5).joined(separator: " ")))
                        break
                    }
                }
            }
        }
        return out
    }

    /// `pip install --cache-dir /tmp/pip … && rm -rf /tmp/pip`.
    static func removesOwnCacheDir(_ op: PackageOperation, _ facts: DockerfileFacts, _ instruction: Instruction) -> Bool {
        let args = op.command.arguments
        var dir: String?
        if let i = args.firstIndex(of: "--cache-dir"), i + 1 < args.count { dir = args[i + 1] }
        if let inline = args.first(where: { $0.hasPrefix("--cache-dir=") }) { dir = String(inline.dropFirst("--cache-dir=".count)) }
        guard let dir, dir.hasPrefix("/") else { return false }
        return facts.removes(instruction, anyOf: [dir.hasSuffix("/") ? String(dir.dropLast()) : dir])
    }
}
