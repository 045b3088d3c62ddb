import DockerfileSyntax

/// MAINTAINER is deprecated; a label says the same and tools read it.
struct MaintainerCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        facts.stageInstructions.filter { $0.kind == .maintainer }.map {
            Violation($0, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"…\"", evidence: $0.arguments)
        }
    }
}
