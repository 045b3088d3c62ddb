import DockerfileSyntax
import SecretScanning

/// Secrets written into any instruction or heredoc (ENV, ARG, LABEL, RUN, ONBUILD …),
/// found by the secret engine with every kind in `Rules/secrets/`. A value that the
/// secret-env and secret-build-arg rules already report by its variable's name is left to
/// them, so one secret gives one finding.
struct InstructionSecretCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        guard let detector = SecretDetector.make(input.catalog, input.configuration) else { return [] }
        let names = SecretName(input.list("secret-names"))
        let policy = detector.policy(for: facts.path)
        var out: [Violation] = []
        for instruction in facts.dockerfile.instructions {
            var namedValues: [String] = []
            if instruction.kind == .env || instruction.kind == .arg {
                namedValues = SecretEnvCheck.writtenValues(instruction).filter { names.isSecret($0.key) }.map(\.value)
            }
            var texts = [(instruction.keyword + " " + instruction.arguments, instruction.lines.start, false)]
            texts += instruction.heredocs.map { ($0.body, $0.bodyStartLine, true) }
            for (text, firstLine, isHeredoc) in texts {
                for found in detector.find(in: text, path: facts.path, rule: input.rule, policy: policy) {
                    let match = found.match
                    if namedValues.contains(where: { $0.contains(match.secret) }) { continue }
                    let line = isHeredoc ? firstLine + match.line - 1 : instruction.lines.start
                    var v = Violation(
                        lines: LineRange(start: line, end: isHeredoc ? line : instruction.lines.end),
                        message: "\(found.kindName) written into a \(instruction.keyword.uppercased()) instruction; it ends up in the image or its history. Use a build secret and rotate it",
                        evidence: match.redacted, severity: found.severity, identity: found.secretDigest
                    )
                    v.secretKind = match.kindID
                    out.append(v)
                }
            }
        }
        return out
    }
}
