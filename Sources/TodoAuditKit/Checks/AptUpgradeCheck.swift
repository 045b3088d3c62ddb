import DockerfileSyntax

/// `apt-get upgrade`/`dist-upgrade` in a stage that ships: the result depends on the day of
/// the build; update the base image instead.
struct AptUpgradeCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.shippedInstructions where instruction.kind == .run {
            guard let op = facts.packageOperations(of: instruction).first(where: { $0.manager == .apt && $0.action == .upgradeAll }) else { continue }
            let verb = op.command.arguments.first { !$0.hasPrefix("-") } ?? "upgrade"
            out.append(Violation(instruction, "\(op.command.name) \(verb) makes the image depend on the day it was built; use a newer base image tag instead", evidence: "\(op.command.name) \(verb)"))
        }
        return out
    }
}
