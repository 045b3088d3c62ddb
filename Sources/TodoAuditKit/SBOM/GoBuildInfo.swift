#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ImageModel

/// The build information the Go linker embeds in every executable since Go 1.18: the Go
/// version, the main module and each dependency module with its version, found by the
/// `\xff Go buildinf:` marker that starts the `.go.buildinfo` data (no section table
/// needed, so a stream works). Older executables keep pointers instead of strings and are
/// not read.
public struct GoBuildInfo: Sendable, Hashable {
    public struct Module: Sendable, Hashable {
        public var path: String
        public var version: String
    }

    public var goVersion: String
    public var main: Module?
    public var dependencies: [Module]

    static let marker: [UInt8] = [0xFF] + Array(" Go buildinf:".utf8)
    /// The marker, pointer size, flags and padding before the inline strings.
    static let headerSize = 32
    /// How much after the marker is kept for parsing: long dependency lists fit.
    static let maxBlob = 1 << 20

    /// Parses a blob that starts at the marker; nil when it is not the inline (Go 1.18+) form
    /// or is cut short.
    static func parse(_ blob: [UInt8]) -> GoBuildInfo? {
        guard blob.count > headerSize, blob.starts(with: marker), blob[15] & 0x2 != 0 else { return nil }
        var at = headerSize
        func string() -> String? {
            var length = 0, shift = 0
            while at < blob.count {
                let byte = blob[at]
                at += 1
                length |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
                if shift > 28 { return nil }
            }
            guard length >= 0, at + length <= blob.count else { return nil }
            defer { at += length }
            return String(decoding: blob[at..<(at + length)], as: UTF8.self)
        }
        guard let version = string(), version.hasPrefix("go"), var modules = string() else { return nil }
        // The module text is framed by 16-byte sentinels.
        let bytes = Array(modules.utf8)
        if bytes.count >= 33, bytes[bytes.count - 17] == UInt8(ascii: "\n") {
            modules = String(decoding: bytes[16..<(bytes.count - 16)], as: UTF8.self)
        }
        var info = GoBuildInfo(goVersion: version, main: nil, dependencies: [])
        var replaced: Int?
        for line in modules.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "mod" where fields.count >= 3:
                info.main = Module(path: fields[1], version: fields[2])
                replaced = nil
            case "dep" where fields.count >= 3:
                info.dependencies.append(Module(path: fields[1], version: fields[2]))
                replaced = info.dependencies.count - 1
            case "=>" where fields.count >= 3:
                // A replace directive: the module built is the replacement.
                if let index = replaced { info.dependencies[index] = Module(path: fields[1], version: fields[2]) }
            default: break
            }
        }
        return info
    }
}

/// Finds the build-info blob in an executable read chunk by chunk, keeping only the tail
/// a marker could straddle and, once found, the bytes after it.
struct GoBuildInfoSearch {
    private var carry: [UInt8] = []
    private(set) var blob: [UInt8]?

    var isDone: Bool { (blob?.count ?? 0) >= GoBuildInfo.maxBlob }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        if blob != nil {
            blob! += chunk.prefix(GoBuildInfo.maxBlob - blob!.count)
            return
        }
        let window = carry + chunk
        let marker = GoBuildInfo.marker
        if let at = window.withUnsafeBytes({ Self.find(marker, in: $0) }) {
            blob = Array(window[at...].prefix(GoBuildInfo.maxBlob))
            carry = []
        } else {
            carry = Array(window.suffix(marker.count - 1))
        }
    }

    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            guard let base = haystack.baseAddress,
                  let hit = memchr(base + i, Int32(needle[0]), haystack.count - needle.count - i + 1) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}

/// Go executables met while the layers are read, from the reader threads.
final class GoBinaries: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [(layer: Int, path: String, info: GoBuildInfo)] = []

    /// The reader's `inspect` hook: executables with an ELF header are read through for
    /// their build info.
    func inspect(layer: Int, entry: LayerEntry, content: LayerContent) {
        guard entry.kind == .file, entry.size > 64, entry.mode & 0o111 != 0,
              content.read(limit: 4) == [0x7F, 0x45, 0x4C, 0x46] else { return }
        var search = GoBuildInfoSearch()
        content.readThrough { chunk in
            search.feed(chunk)
            return !search.isDone
        }
        guard let blob = search.blob else { return }
        lock.lock()
        if let info = GoBuildInfo.parse(blob) { found.append((layer, entry.path, info)) } else { unreadable.append((layer, entry.path)) }
        lock.unlock()
    }

    /// Executables with the marker whose build info could not be read (pre-1.18 pointer
    /// form, or damaged).
    private var unreadable: [(layer: Int, path: String)] = []
    var unreadablePaths: [(layer: Int, path: String)] {
        lock.lock()
        defer { lock.unlock() }
        return unreadable.sorted { ($0.layer, $0.path) < ($1.layer, $1.path) }
    }

    var all: [(layer: Int, path: String, info: GoBuildInfo)] {
        lock.lock()
        defer { lock.unlock() }
        return found.sorted { ($0.layer, $0.path) < ($1.layer, $1.path) }
    }
}
