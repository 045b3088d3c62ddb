/// Builds `ImageFacts` in memory from a rule example, so image rules are tested without
/// tarballs (tar reading is tested on its own):
///
/// ```yaml
/// image:
///   config: {User: "", Env: ["A=b"], Healthcheck: {Test: [CMD, "true"]}}
///   history: ["RUN |1 TOKEN=x /bin/sh -c make"]     # optional, one per layer by default
///   layers:
///     - created_by: RUN apk add gcc
///       files:
///         usr/bin/gcc: {mode: "0755", size: "2000"}
///         etc/passwd: "root:x:0:0:root:/root:/bin/sh\n"    # content
///         app/.wh..env: ""                               # a whiteout
/// ```
enum ImageExample {
    static func facts(_ spec: RuleData) -> ImageFacts {
        var layers: [ImageFacts.Layer] = []
        var stack: [[ImageFacts.File]] = []
        var contents: [Int: [String: [UInt8]]] = [:]
        if case .list(let items)? = spec["layers"] {
            for (index, item) in items.enumerated() {
                var entries: [ImageFacts.File] = []
                if case .map(let files)? = item["files"] {
                    for path in files.keys.sorted() {
                        let value = files[path]!
                        let content = value.string
                        let kindName = value["kind"]?.string ?? (path.hasSuffix("/") ? "directory" : "file")
                        let kind = ImageFacts.FileKind(rawValue: kindName) ?? .file
                        let defaultMode: UInt32 = kind == .directory ? 0o755 : 0o644
                        let mode = value["mode"]?.string.flatMap { UInt32($0, radix: 8) } ?? defaultMode
                        let size = value["size"]?.string.flatMap { Int64($0) } ?? Int64(content?.utf8.count ?? 0)
                        let clean = path.hasSuffix("/") ? String(path.dropLast()) : path
                        entries.append(ImageFacts.File(path: clean, kind: kind, mode: mode,
                                                       uid: value["uid"]?.string.flatMap { Int64($0) } ?? 0, gid: 0,
                                                       size: size, linkTarget: value["target"]?.string, layer: index))
                        if let content { contents[index, default: [:]][clean] = Array(content.utf8) }
                    }
                }
                let size = entries.filter { $0.kind == .file }.reduce(0) { $0 + $1.size }
                layers.append(ImageFacts.Layer(index: index, digest: item["digest"]?.string, createdBy: item["created_by"]?.string,
                                               size: size, problems: item["problems"]?.strings ?? []))
                stack.append(entries)
            }
        }
        let merged = LayerMerge.merge(stack)
        var mergedContents: [String: [UInt8]] = [:]
        for (path, file) in merged.files {
            if let bytes = contents[file.layer]?[path] { mergedContents[path] = bytes }
        }
        let config = spec["config"] ?? .map([:])
        let history: [ImageFacts.HistoryEntry]
        if let steps = spec["history"]?.strings, !steps.isEmpty {
            history = steps.map { ImageFacts.HistoryEntry(createdBy: $0, emptyLayer: true, layer: nil) }
        } else {
            history = layers.map { ImageFacts.HistoryEntry(createdBy: $0.createdBy ?? "", emptyLayer: false, layer: $0.index) }
        }
        return ImageFacts(
            name: spec["name"]?.string ?? "example:latest", path: "example.tar", format: "docker-archive",
            config: ImageConfigJSON.config(config), history: history, layers: layers,
            files: merged.files, hidden: merged.hidden, contents: mergedContents
        )
    }
}
