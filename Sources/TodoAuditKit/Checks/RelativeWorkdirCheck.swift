import DockerfileSyntax

/// A relative WORKDIR with no absolute WORKDIR before it in the stage's FROM chain: the
/// directory then depends on whatever the base image chose.
struct RelativeWorkdirCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for stage in facts.dockerfile.stages {
            let chain = facts.dockerfile.ancestry(of: stage.index).reversed()
            var absoluteSeen = false
            for s in chain {
                for instruction in s.instructions where instruction.kind == .workdir {
                    let path = instruction.words.first ?? instruction.expandedArguments
                    if path.isEmpty || Self.isAbsolute(path) {
                        absoluteSeen = true
                    } else if !absoluteSeen && s.index == stage.index {
                        out.append(Violation(instruction, "WORKDIR \(path) is relative and no absolute WORKDIR comes before it; use an absolute path", evidence: path))
                    }
                }
            }
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
