import DockerfileSyntax

/// `COPY . .` (or `ADD .`, `COPY * ./`) with no `.dockerignore`: the whole context, `.git`
/// and `.env` included, goes into the image.
struct DockerignoreMissingCheck: DockerfileCheck {
    static let broad: Set<String> = [".", "./", "*", "./*", "/", ".*", "./."]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        guard facts.hasDockerignore == false else { return [] }
        var out: [Violation] = []
        for instruction in facts.stageInstructions where instruction.kind == .copy || instruction.kind == .add {
            guard instruction.flag("from") == nil else { continue }
            guard let source = CopySources.sources(of: instruction).first(where: Self.broad.contains) else { continue }
            out.append(Violation(
                instruction,
                "\(instruction.keyword.uppercased()) \(source) copies the whole build context and there is no .dockerignore; add one that excludes .git, .env* and build output",
                evidence: "\(instruction.keyword.uppercased()) \(instruction.arguments)"
            ))
        }
        return out
    }
}
