/// A layer whose bytes do not match the digest the manifest or config promises: the image
/// was tampered with or is corrupt.
struct LayerIntegrityCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        image.problems.map { ImageViolation(.image, "\($0); do not run this image") }
            + image.layers.flatMap { layer in
                layer.problems.map { ImageViolation(.layer(layer.index), "Layer \(layer.index + 1): \($0); do not run this image", evidence: layer.digest) }
            }
    }
}
