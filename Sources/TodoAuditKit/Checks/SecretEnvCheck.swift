import DockerfileSyntax

/// An ENV with a secret-like name and a literal value: it is stored in the image config
/// and visible to anyone who can pull or inspect the image.
struct SecretEnvCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let names = SecretName(input.list("secret-names"))
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        var out: [Violation] = []
        for instruction in facts.stageInstructions where instruction.kind == .env {
            for (key, value) in instruction.keyValuePairs where names.isSecret(key) {
                guard let value, !placeholders.isPlaceholder(value) else { continue }
                out.append(Violation(
                    instruction,
                    "ENV \(key) sets a secret in the image config; pass it at run time or mount it as a build secret",
                    evidence: "\(key)=\(Redaction.redact(value))"
                ))
            }
        }
        return out
    }
}
