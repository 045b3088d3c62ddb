import Foundation
import ImageModel

/// What image rules read: the config, the layers with their history, the merged file view,
/// the entries later layers hid, and the few small files checks need the content of.
/// Built from a tarball by the image reader, or from a rule example in memory.
public struct ImageFacts: Sendable {
    /// A merged-view entry with the layer it comes from: the reader's own value, used as is
    /// (no copy of a view that can hold hundreds of thousands of entries).
    public typealias File = MergedView.File
    /// An entry a later layer deleted (whiteout) or overwrote: its bytes still ship.
    public typealias HiddenFile = MergedView.Hidden

    public struct Layer: Sendable, Hashable {
        public var index: Int
        /// The blob digest from the manifest.
        public var digest: String?
        public var createdBy: String?
        /// Bytes of regular files in the layer.
        public var size: Int64
        /// Integrity problems found while reading (digest mismatches, unreadable data), one line each.
        public var problems: [String]
        /// Entries whose names or hardlink targets point outside the root (`../../etc/passwd`).
        public var unsafeEntries: [String]
        /// Bounds of `limits:` the walk reached, one sentence each: what was left unaudited.
        public var limitsReached: [String] = []

        public init(index: Int, digest: String?, createdBy: String?, size: Int64, problems: [String] = [], unsafeEntries: [String] = []) {
            self.index = index
            self.digest = digest
            self.createdBy = createdBy
            self.size = size
            self.problems = problems
            self.unsafeEntries = unsafeEntries
        }
    }

    /// What the report calls the image (`todo/backend:v1`, or the tarball's path).
    public var name: String
    /// The tarball or layout it was read from.
    public var path: String
    /// `docker-archive`, `oci-archive`, `oci-layout`, …
    public var format: String
    /// The image config as the reader parsed it (User, Env, Healthcheck, history, …).
    public var config: ImageConfig
    public var layers: [Layer]
    /// The file system the container sees, and what later layers hid.
    public let merged: MergedView
    /// The merged view in path order, sorted once for every check.
    public let orderedFiles: [File]
    /// The merged view: path → the entry that wins.
    public var files: [String: File] { merged.files }
    public var hidden: [HiddenFile] { merged.hidden }
    /// Contents of the small files checks read (`etc/passwd`, package databases), merged view.
    public var contents: [String: [UInt8]]
    /// The manifest digest (OCI), else the config digest (a docker-archive's image ID).
    public var digest: String?
    /// The packages the image ships, when the audit was asked to catalog them (SBOM).
    public var inventory: PackageInventory?
    /// Problems with the config or manifest themselves (a config digest mismatch).
    public var problems: [String] = []
    /// Secrets in layer files, also in files later layers deleted or overwrote; nil when
    /// the secret scan did not run (its rule is off).
    public var secrets: [LayerSecret]?
    public var secretStats = SecretScanStats()

    /// The facts rules read, from what the image reader produced: the config, the layers with
    /// their history, the merged view and the contents of the small files checks need.
    public init(name: String, path: String, format: String, config: ImageConfig, layers: [Layer],
                merged: MergedView, contents: [String: [UInt8]]) {
        self.name = name
        self.path = path
        self.format = format
        self.config = config
        self.layers = layers
        self.merged = merged
        self.orderedFiles = merged.files.values.sorted { $0.path < $1.path }
        self.contents = contents
    }

    /// Paths whose content checks need (exact paths or `dir/` prefixes), for the reader.
    public static let wantedContents: [String] = [
        "etc/passwd", "etc/group", "etc/shadow", "etc/os-release", "usr/lib/os-release",
        "lib/apk/db/installed", "var/lib/dpkg/status", "var/lib/dpkg/status.d/",
        // dpkg keeps each package's file list apart; size attribution reads them.
        "var/lib/dpkg/info/*.list",
    ]

    /// The build steps, oldest first.
    public var history: [ImageConfig.HistoryEntry] { config.history }

    /// `Env` as name and value, in order.
    public var environment: [(name: String, value: String)] {
        config.env.map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    public func text(_ path: String) -> String? {
        contents[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Total bytes of regular files over all layers, hidden ones included.
    public var totalBytes: Int64 { layers.reduce(0) { $0 + $1.size } }

    /// "layer 3 · RUN apk add gcc" for messages.
    public func describe(layer index: Int) -> String {
        let createdBy = layers.indices.contains(index) ? layers[index].createdBy.map(ImageFacts.shortCommand) : nil
        return "layer \(index + 1)" + (createdBy.map { " · \($0)" } ?? "")
    }

    /// A history line for the layer table and messages, build-argument values left out:
    /// they may be secrets.
    static func shortCommand(_ createdBy: String) -> String {
        let s = HistoryStep(createdBy).display
        return s.count > 60 ? String(s.prefix(59)) + "…" : s
    }
}

/// What checks read of a merged-view entry.
extension MergedView.File {
    public var path: String { entry.path }
    public var kind: LayerEntry.Kind { entry.kind }
    public var mode: UInt32 { entry.mode }
    public var size: Int64 { entry.size }
    public var linkTarget: String? { entry.linkTarget }
}
