import ArchiveReading
import Digesting

/// An integrity problem found while streaming a layer: a finding for the auditor, not a
/// reason to stop reading the image.
public enum LayerProblem: Sendable, Hashable, CustomStringConvertible {
    /// The stored (compressed) bytes do not hash to the manifest's digest.
    case blobDigestMismatch(expected: String, actual: String)
    /// The uncompressed tar does not hash to the config's diff_id.
    case diffIDMismatch(expected: String, actual: String)
    /// The blob is corrupt or cut short; entries before the damage were visited.
    case unreadable(String)
    /// An entry whose name has `..` components (`../../etc/passwd`).
    case escapingPath(String)
    /// A `LayerLimits` bound was reached. `.bytes` and `.entries`: reading stopped after
    /// `count` entries, so the digests are unchecked; `.pathDepth`: `count` entries were left out.
    case limitReached(LayerLimit, count: Int)

    public var description: String {
        switch self {
        case .blobDigestMismatch(let expected, let actual): "layer digest mismatch: the manifest says \(expected), the blob is \(actual)"
        case .diffIDMismatch(let expected, let actual): "layer diff_id mismatch: the config says \(expected), the tar is \(actual)"
        case .unreadable(let reason): "layer unreadable: \(reason)"
        case .escapingPath(let path): "layer entry \(path) points outside the root"
        case .limitReached(.pathDepth, let count): "\(count) layer entries nested deeper than the path depth limit were left out"
        case .limitReached(let limit, let count): "layer read stopped at the \(limit.rawValue) limit after \(count) entries"
        }
    }
}

/// What streaming one layer found besides its entries.
public struct LayerWalkResult: Sendable, Hashable {
    public var entryCount = 0
    /// Bytes of regular files in the layer.
    public var fileBytes: Int64 = 0
    public var compressedBytes: Int64 = 0
    public var uncompressedBytes: Int64 = 0
    /// `sha256:…` of the stored blob and of the uncompressed tar, as computed; nil when
    /// the layer could not be read to its end.
    public var blobDigest: String?
    public var diffID: String?
    public var problems: [LayerProblem] = []

    /// Read to its end: neither unreadable nor stopped by a limit (the digests were checked).
    public var isComplete: Bool {
        !problems.contains {
            switch $0 {
            case .unreadable, .limitReached(.bytes, _), .limitReached(.entries, _): true
            default: false
            }
        }
    }
}

/// The data of the entry being visited; valid only during the visit. Reads are capped
/// by the caller's limit, so a layer is never buffered whole.
public final class LayerContent {
    private let reader: ArchiveReader
    private(set) var failure: ArchiveError?
    /// What was read of the current entry so far, so several readers (a package database
    /// cache, the secret scanner) can each ask for the entry's first bytes.
    private var head: [UInt8] = []
    private var atEnd = false

    init(reader: ArchiveReader) { self.reader = reader }

    /// A new entry starts: forget the previous one's bytes.
    func reset() {
        head = []
        atEnd = false
    }

    /// The entry's first `limit` bytes (fewer if it is shorter), reading only what earlier
    /// calls have not; [] after a failure.
    public func read(limit: Int) -> [UInt8] {
        guard failure == nil else { return [] }
        if head.count < limit && !atEnd {
            do {
                let wanted = limit - head.count
                let before = head.count
                try reader.readData(appendingTo: &head, limit: wanted)
                if head.count - before < wanted { atEnd = true }
            } catch {
                failure = error
                return []
            }
        }
        return head.count <= limit ? head : Array(head[0..<limit])
    }

    /// Passes the entry's data from its first byte, chunk by chunk, until `body` returns
    /// false: the bytes earlier `read(limit:)` calls kept, then the rest from the archive.
    public func readThrough(_ body: (UnsafeRawBufferPointer) -> Bool) {
        guard failure == nil else { return }
        if !head.isEmpty {
            let more = head.withUnsafeBytes { body($0) }
            if !more || atEnd { return }
        }
        stream(body)
    }

