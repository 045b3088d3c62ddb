/// A COPY/ADD source the ignore file leaves out: the context holds it, but it is never
/// sent, so the build stops with "not found" (or copies nothing, for part of a directory).
struct IgnoredCopySourceCheck: ContextCheck {
    func evaluate(_ context: ContextFacts, _ input: CheckInput) -> [ContextViolation] {
        var out: [ContextViolation] = []
        for copy in context.copies {
            for source in copy.sources {
                guard let line = source.excludedBy else { continue }
                let file = context.ignore?.path ?? ".dockerignore"
                out.append(ContextViolation(
                    .dockerfileLine(copy.instruction.lines),
                    "\(copy.instruction.keyword.uppercased()) \(source.text): \(file) line \(line.number) (\(line.pattern.text)) excludes \(source.path), so the build fails with \"not found\"",
                    evidence: "\(copy.instruction.keyword.uppercased()) \(copy.instruction.arguments)"
                ))
            }
        }
        return out
    }
}
