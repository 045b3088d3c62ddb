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

/// Scans every regular file of every layer as the reader streams it, and gathers what it
/// finds. A reader thread hands files it has read to a queue while the queue has room,
/// and threads with no layer left to read scan them: an image with one big layer and
/// several small ones keeps every core busy.
final class LayerSecrets: @unchecked Sendable {
    let detector: SecretDetector
    let rule: Rule
    private let lock = NSLock()
    private var found: [LayerSecret] = []
    private var stats = SecretScanStats()
    private var queue: [Job] = []
    private var queued = 0   // next job to take
    private var queuedBytes = 0
    /// How many read bytes may wait for a scanning thread; past it, readers scan themselves.
    static let maxQueuedBytes = 4 << 20

    private struct Job {
        let layer: Int
        let path: String
        let bytes: [UInt8]
        let policy: SecretDetector.PathPolicy
    }

    init(detector: SecretDetector, rule: Rule) {
        self.detector = detector
        self.rule = rule
    }

    /// The reader's `inspect` hook.
    func inspect(layer: Int, entry: LayerEntry, content: LayerContent) {
        var stats = SecretScanStats()
        // Worked out once per file: every file of every layer comes through here.
        let policy = detector.policy(for: "/" + entry.path)
        guard let bytes = load(path: entry.path, size: entry.size, policy: policy, stats: &stats, read: { content.read(limit: $0) }) else {
            add([], stats)
            return
        }
        lock.lock()
        if queuedBytes + bytes.count <= Self.maxQueuedBytes {
            queue.append(Job(layer: layer, path: entry.path, bytes: bytes, policy: policy))
            queuedBytes += bytes.count
            self.stats.add(stats)
            lock.unlock()
            return
        }
        lock.unlock()
        add(find(layer: layer, path: entry.path, bytes: bytes, policy: policy), stats)
    }

    /// The reader's `whenIdle` hook: scans queued files until no layer is being read
    /// and the queue is empty.
    func help(while walking: () -> Bool) {
        while true {
            if let job = take() {
                add(find(layer: job.layer, path: job.path, bytes: job.bytes, policy: job.policy), SecretScanStats())
            } else if walking() {
                usleep(200)   // a reader is still at work and may hand off more
            } else if queueIsEmpty {
                return
            }
        }
    }

    private func take() -> Job? {
        lock.lock()
        defer { lock.unlock() }
        guard queued < queue.count else { return nil }
        let job = queue[queued]
        queue[queued] = Job(layer: 0, path: "", bytes: [], policy: .all)   // free its bytes now
        queued += 1
        queuedBytes -= job.bytes.count
        if queued == queue.count {
            queue.removeAll(keepingCapacity: true)
            queued = 0
        }
        return job
    }

    private var queueIsEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return queued == queue.count
    }

    private func add(_ secrets: [LayerSecret], _ local: SecretScanStats) {
        lock.lock()
        found += secrets
        stats.add(local)
        lock.unlock()
    }

    /// One file: skipped when larger than the limit or binary, else scanned whole.
    /// `read(n)` gives the file's first n bytes.
    func scan(layer: Int, path: String, size: Int64, read: (Int) -> [UInt8]) -> ([LayerSecret], SecretScanStats) {
        var stats = SecretScanStats()
        let policy = detector.policy(for: "/" + path)
        guard let bytes = load(path: path, size: size, policy: policy, stats: &stats, read: read) else { return ([], stats) }
        return (find(layer: layer, path: path, bytes: bytes, policy: policy), stats)
    }

    /// The bytes to scan, or nil when the file is skipped (counted in `stats`).
    private func load(path: String, size: Int64, policy: SecretDetector.PathPolicy, stats: inout SecretScanStats,
                      read: (Int) -> [UInt8]) -> [UInt8]? {
        // A package's own tests report nothing: not worth reading.
        guard size > 0, policy != .nothing, !detector.allows(path: path) else { return nil }
        guard size <= Int64(detector.settings.maxFileBytes) else {
            stats.skippedLarge = 1
            return nil
        }
        if !detector.settings.scanBinary {
            let head = read(min(Int(size), 8192))
            if head.withUnsafeBytes(SecretScanner.isBinary) {
                stats.skippedBinary = 1
                return nil
            }
        }
        let bytes = read(Int(size))
        stats.filesScanned = 1
        stats.bytesScanned = Int64(bytes.count)
        return bytes
    }

    private func find(layer: Int, path: String, bytes: [UInt8], policy: SecretDetector.PathPolicy) -> [LayerSecret] {
        let secrets = bytes.withUnsafeBytes { detector.find(in: $0, path: "/" + path, rule: rule, policy: policy) }
        return secrets.map { LayerSecret(layer: layer, path: path, secret: $0) }
    }

    var results: ([LayerSecret], SecretScanStats) {
        lock.lock()
        defer { lock.unlock() }
        let ordered = found.sorted { ($0.layer, $0.path, $0.secret.match.range.lowerBound) < ($1.layer, $1.path, $1.secret.match.range.lowerBound) }
        return (ordered, stats)
    }
}
