import Foundation
import ImageModel

/// Puts an image and its SBOM into an OCI image layout, the SBOM as an OCI 1.1 artifact
/// (`artifactType` CycloneDX XML, the document as its one blob, `subject` the image
/// manifest), the way `oras attach` and BuildKit attestations travel with an image.
public struct SBOMAttachment {
    public var image: OCIDescriptor
    public var artifact: OCIDescriptor
    public var sbom: OCIDescriptor
    /// The document as attached: for a docker-archive its subject is the manifest written.
    public var document: CycloneDXDocument
    public var xml: String

    struct Manifest: Encodable {
        var schemaVersion = 2
        var mediaType = OCIMediaType.manifest
        var artifactType: String?
        var config: OCIDescriptor
        var layers: [OCIDescriptor]
        var subject: OCIDescriptor?
        var annotations: [String: String]?
    }

    /// `{}`: the config of an artifact that has none (OCI image spec 1.1).
    static let emptyConfig: [UInt8] = Array("{}".utf8)

    /// The image manifest for the layout: the archive's own when it has one (its digest
    /// unchanged), else one made for a legacy docker-archive from its config and layers.
    static func imageManifest(_ blobs: ImageBlobs, into layout: OCILayout) throws(OCILayout.Failure) -> OCIDescriptor {
        var layers: [OCIDescriptor] = []
        for layer in blobs.layers {
            let copied = try layout.copy(layer.location, expected: layer.digest)
            layers.append(OCIDescriptor(mediaType: layer.mediaType ?? layerType(copied.head), digest: copied.digest, size: copied.size))
        }
        if let manifest = blobs.manifest {
            _ = try layout.put(blobs.config, mediaType: OCIMediaType.config)
            return try layout.put(manifest.bytes, mediaType: manifest.mediaType)
        }
        let config = try layout.put(blobs.config, mediaType: OCIMediaType.config)
        return try layout.put(CanonicalJSON.encode(Manifest(config: config, layers: layers)), mediaType: OCIMediaType.manifest)
    }

    /// A legacy docker-archive does not say how a layer is compressed; its first bytes do.
    static func layerType(_ head: [UInt8]) -> String {
        if head.starts(with: [0x1F, 0x8B]) { return OCIMediaType.layer + "+gzip" }
        if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return OCIMediaType.layer + "+zstd" }
        return OCIMediaType.layer
    }

    /// Writes the image (unless the layout already holds it) and the SBOM artifact into the
    /// layout at `root`. `refName` tags the image in `index.json`; `annotations` go on the
    /// artifact manifest (the tool and creation time, only when asked for).
    public static func attach(_ document: CycloneDXDocument, spec: CycloneDXDocument.SpecVersion, blobs: ImageBlobs,
                              layout root: String, refName: String?, imageName: String?, annotations: [String: String]?)
        throws(OCILayout.Failure) -> SBOMAttachment {
        var layout = try OCILayout(root: root)
        var image = try imageManifest(blobs, into: layout)
        var attached = document
        attached.subject.digest = image.digest
        let xml: String
        do { xml = try attached.xml(spec) } catch { throw OCILayout.Failure(description: "SBOM: \(error)") }
        var sbom = try layout.put(Array(xml.utf8), mediaType: OCIMediaType.cycloneDXXML)
        sbom.annotations = ["org.opencontainers.image.title": "sbom.cdx.xml"]
        var empty = try layout.put(emptyConfig, mediaType: OCIMediaType.empty)
        empty.data = Data(emptyConfig).base64EncodedString()
        let manifest = Manifest(artifactType: OCIMediaType.cycloneDXXML, config: empty, layers: [sbom],
                                subject: OCIDescriptor(mediaType: image.mediaType, digest: image.digest, size: image.size),
                                annotations: annotations)
        var artifact = try layout.put(CanonicalJSON.encode(manifest), mediaType: OCIMediaType.manifest)
        artifact.artifactType = OCIMediaType.cycloneDXXML
        var names: [String: String] = [:]
        if let refName { names["org.opencontainers.image.ref.name"] = refName }
        if let imageName { names["io.containerd.image.name"] = imageName }
        image.annotations = names.isEmpty ? nil : names
        layout.add(image, keepingExisting: true)
        layout.add(artifact, keepingExisting: false)
        try layout.writeIndex()
        return SBOMAttachment(image: image, artifact: artifact, sbom: sbom, document: attached, xml: xml)
    }
}
