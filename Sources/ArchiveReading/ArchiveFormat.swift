import CArchive

/// What a reader opened over callbacks accepts.
public enum ArchiveFormat: Sendable {
    /// Any format libarchive knows, plain or compressed with a filter built into it.
    case any
    /// Tar of any flavour, uncompressed or gzip/bzip2/xz/zstd.
    case tar
    /// One entry holding the decompressed stream (gzip/bzip2/xz/zstd or none): used to
    /// read a layer blob whose uncompressed bytes must be digested.
    case raw
    /// A zip archive (a Java jar, war or ear), read from memory so entries can be sought.
    case zip

    func enable(on a: OpaquePointer) {
        switch self {
        case .any: archive_read_support_format_all(a)
        case .tar: archive_read_support_format_tar(a)
        case .raw: archive_read_support_format_raw(a)
        // Zip compresses each entry itself; no outer filter.
        case .zip:
            archive_read_support_format_zip(a)
            return
        }
        // Only filters built into libarchive: filter_all may fall back to running an
        // external program (lrzip, lzop, grzip), and nothing from an image is executed.
        archive_read_support_filter_gzip(a)
        archive_read_support_filter_bzip2(a)
        archive_read_support_filter_xz(a)
        archive_read_support_filter_zstd(a)
    }
}
