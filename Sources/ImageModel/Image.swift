/// An image the archive holds, as listed before its config and layers are read.
public struct ImageDescriptor: Sendable, Hashable {
    /// `repo:tag` names from RepoTags or the index annotations; may be empty.
    public var names: [String]
    /// The manifest's digest (OCI); nil for docker-archive entries.
    public var manifestDigest: String?
    /// From the index; nil when only the config knows it.
    public var platform: Platform?
    /// Position in the archive's listing, to tell unnamed images apart.
    public var position: Int

    var configName: String
    var configDigest: String?
    var layers: [LayerReference]
    /// Manifest digest mismatches found while listing.
    var problems: [String]

    /// The first name, else the short manifest digest, else `image N`.
    public var displayName: String {
        names.first ?? manifestDigest.map { String($0.prefix(19)) } ?? "image \(position + 1)"
    }
}

/// A layer as the manifest names it.
struct LayerReference: Sendable, Hashable {
    var name: String
    var digest: String?
    var mediaType: String?
}

/// An image with its config read and its layers located, ready to walk.
public struct Image: Sendable {
    public enum Format: String, Sendable { case dockerArchive = "docker-archive", ociArchive = "oci-archive", ociLayout = "oci-layout" }

    public var descriptor: ImageDescriptor
    public var format: Format
    public var config: ImageConfig
    public var configDigest: String?
    public var layers: [Layer]
    /// Problems with the config or manifest that are findings, not reasons to stop:
    /// a config digest mismatch, more layers than diff_ids.
    public var problems: [String]

    public var name: String { descriptor.displayName }
}
