/// Applies layers in order the way an overlay filesystem does: `.wh.NAME` deletes NAME (and
/// everything below it), `.wh..wh..opq` empties its directory of what earlier layers put
/// there, and a later entry replaces an earlier one. What is hidden is kept, with the layer
/// that hid it: those bytes still ship.
public enum LayerMerge {
    public static let whiteoutPrefix = ".wh."
    public static let opaqueMarker = ".wh..wh..opq"

    public static func merge(_ layers: [[ImageFacts.File]]) -> (files: [String: ImageFacts.File], hidden: [ImageFacts.HiddenFile]) {
        var files: [String: ImageFacts.File] = [:]
        var hidden: [ImageFacts.HiddenFile] = []
        for (index, entries) in layers.enumerated() {
            var state = Merge(files: files, hidden: hidden, layer: index)
            for entry in entries { state.apply(entry) }
            files = state.files
            hidden = state.hidden
        }
        return (files, hidden)
    }

    /// One layer's application; removing a directory removes its subtree.
    struct Merge {
        var files: [String: ImageFacts.File]
        var hidden: [ImageFacts.HiddenFile]
        let layer: Int

        mutating func apply(_ entry: ImageFacts.File) {
            let (dir, name) = split(entry.path)
            if name == LayerMerge.opaqueMarker {
                removeTree(under: dir, keepingRoot: true, deleted: true)
                return
            }
            if name.hasPrefix(LayerMerge.whiteoutPrefix) {
                let target = join(dir, String(name.dropFirst(LayerMerge.whiteoutPrefix.count)))
                removeTree(under: target, keepingRoot: false, deleted: true)
                return
            }
            if let previous = files[entry.path], previous.layer < layer {
                // A directory over a directory changes metadata only; anything else replaces.
                if !(previous.kind == .directory && entry.kind == .directory) {
                    if previous.kind == .directory { removeTree(under: entry.path, keepingRoot: false, deleted: false) }
                    else { hidden.append(ImageFacts.HiddenFile(file: previous, hiddenBy: layer, deleted: false)) }
                }
            }
            files[entry.path] = entry
        }

        mutating func removeTree(under path: String, keepingRoot: Bool, deleted: Bool) {
            let prefix = path.isEmpty ? "" : path + "/"
            for (p, file) in files where file.layer < layer && ((p == path && !keepingRoot) || p.hasPrefix(prefix)) {
                files[p] = nil
                if file.kind == .file || file.kind == .hardlink {
                    hidden.append(ImageFacts.HiddenFile(file: file, hiddenBy: layer, deleted: deleted))
                }
            }
        }

        func split(_ path: String) -> (String, String) {
            guard let slash = path.lastIndex(of: "/") else { return ("", path) }
            return (String(path[..<slash]), String(path[path.index(after: slash)...]))
        }

        func join(_ dir: String, _ name: String) -> String { dir.isEmpty ? name : dir + "/" + name }
    }
}
