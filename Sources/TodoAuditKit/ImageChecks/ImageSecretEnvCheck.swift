/// Config Env with a secret-like name and a literal value: readable by anyone who can pull
/// the image (`docker inspect`).
struct ImageSecretEnvCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let names = SecretName(input.list("secret-names"))
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        return image.environment.compactMap { name, value in
            guard names.isSecret(name), !placeholders.isPlaceholder(value) else { return nil }
            return ImageViolation(.config("Env.\(name)"), "Env \(name) holds a secret in the image config; give it at run time instead, and rotate it",
                                  evidence: "\(name)=\(Redaction.redact(value))")
        }
    }
}
