import DockerfileSyntax

/// `sudo` run in any stage (a build never needs it: switch USER instead, as hadolint's
/// DL3004 says), or installed into a stage that ships.
struct SudoCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for stage in facts.dockerfile.stages {
            for instruction in stage.instructions where instruction.kind == .run {
                let commands = facts.commands(of: instruction)
                if commands.contains(where: { $0.wrappers.contains("sudo") || $0.name == "sudo" }) {
                    out.append(Violation(instruction, "RUN uses sudo; run the step as root with USER root instead, then drop privileges", evidence: "sudo"))
                } else if facts.ships(stage), commands.compactMap(PackageOperation.init).contains(where: { $0.action == .install && $0.manager.isSystem && $0.packages.contains("sudo") }) {
                    out.append(Violation(instruction, "The shipped image installs sudo, a privilege-escalation path for anyone inside the container", evidence: "sudo"))
                }
            }
        }
        return out
    }
}
