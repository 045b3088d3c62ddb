/// The file system the container sees, built by applying layers in order the way
/// overlayfs does — `.wh.NAME` deletes NAME and its subtree, `.wh..wh..opq` empties a
/// directory of what lower layers put there, a later entry replaces an earlier one —
/// plus every entry that was hidden on the way: those bytes still ship.
public struct MergedView: Sendable {
    public struct File: Sendable, Hashable {
        public var entry: LayerEntry
        /// Index of the layer the entry comes from.
        public var layer: Int
    }

    public struct Hidden: Sendable, Hashable {
        public var entry: LayerEntry
        public var layer: Int
        /// The layer whose whiteout or newer entry hid it.
        public var hiddenBy: Int
        /// Deleted by a whiteout, rather than overwritten.
        public var deleted: Bool
    }

    /// Path → the entry that wins. Whiteout markers, the root entry and entries with
    /// `..` in their names are never part of it.
    public private(set) var files: [String: File] = [:]
    /// Non-directory entries hidden by a later layer, in the order they were hidden.
    public private(set) var hidden: [Hidden] = []

    public init() {}

    public static func merge(_ layers: [[LayerEntry]]) -> MergedView {
        var view = MergedView()
        for (index, entries) in layers.enumerated() { view.apply(layer: index, entries: entries) }
        return view
    }

    /// Bytes of regular files that ship but cannot be seen: the optimisation potential.
    public var wastedBytes: Int64 {
        hidden.reduce(0) { $0 + ($1.entry.kind == .file ? $1.entry.size : 0) }
    }

    /// Every path that has had something below it; a path missing here has no subtree,
    /// so most entries need no scan of the whole view. Never shrinks: a stale path only
    /// costs a scan that finds nothing.
    private var parents: Set<String> = []

    /// Applies one layer; layers must come in order. Whiteouts affect lower layers only,
    /// so their place among the layer's own entries does not matter.
    public mutating func apply(layer: Int, entries: [LayerEntry]) {
        // One allocation instead of a dozen rehashes of every path so far.
        files.reserveCapacity(files.count + entries.count)
        for entry in entries where !entry.escapesRoot && !entry.path.isEmpty {
            switch entry.whiteout {
            case .opaque(let directory)?:
                removeTree(directory, keepingRoot: true, by: layer, deleted: true)
            case .delete(let target)?:
                removeTree(target, keepingRoot: false, by: layer, deleted: true)
            case nil:
                // Anything but a directory replaces a lower directory with all below it,
                // whether or not that directory had an entry of its own.
                if entry.kind != .directory { removeTree(entry.path, keepingRoot: true, by: layer, deleted: false) }
                if let previous = files.updateValue(File(entry: entry, layer: layer), forKey: entry.path),
                   previous.layer < layer, previous.entry.kind != .directory {
                    hidden.append(Hidden(entry: previous.entry, layer: previous.layer, hiddenBy: layer, deleted: false))
                }
                var directory = ArchivePath.directory(entry.path)
                while !directory.isEmpty, parents.insert(directory).inserted {
                    directory = ArchivePath.directory(directory)
                }
            }
        }
    }

    private mutating func removeTree(_ path: String, keepingRoot: Bool, by layer: Int, deleted: Bool) {
        if !keepingRoot, let file = files[path], file.layer < layer {
            files[path] = nil
            if file.entry.kind != .directory {
                hidden.append(Hidden(entry: file.entry, layer: file.layer, hiddenBy: layer, deleted: deleted))
            }
        }
        guard path.isEmpty || parents.contains(path) else { return }
        let prefix = path.isEmpty ? "" : path + "/"
        let doomed = files.filter { p, file in file.layer < layer && p.hasPrefix(prefix) }
        for (p, file) in doomed.sorted(by: { $0.key < $1.key }) {
            files[p] = nil
            if file.entry.kind != .directory {
                hidden.append(Hidden(entry: file.entry, layer: file.layer, hiddenBy: layer, deleted: deleted))
            }
        }
    }
}
