/// The image config blob: how the container runs, and how its layers were built.
public struct ImageConfig: Sendable, Hashable {
    public struct HistoryEntry: Sendable, Hashable {
        public var created: String?
        public var createdBy: String
        public var comment: String?
        public var emptyLayer: Bool
        /// Index of the layer this step made (empty-layer steps make none).
        public var layer: Int?
    }

    public var user: String?
    /// `NAME=value` items, as stored.
    public var env: [String]
    public var entrypoint: [String]?
    public var cmd: [String]?
    /// `Healthcheck.Test`: `["NONE"]` disables one, nil when none is set.
    public var healthcheck: [String]?
    /// Sorted keys of `ExposedPorts` (`80/tcp`).
    public var exposedPorts: [String]
    public var labels: [String: String]
    public var workingDir: String?
    public var created: String?
    public var platform: Platform?
    public var diffIDs: [String]
    public var history: [HistoryEntry]

    /// The environment as name → value (the last assignment wins, like the runtime).
    public var environment: [String: String] {
        var out: [String: String] = [:]
        for item in env {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }

    public static func parse(_ bytes: [UInt8], what: String = "image config") throws(ImageError) -> ImageConfig {
        let raw = try JSONDocument.decode(ConfigJSON.self, from: bytes, what: what)
        let c = raw.config
        var history: [HistoryEntry] = []
        var nextLayer = 0
        for step in raw.history ?? [] {
            let empty = step.empty_layer ?? false
            history.append(HistoryEntry(created: step.created, createdBy: step.created_by ?? "", comment: step.comment,
                                        emptyLayer: empty, layer: empty ? nil : nextLayer))
            if !empty { nextLayer += 1 }
        }
        let platform = raw.os.flatMap { os in raw.architecture.map { Platform(os: os, architecture: $0, variant: raw.variant) } }
        return ImageConfig(
            user: c?.User, env: c?.Env ?? [], entrypoint: c?.Entrypoint, cmd: c?.Cmd, healthcheck: c?.Healthcheck?.Test,
            exposedPorts: (c?.ExposedPorts ?? [:]).keys.sorted(), labels: c?.Labels ?? [:], workingDir: c?.WorkingDir,
            created: raw.created, platform: platform, diffIDs: raw.rootfs?.diff_ids ?? [], history: history
        )
    }
}

/// The JSON shape, Docker and OCI alike; every field is optional in the wild.
private struct ConfigJSON: Decodable {
    struct Empty: Decodable {}
    struct Healthcheck: Decodable { var Test: [String]? }
    struct Config: Decodable {
        var User: String?
        var Env: [String]?
        var Entrypoint: [String]?
        var Cmd: [String]?
        var Healthcheck: Healthcheck?
        var ExposedPorts: [String: Empty]?
        var Labels: [String: String]?
        var WorkingDir: String?
    }
    struct RootFS: Decodable { var diff_ids: [String]? }
    struct Step: Decodable {
        var created: String?
        var created_by: String?
        var comment: String?
        var empty_layer: Bool?
    }

    var config: Config?
    var created: String?
    var os: String?
    var architecture: String?
    var variant: String?
    var rootfs: RootFS?
    var history: [Step]?
}
