import ImageModel

extension ImageFacts {
    /// The facts rules read, from what the image reader produced: the config, the layers with
    /// their history, the merged view and the contents of the small files checks need.
    init(name: String, path: String, format: String, config: ImageConfig, layers: [Layer],
         merged: MergedView, contents: [String: [UInt8]]) {
        let files = merged.files.mapValues { Self.file($0.entry, layer: $0.layer) }
        let hidden = merged.hidden.map { HiddenFile(file: Self.file($0.entry, layer: $0.layer), hiddenBy: $0.hiddenBy, deleted: $0.deleted) }
        self.init(name: name, path: path, format: format, config: config, layers: layers,
                  files: files, hidden: hidden, contents: contents)
    }

    static func file(_ entry: LayerEntry, layer: Int) -> File {
        let kind: FileKind = switch entry.kind {
        case .file: .file
        case .directory: .directory
        case .symlink: .symlink
        case .hardlink: .hardlink
        case .characterDevice, .blockDevice: .device
        case .fifo: .fifo
        case .socket, .other: .other
        }
        return File(path: entry.path, kind: kind, mode: entry.mode, uid: entry.uid, gid: entry.gid,
                    size: entry.size, linkTarget: entry.linkTarget, layer: layer)
    }

    /// Whether the checks need this entry's content (small text databases only).
    /// Asked for every entry of every layer, so the list is split into its kinds once.
    static func wantsContent(_ path: String) -> Bool {
        WantedContents.shared.matches(path)
    }
}

/// `wantedContents` as exact paths, directory prefixes and globs.
struct WantedContents: Sendable {
    static let shared = WantedContents(ImageFacts.wantedContents)

    let exact: Set<String>
    let prefixes: [String]
    let globs: [Glob]

    init(_ wanted: [String]) {
        exact = Set(wanted.filter { !$0.hasSuffix("/") && !$0.contains("*") })
        prefixes = wanted.filter { $0.hasSuffix("/") }
        globs = wanted.filter { $0.contains("*") }.map(Glob.init)
    }

    func matches(_ path: String) -> Bool {
        exact.contains(path) || prefixes.contains { path.hasPrefix($0) } || globs.contains { $0.matches(path) }
    }
}
