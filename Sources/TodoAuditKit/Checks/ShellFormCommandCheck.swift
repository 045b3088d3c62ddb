import DockerfileSyntax

/// The effective CMD or ENTRYPOINT of the shipped image in shell form: the process runs
/// under `/bin/sh -c` and does not receive SIGTERM, so `docker stop` waits and kills it.
struct ShellFormCommandCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for kind in [InstructionKind.entrypoint, .cmd] {
            guard let last = facts.shippedInstructions.last(where: { $0.kind == kind }),
                  case .shell(let text)? = last.commandForm, !text.isEmpty else { continue }
            // `exec` hands PID 1 to the program, which is what exec form would do.
            if text.hasPrefix("exec ") { continue }
            out.append(Violation(last, "\(kind.rawValue.uppercased()) uses shell form; use the JSON form [\"prog\", \"arg\"] so the process gets signals", evidence: text))
        }
        return out.sorted { $0.lines.start < $1.lines.start }
    }
}
