import Foundation

/// The stored documents and blobs of one image, for copying it elsewhere (an OCI layout):
/// its config and manifest as bytes, its layers where they lie.
public struct ImageBlobs: Sendable {
    public var config: [UInt8]
    /// The manifest as the archive stores it (OCI formats; Docker 25+ `docker save`), with
    /// its media type; nil for a legacy docker-archive entry, which has none.
    public var manifest: (bytes: [UInt8], mediaType: String)?
    public var layers: [Layer]
}

extension ImageSource {
    /// The blobs of `image` (listed by this source and loaded as `loaded`).
    public func blobs(of image: ImageDescriptor, loaded: Image) throws(ImageError) -> ImageBlobs {
        guard let configLocation = try store.locate(image.configName) else {
            throw image.configDigest.map { .missingBlob(digest: $0) } ?? .missingFile(name: image.configName)
        }
        let config = try configLocation.read(limit: documentLimit, what: "config")
        var manifest: (bytes: [UInt8], mediaType: String)?
        if let digest = image.manifestDigest, let location = try store.locate(BlobStore.path(of: digest)) {
            let bytes = try location.read(limit: documentLimit, what: "manifest \(digest)")
            let mediaType = (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["mediaType"] as? String
            manifest = (bytes, mediaType ?? "application/vnd.oci.image.manifest.v1+json")
        }
        return ImageBlobs(config: config, manifest: manifest, layers: loaded.layers)
    }
}
