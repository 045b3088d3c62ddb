#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a blob's bytes are: a slice of the outer tar, or a whole file of a layout
/// directory. Keeps a temporary copy of the archive alive while anything points into it.
public struct BlobLocation: Sendable, Hashable {
    public var file: String
    public var offset: Int64
    public var length: Int64
    let keepAlive: TemporaryDirectory?

    public static func == (a: BlobLocation, b: BlobLocation) -> Bool {
        a.file == b.file && a.offset == b.offset && a.length == b.length
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(offset)
        hasher.combine(length)
    }

    /// The whole blob, for small JSON documents only.
    func read(limit: Int64, what: String) throws(ImageError) -> [UInt8] {
        if length > limit { throw .tooLarge(what: what, size: length, limit: limit) }
        let fd = open(file, O_RDONLY)
        if fd < 0 { throw .unreadable(path: file, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(offset) + off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw .unreadable(path: file, reason: String(cString: strerror(errno))) }
            if n == 0 { throw .truncated(path: file, reason: "\(what) ends early") }
            done += n
        }
        return bytes
    }
}

/// The named files of an image: members of an outer tar or files under a layout directory.
enum BlobStore: Sendable {
    case tar(path: String, index: OuterTarIndex, keepAlive: TemporaryDirectory?)
    case directory(root: String)

    /// The location of `name` (a path relative to the image root), nil when absent.
    func locate(_ name: String) throws(ImageError) -> BlobLocation? {
        let (clean, escapes) = ArchivePath.normalize(name)
        if escapes { throw .unsafeName(name: name, reason: "it leaves the image root") }
        switch self {
        case .tar(let path, let index, let keepAlive):
            guard let member = try index.resolve(clean) else { return nil }
            return BlobLocation(file: path, offset: member.offset, length: member.size, keepAlive: keepAlive)
        case .directory(let root):
            // Symlinks may be followed only while they stay inside the layout directory.
            guard let realRoot = Self.realPath(root), let real = Self.realPath(root + "/" + clean) else { return nil }
            guard real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
                throw .unsafeName(name: name, reason: "its link points outside \(root)")
            }
            var info = stat()
            guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return BlobLocation(file: real, offset: 0, length: Int64(info.st_size), keepAlive: nil)
        }
    }

    func contains(_ name: String) throws(ImageError) -> Bool {
        try locate(name) != nil
    }

    /// `blobs/sha256/<hex>` for `sha256:<hex>`.
    static func path(of digest: String) throws(ImageError) -> String {
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains("/"), !parts[0].contains("/"), parts[1] != ".." else {
            throw .invalidManifest(what: "descriptor", reason: "bad digest \(digest)")
        }
        return "blobs/\(parts[0])/\(parts[1])"
    }

    func locate(digest: String) throws(ImageError) -> BlobLocation {
        guard let location = try locate(Self.path(of: digest)) else { throw .missingBlob(digest: digest) }
        return location
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
