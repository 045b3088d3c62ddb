/// Package-manager caches left in the image (`/var/cache/apk`, `/var/lib/apt/lists`,
/// `/root/.cache/pip`, …), with the bytes they hold.
struct PackageCacheCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let prefixes = input.list("package-caches").strings.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let globs = GlobSet(prefixes.map { $0 + "*" })
        // One pass over the files, tallying each cache directory.
        var tally: [String: (bytes: Int64, count: Int, layer: Int)] = [:]
        for file in image.orderedFiles where file.kind == .file && file.size > 0 && !file.path.hasSuffix("/lock") {
            guard let i = globs.firstMatch(file.path) else { continue }
            let prefix = prefixes[i]
            let t = tally[prefix] ?? (0, 0, 0)
            tally[prefix] = (t.bytes + file.size, t.count + 1, max(t.layer, file.layer))
        }
        return prefixes.compactMap { prefix in
            guard let t = tally[prefix] else { return nil }
            return ImageViolation(
                .file(String(prefix.dropLast()), layer: t.layer),
                "/\(prefix) holds \(ByteCount.text(t.bytes)) of package-manager cache (\(t.count) files); clean it in the RUN that fills it",
                evidence: ByteCount.text(t.bytes), reclaimableBytes: t.bytes
            )
        }
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
