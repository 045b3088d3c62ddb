import Foundation

/// An OCI content descriptor: what a manifest or index says about a blob.
public struct OCIDescriptor: Sendable, Hashable, Codable {
    public var mediaType: String
    public var digest: String
    public var size: Int64
    public var artifactType: String?
    public var annotations: [String: String]?
    /// Inline content (base64), only for the empty config.
    public var data: String?

    public init(mediaType: String, digest: String, size: Int64, artifactType: String? = nil, annotations: [String: String]? = nil, data: String? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.artifactType = artifactType
        self.annotations = annotations
        self.data = data
    }
}

/// OCI media types todoaudit writes.
public enum OCIMediaType {
    public static let manifest = "application/vnd.oci.image.manifest.v1+json"
    public static let index = "application/vnd.oci.image.index.v1+json"
    public static let config = "application/vnd.oci.image.config.v1+json"
    public static let empty = "application/vnd.oci.empty.v1+json"
    public static let layer = "application/vnd.oci.image.layer.v1.tar"
}

/// JSON as registries and layouts store it: keys sorted, no whitespace, slashes as they
/// are, so the same document always has the same digest.
enum CanonicalJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and dictionaries of them always encode.
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }
}
