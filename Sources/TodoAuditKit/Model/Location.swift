/// Where a finding is: a Dockerfile line, a context file, or an image layer path.
public struct Location: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case dockerfile, context, image, config }

    public var kind: Kind
    public var path: String
    public var line: Int?
    public var endLine: Int?
    public var layer: String?
    /// 0-based index of the image layer, for mapping it back to a Dockerfile.
    public var layerIndex: Int?
    /// `Dockerfile:14`: the instruction that made the layer, when `--dockerfile` was given.
    public var source: String?
    /// Every layer holding the same thing (a secret copied into several layers), oldest first.
    public var layers: [String]?
    /// For image and config findings: the image's name and the tarball or layout it was read
    /// from (`-` for standard input), so a report over several images can tell them apart.
    public var image: String?
    public var imagePath: String?

    public init(kind: Kind, path: String, line: Int? = nil, endLine: Int? = nil, layer: String? = nil, layerIndex: Int? = nil) {
        self.kind = kind
        self.path = path
        self.line = line
        self.endLine = endLine
        self.layer = layer
        self.layerIndex = layerIndex
    }

    /// `path:line`, `config Env.X`, or the path alone; then where in the Dockerfile.
    public var display: String {
        let place = line.map { "\(path):\($0)" } ?? (kind == .config ? "config \(path)" : path)
        return source.map { "\(place) (\($0))" } ?? place
    }
}
