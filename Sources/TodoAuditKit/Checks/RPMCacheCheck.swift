import DockerfileSyntax

/// yum, dnf, microdnf or zypper installing in a stage that ships, without `clean all`, an
/// `rm -rf` of its cache directory or a cache mount in the same RUN: the repository
/// metadata (tens of MB) stays in the layer, and a later RUN cannot take it out again.
struct RPMCacheCheck: DockerfileCheck {
    static let managers: Set<PackageOperation.Manager> = [.yum, .dnf, .microdnf, .zypper]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let paths = input.parameters["cache-paths"]?.strings ?? []
        var out: [Violation] = []
        for instruction in facts.shippedInstructions where instruction.kind == .run {
            let ops = facts.packageOperations(of: instruction).filter {
                Self.managers.contains($0.manager) && $0.action != .remove
            }
            guard let op = ops.first else { continue }
            if facts.commands(of: instruction).contains(where: Self.cleansCache) { continue }
            if facts.removes(instruction, anyOf: paths) || facts.cachesMount(instruction, anyOf: paths) { continue }
            let name = op.command.name
            let clean = op.manager == .zypper ? "zypper clean --all" : "\(name) clean all"
            out.append(Violation(instruction, "\(name) leaves its repository metadata and cache in the layer; end the same RUN with \(clean)", evidence: ([name] + op.command.arguments.prefix(4)).joined(separator: " ")))
        }
        return out
    }

    /// `yum clean all`, `dnf clean all` (or `metadata`/`packages`/`dbcache` together with the
    /// rest), `microdnf clean all`, `zypper clean`/`zypper cc`.
    static func cleansCache(_ command: ResolvedCommand) -> Bool {
        let words = command.arguments.filter { !$0.hasPrefix("-") }
        switch command.name {
        case "zypper":
            return words.first == "clean" || words.first == "cc"
        case "yum", "dnf", "dnf5", "tdnf", "microdnf":
            return words.first == "clean" && words.dropFirst().contains { $0 == "all" || $0 == "metadata" }
        default:
            return false
        }
    }
}
