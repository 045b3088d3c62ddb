import CArchive

/// Streams the entries of an archive (tar of any flavour, zip, cpio …, uncompressed or
/// gzip/bzip2/xz/zstd) with libarchive, without extracting anything to disk.
/// Owns its libarchive handle; no C pointer leaves this type.
public final class ArchiveReader {
    private let handle: OpaquePointer
    /// Keeps an in-memory source alive while libarchive reads from it.
    private let buffer: UnsafeMutableRawBufferPointer?
    /// Feeds libarchive through callbacks when it does not open the bytes itself.
    private let source: ArchiveSource?
    /// Where the current entry's header and data start, counted in the (decompressed)
    /// stream the format reads; for an uncompressed tar, byte offsets in the file.
    public private(set) var headerOffset: Int64 = 0
    public private(set) var dataOffset: Int64 = 0

    /// Opens a file on disk.
    public init(path: String, format: ArchiveFormat = .any, blockSize: Int = 64 * 1024) throws(ArchiveError) {
        guard let a = archive_read_new() else { throw ArchiveError(code: -1, message: "libarchive: out of memory") }
        format.enable(on: a)
        let status = archive_read_open_filename(a, path, blockSize)
        if status != ARCHIVE_OK {
            let error = Self.error(a)
            archive_read_free(a)
            throw error
        }
        // Stored only on success: a class whose init throws after that would run deinit too.
        handle = a
        buffer = nil
        source = nil
    }

    /// Reads an archive held in memory (a jar found in a layer, a test fixture).
    public init(bytes: [UInt8], format: ArchiveFormat = .any) throws(ArchiveError) {
        guard let a = archive_read_new() else { throw ArchiveError(code: -1, message: "libarchive: out of memory") }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        copy.copyBytes(from: bytes)
        format.enable(on: a)
        let status = archive_read_open_memory(a, copy.baseAddress, bytes.count)
        if status != ARCHIVE_OK {
            let error = Self.error(a)
            archive_read_free(a)
            copy.deallocate()
            throw error
        }
        handle = a
        buffer = copy
        source = nil
    }

    /// Opens `length` bytes of a file from `offset` — a blob inside an outer tar — streamed
    /// without copying it. With `observe`, every byte of the slice passes it exactly once
    /// (call `drainSource()` at the end), e.g. to digest a compressed layer; without it,
    /// skipping entry data seeks instead of reading.
    public convenience init(
        path: String, offset: Int64, length: Int64, format: ArchiveFormat = .any,
        observe: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) throws(ArchiveError) {
        let source = try FileSliceSource(path: path, offset: offset, length: length, observe: observe)
        try self.init(source: source, format: format)
    }

    /// Reads the data of `upstream`'s current entry as an archive: with a `.raw` upstream
    /// that decompresses a layer blob, this reads the tar inside. `observe` sees the
    /// decompressed bytes (for a diff_id), all of them once `drainSource()` has run.
    public convenience init(
        entryDataOf upstream: ArchiveReader, format: ArchiveFormat = .tar,
        observe: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) throws(ArchiveError) {
        try self.init(source: EntryDataSource(upstream: upstream, observe: observe), format: format)
    }

    private init(source: ArchiveSource, format: ArchiveFormat) throws(ArchiveError) {
        guard let a = archive_read_new() else {
            source.close()
            throw ArchiveError(code: -1, message: "libarchive: out of memory")
        }
        format.enable(on: a)
        let context = Unmanaged.passUnretained(source).toOpaque()
        let status = archive_read_open2(
            a, context, nil,
            { _, context, block in
                let source = Unmanaged<ArchiveSource>.fromOpaque(context!).takeUnretainedValue()
                let n = source.fill()
                block?.pointee = UnsafeRawPointer(source.buffer.baseAddress)
                return n
            },
            source.canSkip ? { _, context, request in
                Unmanaged<ArchiveSource>.fromOpaque(context!).takeUnretainedValue().skip(request)
            } : nil,
            nil
        )
        if status != ARCHIVE_OK {
            let error = source.failure ?? Self.error(a)
            archive_read_free(a)
            source.close()
            throw error
        }
        handle = a
        buffer = nil
        self.source = source
    }

    deinit {
        archive_read_free(handle)
        buffer?.deallocate()
        source?.close()
    }

    /// Reads and observes the bytes of the source libarchive did not ask for (padding
    /// after the end-of-archive mark, a compressed stream's trailer), so an observer's
    /// digest covers the whole source. Call it after `next()` returned nil.
    public func drainSource() throws(ArchiveError) {
        try source?.drain()
    }

    /// Whether a decompression filter (gzip, zstd, …) sits between the source and the
    /// format: known once the first header is read.
    public var isCompressed: Bool { archive_filter_count(handle) > 1 }

    /// Skips the rest of the current entry's data (a seek where the source allows it).
    public func skipData() throws(ArchiveError) {
        if archive_read_data_skip(handle) != ARCHIVE_OK { throw failure() }
    }

    /// Reads the next chunk of the current entry's data into `buffer`: the byte count,
    /// 0 at the end of the entry. For streaming large entries through a scanner.
    public func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        let n = archive_read_data(handle, base, buffer.count)
        if n < 0 { throw failure() }
        return n
    }

    /// A callback's own error (a truncated slice, a corrupt upstream) beats libarchive's.
    private func failure() -> ArchiveError {
        source?.failure ?? Self.error(handle)
    }

    /// The next entry's header, or nil at the end of the archive.
    public func next() throws(ArchiveError) -> ArchiveEntry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { throw failure() }
        headerOffset = archive_read_header_position(handle)
        dataOffset = archive_filter_bytes(handle, 0)
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
        try readData(appendingTo: &out, limit: limit)
        return out
    }

    /// Appends at most `limit` bytes of the current entry's data to `out`, read straight
    /// into the array (no staging buffer to fill and copy for each of 150,000 files).
    public func readData(appendingTo out: inout [UInt8], limit: Int) throws(ArchiveError) {
        var left = limit
        // The limit is often far above the entry's size (a cap, or a size the header only
        // claims): grow from 16 KiB, doubling up to 1 MiB, so a small file keeps a small array.
        var step = 16 << 10
        while left > 0 {
            let want = min(left, step)
            step = min(step * 2, 1 << 20)
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: want))
            let n = out.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress! + start, want) }
            if n < want { out.removeLast(want - max(0, n)) }
            if n < 0 { throw failure() }
            if n == 0 { break }
            left -= n
        }
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
