#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes fed to libarchive through read callbacks instead of a path it opens itself: a
/// slice of a file (a blob inside an outer tar) or the data of another reader's entry
/// (the decompressed stream of a layer). Every byte handed to libarchive passes the
/// observer once, so a digest of the whole source can be taken while it streams.
class ArchiveSource {
    let buffer: UnsafeMutableRawBufferPointer
    let observe: ((UnsafeRawBufferPointer) -> Void)?
    /// The error behind a failed callback, more precise than libarchive's generic one.
    var failure: ArchiveError?

    init(bufferSize: Int, observe: ((UnsafeRawBufferPointer) -> Void)?) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        self.observe = observe
    }

    deinit { buffer.deallocate() }

    /// Fills `buffer` with the next bytes: the count, 0 at the end, -1 on failure.
    func produce() -> Int { fatalError("abstract") }

    /// Skips up to `count` bytes without reading them; nil where skipping would hide bytes.
    func skip(_ count: Int64) -> Int64 { 0 }

    var canSkip: Bool { false }

    /// Called by libarchive: the next block, observed on its way.
    func fill() -> Int {
        let n = produce()
        if n > 0 { observe?(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
        return n
    }

    /// Reads and observes what libarchive left unread (tar end padding, gzip trailer).
    func drain() throws(ArchiveError) {
        while true {
            let n = fill()
            if n < 0 { throw failure ?? ArchiveError(code: -1, message: "read error") }
            if n == 0 { return }
        }
    }

    func close() {}
}

/// `length` bytes of a file from `offset`, read with pread: many slices of one file can
/// stream at once, on different threads, each with its own descriptor.
final class FileSliceSource: ArchiveSource {
    private let fd: Int32
    private let path: String
    private var position: Int64
    private let end: Int64
    private let skippable: Bool

    init(path: String, offset: Int64, length: Int64, observe: ((UnsafeRawBufferPointer) -> Void)?) throws(ArchiveError) {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw ArchiveError(code: errno, message: "\(path): \(String(cString: strerror(errno)))") }
        self.fd = fd
        self.path = path
        position = offset
        end = offset + length
        // Skipping unobserved would leave holes in a digest: only skip when nobody watches.
        skippable = observe == nil
        super.init(bufferSize: 128 * 1024, observe: observe)
    }

    override var canSkip: Bool { skippable }

    override func produce() -> Int {
        let want = Int(min(Int64(buffer.count), end - position))
        if want <= 0 { return 0 }
        while true {
            let n = pread(fd, buffer.baseAddress, want, off_t(position))
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                failure = ArchiveError(code: errno, message: "\(path): \(String(cString: strerror(errno)))")
                return -1
            }
            if n == 0 {
                // The file ends before the slice does: the outer archive was cut short.
                failure = ArchiveError(code: -1, message: "\(path): truncated (\(end - position) bytes missing)")
                return -1
            }
            position += Int64(n)
            return n
        }
    }

    override func skip(_ count: Int64) -> Int64 {
        guard skippable else { return 0 }
        let step = max(0, min(count, end - position))
        position += step
        return step
    }

    override func close() { Glibc_close(fd) }
}

/// The data of the current entry of another reader, e.g. the decompressed stream that a
/// `.raw` reader yields for a gzip layer, read as a tar by a second reader.
final class EntryDataSource: ArchiveSource {
    private let upstream: ArchiveReader

    init(upstream: ArchiveReader, observe: ((UnsafeRawBufferPointer) -> Void)?) {
        self.upstream = upstream
        super.init(bufferSize: 128 * 1024, observe: observe)
    }

    override func produce() -> Int {
        do {
            return try upstream.readData(into: buffer)
        } catch {
            failure = error
            return -1
        }
    }
}

@inline(__always) private func Glibc_close(_ fd: Int32) {
    _ = close(fd)
}
