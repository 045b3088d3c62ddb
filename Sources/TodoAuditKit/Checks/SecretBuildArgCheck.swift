import DockerfileSyntax

/// An ARG whose name says it holds a secret: build-arg values are recorded in the image
/// history and build cache whether or not the ARG has a default.
struct SecretBuildArgCheck: DockerfileCheck {
    static let switchValues: Set<String> = ["true", "false", "yes", "no", "on", "off", "enabled", "disabled"]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let names = SecretName(input.list("secret-names"))
        let args = facts.dockerfile.globalArguments + facts.stageInstructions.filter { $0.kind == .arg }
        var out: [Violation] = []
        for instruction in args {
            for (key, value) in instruction.keyValuePairs where names.isSecret(key) {
                // `ARG SKIP_PASSWORD_CHECK=true`: a switch, not a secret.
                if let value, Self.switchValues.contains(value.lowercased()) { continue }
                let message: String
                let evidence: String
                if let value, !value.isEmpty {
                    message = "ARG \(key) has a secret-like name and a default value; it is baked into the image history. Use RUN --mount=type=secret instead"
                    evidence = "\(key)=\(Redaction.redact(value))"
                } else {
                    message = "ARG \(key) passes a secret as a build argument, which is recorded in the image history; use RUN --mount=type=secret instead"
                    evidence = key
                }
                out.append(Violation(instruction, message, evidence: evidence))
            }
        }
        return out
    }
}
