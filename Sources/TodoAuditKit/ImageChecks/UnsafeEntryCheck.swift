/// Layer entries whose names or hardlink targets climb out of the root (`../../etc/passwd`):
/// a naive `tar -x` of the layer writes outside its target directory.
struct UnsafeEntryCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        image.layers.flatMap { layer in
            layer.unsafeEntries.map {
                ImageViolation(.layer(layer.index), "Layer \(layer.index + 1) has the entry \($0), which points outside the root; extracting it with a naive tool writes outside the target", evidence: $0)
            }
        }
    }
}
