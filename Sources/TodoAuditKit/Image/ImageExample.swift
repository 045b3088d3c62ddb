import Foundation
import ImageModel

/// Builds `ImageFacts` in memory from a rule example, through the same merge and config
/// parsing as a real image, so image rules are tested without tarballs:
///
/// ```yaml
/// image:
///   name: todo/backend:v1                            # optional
///   config: {User: "", Env: ["A=b"], Healthcheck: {Test: [CMD, "true"]}}
///   history: ["RUN |1 TOKEN=x /bin/sh -c make"]     # optional; else one step per layer
///   layers:
///     - created_by: RUN apk add gcc
///       problems: ["…"]                              # integrity problems, optional
///       limits_reached: ["…"]                        # bounds of `limits:` the walk reached, optional
///                                                     # (entries named ../x are flagged as unsafe)
///       files:
///         usr/bin/gcc: {mode: "0755", size: "2000"}
///         etc/passwd: "root:x:0:0:root:/root:/bin/sh\n"    # content
///         app/.wh..env: ""                               # a whiteout
/// ```
enum ImageExample {
    /// `engine`, when given, runs the layer secret scan over the example's file contents.
    static func facts(_ spec: RuleData, engine: RuleEngine? = nil) -> ImageFacts {
        let secrets = engine.flatMap(ImageAudit.layerSecrets)
        var found: [LayerSecret] = []
        var layers: [ImageFacts.Layer] = []
        var entries: [[LayerEntry]] = []
        var contents: [[String: [UInt8]]] = []
        if case .list(let items)? = spec["layers"] {
            for (index, item) in items.enumerated() {
                var layerEntries: [LayerEntry] = []
                var layerContents: [String: [UInt8]] = [:]
                if case .map(let files)? = item["files"] {
                    for path in files.keys.sorted() {
                        let value = files[path]!
                        let text = value.string
                        let kind = LayerEntry.Kind(rawValue: value["kind"]?.string ?? (path.hasSuffix("/") ? "directory" : "file")) ?? .file
                        let mode = value["mode"]?.string.flatMap { UInt32($0, radix: 8) } ?? (kind == .directory ? 0o755 : 0o644)
                        let size = value["size"]?.string.flatMap { Int64($0) } ?? Int64(text?.utf8.count ?? 0)
                        let entry = LayerEntry(path: path, kind: kind, mode: mode, uid: value["uid"]?.string.flatMap { Int64($0) } ?? 0,
                                               size: kind == .file ? size : 0, linkTarget: value["target"]?.string)
                        layerEntries.append(entry)
                        if let text, ImageFacts.wantsContent(entry.path) { layerContents[entry.path] = Array(text.utf8) }
                        if let text, let secrets, entry.kind == .file, entry.whiteout == nil {
                            let bytes = Array(text.utf8)
                            found += secrets.scan(layer: index, path: entry.path, size: Int64(bytes.count)) { Array(bytes.prefix($0)) }.0
                        }
                    }
                }
                let bytes = layerEntries.filter { $0.kind == .file }.reduce(0) { $0 + $1.size }
                var layer = ImageFacts.Layer(index: index, digest: item["digest"]?.string, createdBy: item["created_by"]?.string,
                                             size: bytes, problems: item["problems"]?.strings ?? [],
                                             unsafeEntries: layerEntries.filter(\.escapesRoot).map(\.rawPath))
                layer.limitsReached = item["limits_reached"]?.strings ?? []
                layers.append(layer)
                entries.append(layerEntries)
                contents.append(layerContents)
            }
        }
        let merged = MergedView.merge(entries)
        var visible: [String: [UInt8]] = [:]
        for (path, file) in merged.files {
            if let bytes = contents[file.layer][path] { visible[path] = bytes }
        }
        let config = (try? ImageConfig.parse(configJSON(spec, layers: layers))) ?? (try! ImageConfig.parse(Array("{}".utf8)))
        var facts = ImageFacts(name: spec["name"]?.string ?? "example:latest", path: "example.tar", format: "docker-archive",
                               config: config, layers: layers, merged: merged, contents: visible)
        if secrets != nil { facts.secrets = found }
        return facts
    }

    /// The example as the JSON a real image config would hold.
    static func configJSON(_ spec: RuleData, layers: [ImageFacts.Layer]) -> [UInt8] {
        let history: [[String: Any]]
        if let steps = spec["history"]?.strings, !steps.isEmpty {
            history = steps.map { ["created_by": $0, "empty_layer": true] }
        } else {
            history = layers.map { ["created_by": $0.createdBy ?? ""] }
        }
        let document: [String: Any] = ["config": json(spec["config"] ?? .map([:])), "history": history]
        return Array((try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8))
    }

    static func json(_ value: RuleData) -> Any {
        switch value {
        case .string(let s): return s
        case .list(let items): return items.map(json)
        case .map(let m): return m.mapValues(json)
        }
    }
}
