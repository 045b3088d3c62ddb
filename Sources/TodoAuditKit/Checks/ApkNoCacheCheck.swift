import DockerfileSyntax

/// `apk add` without `--no-cache` in a stage that ships, with no cleanup of
/// `/var/cache/apk` in the same RUN and no cache mount.
struct ApkNoCacheCheck: DockerfileCheck {
    static let paths = ["/var/cache/apk", "/etc/apk/cache"]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.shippedInstructions where instruction.kind == .run {
            let ops = facts.packageOperations(of: instruction).filter { $0.manager == .apk && ($0.action == .install || $0.action == .update || $0.action == .upgradeAll) }
            guard let op = ops.first(where: { !$0.has("--no-cache") }) else { continue }
            if facts.removes(instruction, anyOf: Self.paths) || facts.cachesMount(instruction, anyOf: Self.paths) { continue }
            // Name the subcommand as written: `apk upgrade` fetches the index too.
            out.append(Violation(instruction, "apk \(op.verb) without --no-cache keeps the package index in the layer", evidence: (["apk"] + op.command.arguments.prefix(4)).joined(separator: " ")))
        }
        return out
    }
}
