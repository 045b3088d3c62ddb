import DockerfileSyntax

/// `apt-get update` in a stage that ships, without removing `/var/lib/apt/lists` in the
/// same RUN (or a cache mount): tens of MB of package indexes stay in the layer.
struct AptListsCheck: DockerfileCheck {
    static let paths = ["/var/lib/apt/lists", "/var/lib/apt"]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.shippedInstructions where instruction.kind == .run {
            let ops = facts.packageOperations(of: instruction)
            guard ops.contains(where: { $0.manager == .apt && $0.action == .update }) else { continue }
            if facts.removes(instruction, anyOf: Self.paths) || facts.cachesMount(instruction, anyOf: Self.paths) { continue }
            out.append(Violation(instruction, "apt-get update leaves the package lists in the layer; end the same RUN with rm -rf /var/lib/apt/lists/*", evidence: "apt-get update"))
        }
        return out
    }
}
