/// No HEALTHCHECK in the image config (`["NONE"]` is an explicit opt-out and passes).
struct ImageHealthcheckCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        guard (image.config.healthcheck ?? []).isEmpty else { return [] }
        return [ImageViolation(.config("Healthcheck"), "The image defines no HEALTHCHECK; the orchestrator cannot tell a hung container from a healthy one")]
    }
}
