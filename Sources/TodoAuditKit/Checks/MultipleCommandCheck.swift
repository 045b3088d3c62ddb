import DockerfileSyntax

/// More than one CMD (or ENTRYPOINT) in a stage: only the last takes effect, the others
/// mislead the reader.
struct MultipleCommandCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for stage in facts.dockerfile.stages {
            for kind in [InstructionKind.cmd, .entrypoint] {
                let all = stage.instructions.filter { $0.kind == kind }
                for instruction in all.dropLast() {
                    out.append(Violation(instruction, "This \(kind.rawValue.uppercased()) is overridden by a later one in the same stage and never takes effect", evidence: instruction.arguments))
                }
            }
        }
        return out
    }
}
