import ArchiveReading

/// What a whiteout entry does to the layers below it (overlayfs / OCI convention).
public enum Whiteout: Sendable, Hashable {
    /// `.wh.NAME`: NAME (and everything under it) is deleted.
    case delete(String)
    /// `.wh..wh..opq`: the directory keeps only what this layer puts in it.
    case opaque(String)

    public static let prefix = ".wh."
    public static let opaqueMarker = ".wh..wh..opq"
}

/// One entry of a layer tar, with its path normalised (no leading `./` or `/`).
public struct LayerEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case file, directory, symlink, hardlink, characterDevice, blockDevice, fifo, socket, other
    }

    /// Normalised path; "" for the root directory itself.
    public var path: String
    /// The name exactly as the tar holds it.
    public var rawPath: String
    public var kind: Kind
    /// Permission and type bits, as in the tar header (e.g. 0o104755 for a setuid file).
    public var mode: UInt32
    public var uid: Int64
    public var gid: Int64
    public var size: Int64
    /// A symlink's target as written; a hardlink's target normalised like `path`.
    public var linkTarget: String?
    public var whiteout: Whiteout?
    /// The raw path has `..` components: extracting it would write outside the root.
    public var escapesRoot: Bool

    public init(path: String, kind: Kind, mode: UInt32 = 0o644, uid: Int64 = 0, gid: Int64 = 0, size: Int64 = 0,
                linkTarget: String? = nil) {
        let normal = ArchivePath.normalize(path)
        self.path = normal.path
        self.rawPath = path
        self.kind = kind
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.linkTarget = kind == .hardlink ? linkTarget.map { ArchivePath.normalize($0).path } : linkTarget
        self.escapesRoot = normal.escapes || (kind == .hardlink && linkTarget.map { ArchivePath.normalize($0).escapes } == true)
        let (directory, name) = ArchivePath.split(normal.path)
        if name == Whiteout.opaqueMarker {
            whiteout = .opaque(directory)
        } else if name.hasPrefix(Whiteout.prefix), name.count > Whiteout.prefix.count {
            whiteout = .delete(ArchivePath.join(directory, String(name.dropFirst(Whiteout.prefix.count))))
        } else {
            whiteout = nil
        }
    }

    init(_ entry: ArchiveEntry) {
        let kind: Kind = switch entry.kind {
        case .file: .file
        case .directory: .directory
        case .symlink: .symlink
        case .hardlink: .hardlink
        case .characterDevice: .characterDevice
        case .blockDevice: .blockDevice
        case .fifo: .fifo
        case .socket: .socket
        case .other: .other
        }
        self.init(path: entry.path, kind: kind, mode: entry.mode, uid: entry.uid, gid: entry.gid,
                  size: kind == .file ? entry.size : 0, linkTarget: entry.linkTarget)
    }

    /// Path components: `a/b/c` is 3, the root is 0.
    public var depth: Int { path.isEmpty ? 0 : path.utf8.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

    public var isSetuid: Bool { mode & 0o4000 != 0 }
    public var isSetgid: Bool { mode & 0o2000 != 0 }
    /// The permission bits only.
    public var permissions: UInt32 { mode & 0o7777 }
}
