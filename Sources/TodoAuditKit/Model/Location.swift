/// Where a finding is: a Dockerfile line, a context file, or an image layer path.
public struct Location: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case dockerfile, context, image, config }

    public var kind: Kind
    public var path: String
    public var line: Int?
    public var endLine: Int?
    public var layer: String?

    public init(kind: Kind, path: String, line: Int? = nil, endLine: Int? = nil, layer: String? = nil) {
        self.kind = kind
        self.path = path
        self.line = line
        self.endLine = endLine
        self.layer = layer
    }

    /// `path:line`, `config Env.X`, or the path alone.
    public var display: String {
        if let line { return "\(path):\(line)" }
        if kind == .config { return "config \(path)" }
        return path
    }
}
