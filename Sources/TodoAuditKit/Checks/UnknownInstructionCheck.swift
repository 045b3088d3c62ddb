import DockerfileSyntax

/// An instruction Docker does not know: the build fails, or a typo hides a step.
struct UnknownInstructionCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.dockerfile.instructions {
            if instruction.kind == .unknown {
                out.append(Violation(instruction, "'\(instruction.keyword)' is not a Dockerfile instruction; docker build will fail", evidence: instruction.keyword))
            }
            for trigger in instruction.trigger where trigger.kind == .unknown {
                out.append(Violation(instruction, "ONBUILD '\(trigger.keyword)' is not a Dockerfile instruction", evidence: trigger.keyword))
            }
        }
        return out
    }
}
