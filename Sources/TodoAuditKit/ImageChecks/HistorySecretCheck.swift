/// Secrets in the build history: build arguments with secret-like names recorded in
/// `created_by` (`RUN |2 NPM_TOKEN=… /bin/sh -c …`), and well-known credential formats.
struct HistorySecretCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let names = SecretName(input.list("secret-names"))
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        let patterns = CredentialPattern.all(input.list("credential-patterns"))
        var out: [ImageViolation] = []
        for (i, step) in image.history.enumerated() {
            var found: String?
            for (name, value) in HistoryStep(step.createdBy).buildArguments where names.isSecret(name) && !placeholders.isPlaceholder(value) {
                found = "build argument \(name)=\(Redaction.redact(value))"
                break
            }
            if found == nil, let pattern = patterns.first(where: { $0.firstMatch(in: step.createdBy).map { !placeholders.isPlaceholder($0) } ?? false }),
               let secret = pattern.firstMatch(in: step.createdBy) {
                found = "\(pattern.name.lowercased()) \(Redaction.redact(secret))"
            }
            guard let found else { continue }
            out.append(ImageViolation(.config("history[\(i)]"), "The build history records a secret (\(found)); anyone with the image can read it with docker history. Use build secrets and rotate it", evidence: found))
        }
        return out
    }
}
