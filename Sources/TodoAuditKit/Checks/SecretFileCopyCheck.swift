import DockerfileSyntax

/// COPY/ADD of a file that usually holds credentials (`.env`, `id_rsa`, `*.key`, `.npmrc`, …)
/// into a stage that ships. A later `rm` does not undo it: the file stays in the COPY layer.
struct SecretFileCopyCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let data = input.list("secret-files")
        let patterns = (data["files"]?.strings ?? []).map(Glob.init)
        let allowed = (data["not-secret"]?.strings ?? []).map(Glob.init)
        var out: [Violation] = []
        for instruction in facts.shippedInstructions where instruction.kind == .copy || instruction.kind == .add {
            guard instruction.flag("from") == nil else { continue }
            for source in CopySources.sources(of: instruction) {
                let components = source.split(separator: "/").map(String.init).filter { $0 != "." }
                // A path matches when any of its components does (`config/.env`, `.aws/credentials`).
                guard let hit = components.first(where: { c in
                    patterns.contains { $0.matches(c) } && !allowed.contains { $0.matches(c) }
                }) else { continue }
                out.append(Violation(
                    instruction,
                    "\(instruction.keyword.uppercased()) ships '\(source)', a file that usually holds credentials; a later rm does not remove it from the layer",
                    evidence: hit
                ))
                break
            }
        }
        return out
    }
}

/// The sources of a COPY/ADD: every word but the destination, heredoc names excluded.
enum CopySources {
    static func sources(of instruction: Instruction) -> [String] {
        let words = instruction.words
        guard words.count >= 2 else { return [] }
        return words.dropLast().filter { !$0.hasPrefix("<<") }
    }

    static func isURL(_ source: String) -> Bool {
        let s = source.lowercased()
        return s.hasPrefix("http://") || s.hasPrefix("https://") || s.hasPrefix("ftp://") || s.hasPrefix("git@") || s.hasPrefix("git://")
    }
}
