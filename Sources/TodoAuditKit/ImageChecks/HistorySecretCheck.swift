/// Secrets in the build history: build arguments with secret-like names recorded in
/// `created_by` (`RUN |2 NPM_TOKEN=… /bin/sh -c …`), and anything the secret engine
/// recognises in a step's command line.
struct HistorySecretCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let names = SecretName(input.list("secret-names"))
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        let detector = SecretDetector.make(input.catalog, input.configuration)
        var out: [ImageViolation] = []
        for (i, step) in image.history.enumerated() {
            var found: String?
            var severity: Severity?
            for (name, value) in HistoryStep(step.createdBy).buildArguments where names.isSecret(name) && !placeholders.isPlaceholder(value) {
                found = "build argument \(name)=\(Redaction.redact(value))"
                break
            }
            // An ENV step's values are the config's Env, which the secret-env rule reports.
            let isEnv = step.createdBy.hasPrefix("ENV ") || step.createdBy.contains("#(nop)  ENV ")
            if found == nil, !isEnv, let secret = detector?.find(in: step.createdBy, path: "history[\(i)]", rule: input.rule).first {
                found = "\(secret.kindName) \(secret.match.redacted)"
                severity = secret.severity
            }
            guard let found else { continue }
            var v = ImageViolation(.config("history[\(i)]"), "The build history records a secret (\(found)); anyone with the image can read it with docker history. Use build secrets and rotate it", evidence: found)
            v.severity = severity
            out.append(v)
        }
        return out
    }
}
