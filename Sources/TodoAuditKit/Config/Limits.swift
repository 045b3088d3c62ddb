import DockerfileSyntax
import ImageModel

/// Every bound todoaudit puts on what it reads, in one place: the `limits:` section of
/// `.todoaudit.yml` (snake_case keys, sizes like `16GiB`), some also as `scan` flags.
///
/// ```yaml
/// limits:
///   max_dockerfile_size: 4MiB      # larger Dockerfiles: exit 2
///   max_ignore_file_size: 1MiB     # larger .dockerignore: exit 2
///   max_json_size: 32MiB           # larger manifest, index or config: exit 2
///   max_layer_size: 16GiB          # uncompressed, per layer: reading stops, a finding says so
///   max_layer_entries: 500000      # per layer: reading stops, a finding says so
///   max_path_depth: 256            # deeper entries are left out, a finding says so
/// ```
///
/// The secret scanner's per-file bound stays `secrets.max_file_size` (skipped files are
/// counted in the report). Reaching a bound is never silent: it is an error naming the
/// setting, a finding of the `audit-limit-reached` rule, or a counted skip.
public struct Limits: Sendable, Equatable {
    public var maxDockerfileBytes: Int = DockerfileParser.defaultMaxBytes
    /// Docker has no limit, but a megabyte of ignore patterns is not an ignore file.
    public var maxIgnoreFileBytes: Int = 1 << 20
    /// Manifests, indexes and configs are kilobytes; anything this big is not one.
    public var maxJSONBytes: Int64 = ImageSource.defaultDocumentLimit
    /// Far above real layers (a few GB), low enough that a decompression bomb ends.
    public var maxLayerBytes: Int64 = 16 << 30
    /// Real layers hold up to a few hundred thousand entries; each costs some 600 bytes
    /// while the image is audited, so one layer at this bound stays near 300 MB.
    public var maxLayerEntries: Int = 500_000
    /// Real paths are a few dozen components deep; thousands are a hostile archive.
    public var maxPathDepth: Int = 256

    public init() {}

    /// What `ImageModel` bounds each layer walk with.
    public var layer: LayerLimits {
        LayerLimits(bytes: maxLayerBytes, entries: maxLayerEntries, pathDepth: maxPathDepth)
    }

    /// The configuration keys, with what reaching each does, for `--help` and messages.
    public static let settings: [(key: String, effect: String)] = [
        ("max_dockerfile_size", "a larger Dockerfile is refused, exit 2"),
        ("max_ignore_file_size", "a larger .dockerignore is refused, exit 2"),
        ("max_json_size", "a larger manifest, index or config: exit 2"),
        ("max_layer_size", "the layer is read no further, a finding"),
        ("max_layer_entries", "the layer is read no further, a finding"),
        ("max_path_depth", "deeper entries are left out, a finding"),
    ]

    static var keys: Set<String> { Set(settings.map(\.key)) }

    /// One line per setting with its default, for `scan --help`; the secret scan's own bound last.
    public static var help: String {
        let defaults = Limits()
        let lines = settings.map { "  \($0.key): \(defaults.display($0.key)) (\($0.effect))" }
        return (lines + ["  secrets.max_file_size: \(size(Int64(SecretSettings().maxFileBytes))) (larger files are skipped and counted)"])
            .joined(separator: "\n")
    }

    /// A setting's value as people write it (`4MiB`, `1000000`).
    public func display(_ key: String) -> String {
        switch key {
        case "max_dockerfile_size": Self.size(Int64(maxDockerfileBytes))
        case "max_ignore_file_size": Self.size(Int64(maxIgnoreFileBytes))
        case "max_json_size": Self.size(maxJSONBytes)
        case "max_layer_size": Self.size(maxLayerBytes)
        case "max_layer_entries": String(maxLayerEntries)
        case "max_path_depth": String(maxPathDepth)
        default: "?"
        }
    }

    static func size(_ bytes: Int64) -> String {
        for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return "\(bytes) bytes"
    }

    static func parse(_ value: RuleData, source: String) throws(ConfigurationError) -> Limits {
        guard case .map(let fields) = value else {
            throw ConfigurationError(source: source, problem: "limits must be a mapping (\(keys.sorted().joined(separator: ", ")))")
        }
        let unknown = Set(fields.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else {
            throw ConfigurationError(source: source, problem: "unknown keys in limits: \(unknown.joined(separator: ", ")) (known: \(keys.sorted().joined(separator: ", ")))")
        }
        var limits = Limits()
        func size(_ key: String, max: Int64 = .max) throws(ConfigurationError) -> Int64? {
            guard let v = fields[key] else { return nil }
            guard let bytes = v.string.flatMap(ByteSize.parse), bytes > 0, bytes <= max else {
                throw ConfigurationError(source: source, problem: "limits.\(key) must be a size such as 16MiB or 2GB")
            }
            return bytes
        }
        func count(_ key: String) throws(ConfigurationError) -> Int? {
            guard let v = fields[key] else { return nil }
            guard let n = v.int, n > 0 else {
                throw ConfigurationError(source: source, problem: "limits.\(key) must be a whole number above 0")
            }
            return n
        }
        if let v = try size("max_dockerfile_size", max: Int64(Int32.max)) { limits.maxDockerfileBytes = Int(v) }
        if let v = try size("max_ignore_file_size", max: Int64(Int32.max)) { limits.maxIgnoreFileBytes = Int(v) }
        if let v = try size("max_json_size", max: Int64(Int32.max)) { limits.maxJSONBytes = v }
        if let v = try size("max_layer_size") { limits.maxLayerBytes = v }
        if let v = try count("max_layer_entries") { limits.maxLayerEntries = v }
        if let v = try count("max_path_depth") { limits.maxPathDepth = v }
        return limits
    }
}