    /// Passes the data chunk by chunk (at most `limit` bytes in all) until `body` returns false.
    public func stream(limit: Int64 = .max, chunkSize: Int = 64 * 1024, _ body: (UnsafeRawBufferPointer) -> Bool) {
        guard failure == nil else { return }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var left = limit
        while left > 0 {
            let window = UnsafeMutableRawBufferPointer(rebasing: chunk[0..<Int(min(Int64(chunkSize), left))])
            let n: Int
            do {
                n = try reader.readData(into: window)
            } catch {
                failure = error
                return
            }
            if n == 0 { return }
            left -= Int64(n)
            if !body(UnsafeRawBufferPointer(rebasing: chunk[0..<n])) { return }
        }
    }
}

extension Layer {
    /// Streams the blob through libarchive (uncompressed, gzip or zstd alike), calling
    /// `visit` per entry in tar order, and checks both digests on the way: the stored
    /// bytes against `digest`, the uncompressed tar against `diffID`. `limits` bound the
    /// walk; reaching one adds a `limitReached` problem.
    public func walk(limits: LayerLimits = .unlimited, _ visit: (LayerEntry, LayerContent) -> Void) -> LayerWalkResult {
        var result = LayerWalkResult()
        let blobHash = SHA256()
        let tarHash = SHA256()
        var compressed: Int64 = 0
        var uncompressed: Int64 = 0
        var uncompressedIsBlob = false
        var stoppedAt: LayerLimit?
        var tooDeep = 0
        do throws(ArchiveError) {
            let raw = try ArchiveReader(path: location.file, offset: location.offset, length: location.length, format: .raw) {
                compressed += Int64($0.count)
                blobHash.update($0)
            }
            guard try raw.next() != nil else { throw ArchiveError(code: -1, message: "empty blob") }
            // An uncompressed blob is its own tar: one digest covers both.
            uncompressedIsBlob = !raw.isCompressed
            let tar = try ArchiveReader(entryDataOf: raw, format: .tar) { [uncompressedIsBlob] in
                uncompressed += Int64($0.count)
                if !uncompressedIsBlob { tarHash.update($0) }
            }
            let content = LayerContent(reader: tar)
            while let archived = try tar.next() {
                if result.entryCount >= limits.entries {
                    stoppedAt = .entries
                    break
                }
                let entry = LayerEntry(archived)
                content.reset()
                result.entryCount += 1
                if entry.kind == .file { result.fileBytes += entry.size }
                if entry.depth > limits.pathDepth {
                    // Left out of the audit (and of the merged view), counted for the report.
                    tooDeep += 1
                } else {
                    if entry.escapesRoot { result.problems.append(.escapingPath(entry.rawPath)) }
                    visit(entry, content)
                    if let failure = content.failure { throw failure }
                }
                if limits.bytes < .max && entry.size > 1 << 20 {
                    // Read a big entry ourselves rather than let libarchive skip it, so the
                    // limit is checked while it inflates.
                    content.stream { _ in uncompressed <= limits.bytes }
                    if let failure = content.failure { throw failure }
                }
                if uncompressed > limits.bytes {
                    stoppedAt = .bytes
                    break
                }
            }
            if stoppedAt == nil {
                // The digests cover every byte, also those after the tar's end mark.
                try tar.drainSource()
                try raw.drainSource()
            }
        } catch {
            result.problems.append(.unreadable(error.message))
        }
        if tooDeep > 0 { result.problems.append(.limitReached(.pathDepth, count: tooDeep)) }
        if let stoppedAt { result.problems.append(.limitReached(stoppedAt, count: result.entryCount)) }
        result.compressedBytes = compressed
        result.uncompressedBytes = uncompressed
        guard result.isComplete else { return result }
        result.blobDigest = "sha256:" + blobHash.finalize()
        result.diffID = uncompressedIsBlob ? result.blobDigest : "sha256:" + tarHash.finalize()
        if let expected = digest, expected.hasPrefix("sha256:"), expected != result.blobDigest {
            result.problems.append(.blobDigestMismatch(expected: expected, actual: result.blobDigest!))
        }
        if let expected = diffID, expected.hasPrefix("sha256:"), expected != result.diffID {
            result.problems.append(.diffIDMismatch(expected: expected, actual: result.diffID!))
        }
        return result
    }
}
