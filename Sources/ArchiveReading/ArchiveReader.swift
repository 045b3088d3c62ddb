import CArchive

/// Streams the entries of an archive (tar of any flavour, zip, cpio …, uncompressed or
/// gzip/bzip2/xz/zstd) with libarchive, without extracting anything to disk.
/// Owns its libarchive handle; no C pointer leaves this type.
public final class ArchiveReader {
    private let handle: OpaquePointer
    /// Keeps an in-memory source alive while libarchive reads from it.
    private let buffer: UnsafeMutableRawBufferPointer?

    /// Opens a file on disk.
    public init(path: String, blockSize: Int = 64 * 1024) throws(ArchiveError) {
        guard let a = archive_read_new() else { throw ArchiveError(code: -1, message: "libarchive: out of memory") }
        archive_read_support_filter_all(a)
        archive_read_support_format_all(a)
        let status = archive_read_open_filename(a, path, blockSize)
        if status != ARCHIVE_OK {
            let error = Self.error(a)
            archive_read_free(a)
            throw error
        }
        // Stored only on success: a class whose init throws after that would run deinit too.
        handle = a
        buffer = nil
    }

    /// Reads an archive held in memory (a nested layer, a test fixture).
    public init(bytes: [UInt8]) throws(ArchiveError) {
        guard let a = archive_read_new() else { throw ArchiveError(code: -1, message: "libarchive: out of memory") }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        copy.copyBytes(from: bytes)
        archive_read_support_filter_all(a)
        archive_read_support_format_all(a)
        let status = archive_read_open_memory(a, copy.baseAddress, bytes.count)
        if status != ARCHIVE_OK {
            let error = Self.error(a)
            archive_read_free(a)
            copy.deallocate()
            throw error
        }
        handle = a
        buffer = copy
    }

    deinit {
        archive_read_free(handle)
        buffer?.deallocate()
    }

    /// The next entry's header, or nil at the end of the archive.
    public func next() throws(ArchiveError) -> ArchiveEntry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { throw Self.error(handle) }
        let path = archive_entry_pathname(entry).map { Self.bytes($0) } ?? []
        let hardlink = archive_entry_hardlink(entry).map { Self.bytes($0) }
        let symlink = archive_entry_symlink(entry).map { Self.bytes($0) }
        let kind: ArchiveEntry.Kind
        if hardlink != nil {
            kind = .hardlink
        } else {
            // libarchive's AE_IF* macros are casts Swift cannot import; these are their values.
            switch UInt32(archive_entry_filetype(entry)) {
            case 0o100000: kind = .file
            case 0o040000: kind = .directory
            case 0o120000: kind = .symlink
            case 0o020000: kind = .characterDevice
            case 0o060000: kind = .blockDevice
            case 0o010000: kind = .fifo
            case 0o140000: kind = .socket
            default: kind = .other
            }
        }
        return ArchiveEntry(
            pathBytes: path, kind: kind, size: archive_entry_size(entry),
            mode: UInt32(archive_entry_mode(entry)), uid: archive_entry_uid(entry), gid: archive_entry_gid(entry),
            linkTargetBytes: hardlink ?? symlink
        )
    }

    /// Reads up to `limit` bytes of the current entry's data (the rest is skipped by `next`).
    public func readData(limit: Int) throws(ArchiveError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while out.count < limit {
            let want = min(chunk.count, limit - out.count)
            let n = chunk.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress, want) }
            if n < 0 { throw Self.error(handle) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    private static func bytes(_ cString: UnsafePointer<CChar>) -> [UInt8] {
        var out: [UInt8] = []
        var p = cString
        while p.pointee != 0 {
            out.append(UInt8(bitPattern: p.pointee))
            p += 1
        }
        return out
    }

    private static func error(_ a: OpaquePointer) -> ArchiveError {
        let message = archive_error_string(a).map { String(decoding: bytes($0), as: UTF8.self) } ?? "unknown libarchive error"
        return ArchiveError(code: archive_errno(a), message: message)
    }
}
