import DockerfileSyntax

/// An ENV with a secret-like name and a literal value, or a value copied from a build
/// argument (`ARG NPM_TOKEN` then `ENV NPM_TOKEN=$NPM_TOKEN`): it is stored in the image
/// config and visible to anyone who can pull or inspect the image.
struct SecretEnvCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let names = SecretName(input.list("secret-names"))
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        var out: [Violation] = []
        for stage in facts.dockerfile.stages {
            var declaredArgs = Set<String>()
            for instruction in stage.instructions {
                if instruction.kind == .arg { declaredArgs.formUnion(instruction.keyValuePairs.map(\.key)) }
                guard instruction.kind == .env else { continue }
                let written = Self.writtenValues(instruction)
                for (key, value) in instruction.keyValuePairs where names.isSecret(key) {
                    if let value, !placeholders.isPlaceholder(value) {
                        out.append(Violation(
                            instruction,
                            "ENV \(key) sets a secret in the image config; pass it at run time or mount it as a build secret",
                            evidence: "\(key)=\(Redaction.redact(value))"
                        ))
                    } else if let raw = written[key], let arg = PackageOperation.variableName(raw), declaredArgs.contains(arg) {
                        // The build argument's value, given with --build-arg, is persisted in the image.
                        out.append(Violation(
                            instruction,
                            "ENV \(key) copies the build argument \(arg) into the image config, where anyone who pulls the image can read it; use RUN --mount=type=secret",
                            evidence: "\(key)=\(raw)"
                        ))
                    }
                }
            }
        }
        return out
    }

    /// The values as written, before ARG/ENV expansion (`$NPM_TOKEN`).
    static func writtenValues(_ instruction: Instruction) -> [String: String] {
        var raw = instruction
        raw.expandedArguments = raw.arguments
        var out: [String: String] = [:]
        for (key, value) in raw.keyValuePairs { if let value { out[key] = value } }
        return out
    }
}
