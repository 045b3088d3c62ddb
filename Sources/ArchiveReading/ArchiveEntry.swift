/// One entry of an archive, as libarchive describes its header.
public struct ArchiveEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file, directory, symlink, hardlink, characterDevice, blockDevice, fifo, socket, other
    }

    /// The raw path bytes: archive names need not be valid UTF-8.
    public var pathBytes: [UInt8]
    public var kind: Kind
    public var size: Int64
    public var mode: UInt32
    public var uid: Int64
    public var gid: Int64
    /// Symlink or hardlink target, raw bytes.
    public var linkTargetBytes: [UInt8]?

    /// The path decoded as UTF-8, with invalid bytes replaced.
    public var path: String { String(decoding: pathBytes, as: UTF8.self) }
    public var linkTarget: String? { linkTargetBytes.map { String(decoding: $0, as: UTF8.self) } }
}
