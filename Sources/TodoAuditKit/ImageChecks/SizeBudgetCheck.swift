/// The image is larger than its budget (`--max-size`, or `max_size` in `.todoaudit.yml` per
/// image name). No budget, no finding.
struct SizeBudgetCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        guard let budget = input.configuration.sizeBudget(for: image.name) else { return [] }
        let size = image.totalBytes
        guard size > budget else { return [] }
        return [ImageViolation(.image, "\(image.name) is \(ByteCount.text(size)), over its \(ByteCount.text(budget)) budget",
                               evidence: "\(size) > \(budget) bytes", reclaimableBytes: 0)]
    }
}
