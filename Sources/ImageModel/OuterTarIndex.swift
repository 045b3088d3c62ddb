import ArchiveReading

/// Name → where the data sits, for every member of an uncompressed outer tar, from one
/// pass over its headers (data is skipped by seeking). `docker save` may write
/// `manifest.json` last; with the index, config and layers are then read by offset.
public struct OuterTarIndex: Sendable {
    public struct Member: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case file, directory, symlink, hardlink, other }
        public var name: String
        public var kind: Kind
        /// Offset of the data in the tar file, and its length.
        public var offset: Int64
        public var size: Int64
        public var linkTarget: String?
    }

    public private(set) var members: [String: Member] = [:]

    /// `label` is the path users know, for messages (the file may be a temporary copy).
    public static func build(path: String, fileSize: Int64, label: String? = nil) throws(ImageError) -> OuterTarIndex {
        let label = label ?? path
        var index = OuterTarIndex()
        let reader: ArchiveReader
        do {
            reader = try ArchiveReader(path: path, offset: 0, length: fileSize, format: .tar)
        } catch {
            throw .notATar(path: label, reason: error.message)
        }
        var first = true
        while true {
            let entry: ArchiveEntry?
            do {
                entry = try reader.next()
            } catch {
                if first { throw .notATar(path: label, reason: error.message) }
                throw .truncated(path: label, reason: error.message)
            }
            guard let entry else { break }
            first = false
            let (name, escapes) = ArchivePath.normalize(entry.path)
            // A member that would land outside the archive root is no part of any image.
            if escapes || name.isEmpty { continue }
            let kind: Member.Kind = switch entry.kind {
            case .file: .file
            case .directory: .directory
            case .symlink: .symlink
            case .hardlink: .hardlink
            default: .other
            }
            if kind == .file && reader.dataOffset + entry.size > fileSize {
                throw .truncated(path: label, reason: "\(name) needs \(entry.size) bytes, the file ends first")
            }
            index.members[name] = Member(name: name, kind: kind, offset: reader.dataOffset, size: entry.size,
                                         linkTarget: entry.linkTarget)
        }
        return index
    }

    /// The regular file `name` stands for, following symlinks and hardlinks inside the
    /// archive (docker save links duplicate `layer.tar`s); nil when there is none.
    public func resolve(_ name: String) throws(ImageError) -> Member? {
        var current = ArchivePath.normalize(name).path
        for _ in 0..<16 {
            guard let member = members[current] else { return nil }
            switch member.kind {
            case .file:
                return member
            case .symlink:
                guard let next = ArchivePath.resolve(member.linkTarget ?? "", from: ArchivePath.split(current).directory) else {
                    throw .unsafeName(name: name, reason: "its link points outside the archive")
                }
                current = next
            case .hardlink:
                let (next, escapes) = ArchivePath.normalize(member.linkTarget ?? "")
                if escapes { throw .unsafeName(name: name, reason: "its link points outside the archive") }
                current = next
            case .directory, .other:
                return nil
            }
        }
        throw .unsafeName(name: name, reason: "symlink loop")
    }
}
