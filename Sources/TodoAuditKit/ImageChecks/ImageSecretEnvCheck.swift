/// Secrets in the image config, readable by anyone who can pull the image
/// (`docker inspect`): Env entries with a secret-like name and a literal value, and any
/// Env value or Label the secret engine recognises (`DATABASE_URL=postgres://u:p@db`).
struct ImageSecretEnvCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let names = SecretName(input.list("secret-names"))
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        let detector = SecretDetector.make(input.catalog, input.configuration)
        var out: [ImageViolation] = []
        for (name, value) in image.environment {
            if names.isSecret(name) {
                if !placeholders.isPlaceholder(value) {
                    out.append(ImageViolation(.config("Env.\(name)"), "Env \(name) holds a secret in the image config; give it at run time instead, and rotate it",
                                              evidence: "\(name)=\(Redaction.redact(value))"))
                }
                continue
            }
            for found in detector?.find(in: "\(name)=\(value)", path: "Env.\(name)", rule: input.rule) ?? [] {
                out.append(violation(found, field: "Env.\(name)", what: "Env \(name)"))
            }
        }
        for (label, value) in image.config.labels.sorted(by: { $0.key < $1.key }) {
            for found in detector?.find(in: "\(label)=\(value)", path: "Labels.\(label)", rule: input.rule) ?? [] {
                out.append(violation(found, field: "Labels.\(label)", what: "Label \(label)"))
            }
        }
        return out
    }

    func violation(_ found: DetectedSecret, field: String, what: String) -> ImageViolation {
        var v = ImageViolation(.config(field), "\(what) holds a \(found.kindName) in the image config; give it at run time instead, and rotate it",
                               evidence: found.match.redacted)
        v.severity = found.severity
        v.secretKind = found.match.kindID
        return v
    }
}
