import DockerfileSyntax

/// A relative WORKDIR with no absolute WORKDIR before it in the stage's FROM chain: the
/// directory then depends on whatever the base image chose.
struct RelativeWorkdirCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        let stages = facts.dockerfile.stages
        // Whether an absolute WORKDIR came before the end of each stage, its FROM chain
        // included; a FROM names only earlier stages, so one pass in order carries it along.
        var absoluteAtEnd = Array(repeating: false, count: stages.count)
        for stage in stages {
            var absoluteSeen = stage.parentStage.map { $0 < stage.index && absoluteAtEnd[$0] } ?? false
            for instruction in stage.instructions where instruction.kind == .workdir {
                let path = instruction.words.first ?? instruction.expandedArguments
                if path.isEmpty || Self.isAbsolute(path) {
                    absoluteSeen = true
                } else if !absoluteSeen {
                    out.append(Violation(instruction, "WORKDIR \(path) is relative and no absolute WORKDIR comes before it; use an absolute path", evidence: path))
                }
            }
            absoluteAtEnd[stage.index] = absoluteSeen
        }
        return out
    }

    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("$") || path.hasPrefix("\\") { return true }
        // Windows drive paths (`C:\app`, `c:/app`).
        let chars = Array(path)
        return chars.count >= 2 && chars[0].isLetter && chars[1] == ":"
    }
}
