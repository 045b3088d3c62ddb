/// What the report shows of a scanned image besides findings: its layers, like dive.
public struct ImageSummary: Sendable, Hashable {
    public struct LayerRow: Sendable, Hashable {
        public var index: Int
        public var bytes: Int64
        public var createdBy: String
    }

    public var name: String
    public var format: String
    public var layers: [LayerRow]
    public var size: ImageSize
    /// `1001 (fastapi)`: the configured user, resolved through the image's passwd.
    public var user: String
    /// What the layer secret scan read and skipped; nil when it did not run.
    public var secretStats: SecretScanStats?

    public init(_ image: ImageFacts, size: ImageSize) {
        name = image.name
        user = image.userDescription
        format = image.format
        layers = image.layers.map { LayerRow(index: $0.index, bytes: $0.size, createdBy: $0.createdBy.map(ImageFacts.shortCommand) ?? "") }
        self.size = size
        secretStats = image.secrets == nil ? nil : image.secretStats
    }

    /// `todo/backend:v1 · docker-archive · 4 layers · 174.0 MB · user 1001 (fastapi)`
    public var headline: String {
        "\(name) · \(format) · \(layers.count) layer\(layers.count == 1 ? "" : "s") · \(ByteCount.text(size.bytes)) · user \(user)"
    }
}
