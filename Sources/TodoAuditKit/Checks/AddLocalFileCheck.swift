import DockerfileSyntax

/// ADD of a local file that ADD would not extract: COPY says what it does.
/// (`ADD app.tar.gz /opt/` extracts and passes; a `.zip` is not extracted and fires.)
struct AddLocalFileCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let archives = input.parameters["archive-extensions"]?.strings ?? []
        var out: [Violation] = []
        for instruction in facts.stageInstructions where instruction.kind == .add {
            let sources = CopySources.sources(of: instruction)
            let plain = sources.filter { source in
                !CopySources.isURL(source) && !archives.contains { source.lowercased().hasSuffix($0) }
            }
            guard let first = plain.first, instruction.heredocs.isEmpty else { continue }
            out.append(Violation(instruction, "ADD \(first) copies a local file; use COPY, which does not unpack archives or fetch URLs by surprise", evidence: first))
        }
        return out
    }
}
