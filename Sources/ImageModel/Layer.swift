/// One layer of an image, in manifest order (index 0 is the base).
public struct Layer: Sendable, Hashable {
    public var index: Int
    /// The blob digest the manifest promises (compressed bytes); nil for a legacy
    /// docker-archive `<id>/layer.tar`, which only the diff_id vouches for.
    public var digest: String?
    /// The config's `rootfs.diff_ids` entry: digest of the uncompressed tar.
    public var diffID: String?
    public var mediaType: String?
    /// The `created_by` of the history step that made this layer.
    public var createdBy: String?
    /// Where the blob is; `location.length` is its stored (compressed) size.
    public var location: BlobLocation

    public var compressedSize: Int64 { location.length }
}
