import Foundation
import ImageModel
import SecretScanning

/// A secret in one file of one layer.
public struct LayerSecret: Sendable, Hashable {
    public var layer: Int
    /// The file's path in the image, without a leading `/`.
    public var path: String
    public var secret: DetectedSecret
}

/// How much of an image the secret scan read and what it left out, for the report.
public struct SecretScanStats: Sendable, Hashable, Codable {
    public var filesScanned = 0
    public var bytesScanned: Int64 = 0
    /// Files with a NUL byte in their first 8 KiB (executables, libraries, images).
    public var skippedBinary = 0
    /// Files over `secrets.max_file_size`.
    public var skippedLarge = 0

    public init() {}

    mutating func add(_ other: SecretScanStats) {
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        skippedBinary += other.skippedBinary
        skippedLarge += other.skippedLarge
    }
}

/// Scans every regular file of every layer as the reader streams it, from the reader's
/// threads, and gathers what it finds.
final class LayerSecrets: @unchecked Sendable {
    let detector: SecretDetector
    let rule: Rule
    private let lock = NSLock()
    private var found: [LayerSecret] = []
    private var stats = SecretScanStats()

    init(detector: SecretDetector, rule: Rule) {
        self.detector = detector
        self.rule = rule
    }

    /// The reader's `inspect` hook.
    func inspect(layer: Int, entry: LayerEntry, content: LayerContent) {
        let (secrets, local) = scan(layer: layer, path: entry.path, size: entry.size) { content.read(limit: $0) }
        lock.lock()
        found += secrets
        stats.add(local)
        lock.unlock()
    }

    /// One file: skipped when larger than the limit or binary, else scanned whole.
    /// `read(n)` gives the file's first n bytes.
    func scan(layer: Int, path: String, size: Int64, read: (Int) -> [UInt8]) -> ([LayerSecret], SecretScanStats) {
        var stats = SecretScanStats()
        guard size > 0, !detector.allows(path: path) else { return ([], stats) }
        guard size <= Int64(detector.settings.maxFileBytes) else {
            stats.skippedLarge = 1
            return ([], stats)
        }
        if !detector.settings.scanBinary {
            let head = read(min(Int(size), 8192))
            if head.withUnsafeBytes(SecretScanner.isBinary) {
                stats.skippedBinary = 1
                return ([], stats)
            }
        }
        let bytes = read(Int(size))
        stats.filesScanned = 1
        stats.bytesScanned = Int64(bytes.count)
        let secrets = bytes.withUnsafeBytes { detector.find(in: $0, path: "/" + path, rule: rule) }
        return (secrets.map { LayerSecret(layer: layer, path: path, secret: $0) }, stats)
    }

    var results: ([LayerSecret], SecretScanStats) {
        lock.lock()
        defer { lock.unlock() }
        let ordered = found.sorted { ($0.layer, $0.path, $0.secret.match.range.lowerBound) < ($1.layer, $1.path, $1.secret.match.range.lowerBound) }
        return (ordered, stats)
    }
}
