/// Package-manager caches left in the image (`/var/cache/apk`, `/var/lib/apt/lists`,
/// `/root/.cache/pip`, …), with the bytes they hold.
struct PackageCacheCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let caches = input.list("package-caches").strings
        var out: [ImageViolation] = []
        for cache in caches {
            let prefix = cache.hasSuffix("/") ? cache : cache + "/"
            let files = image.files.values.filter { $0.kind == .file && $0.path.hasPrefix(prefix) && $0.size > 0 && !$0.path.hasSuffix("/lock") }
            let bytes = files.reduce(0) { $0 + $1.size }
            guard bytes > 0 else { continue }
            let layer = files.map(\.layer).max() ?? 0
            out.append(ImageViolation(
                .file(String(prefix.dropLast()), layer: layer),
                "/\(prefix) holds \(ByteCount.text(bytes)) of package-manager cache (\(files.count) files); clean it in the RUN that fills it",
                evidence: ByteCount.text(bytes), reclaimableBytes: bytes
            ))
        }
        return out
    }
}

/// Human byte counts, decimal like `docker images` (1 MB = 1,000,000 bytes).
enum ByteCount {
    static func text(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return "\(oneDecimal(Double(bytes) / 1000)) kB" }
        if bytes < 1_000_000_000 { return "\(oneDecimal(Double(bytes) / 1_000_000)) MB" }
        return "\(oneDecimal(Double(bytes) / 1_000_000_000)) GB"
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
