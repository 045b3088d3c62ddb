/// A layer whose walk reached a bound of `limits:`: part of the image went unaudited, and
/// the report must say so rather than pass on what it did not read.
struct AuditLimitCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        image.layers.flatMap { layer in
            layer.limitsReached.map { ImageViolation(.layer(layer.index), "Layer \(layer.index + 1): \($0)", evidence: layer.digest) }
        }
    }
}
