import Foundation
import ImageModel

/// Puts an image and its SBOM into an OCI image layout, the SBOM as an OCI 1.1 artifact
/// (`artifactType` CycloneDX XML or JSON, the document as its one blob, `subject` the image
/// manifest), the way `oras attach` and BuildKit attestations travel with an image. An
/// in-toto statement around the SBOM, when asked for, is a second artifact on the image.
public struct SBOMAttachment {
    public var image: OCIDescriptor
    public var artifact: OCIDescriptor
    public var sbom: OCIDescriptor
    /// The in-toto statement's artifact manifest, when one was attached.
    public var statementArtifact: OCIDescriptor?
    /// The document as attached: for a docker-archive its subject is the manifest written.
    public var document: CycloneDXDocument
    /// The SBOM as written into the layout.
    public var text: String
    /// The in-toto statement as written into the layout.
    public var statement: String?

    /// Every artifact manifest attached to the image, the SBOM first.
    public var artifacts: [OCIDescriptor] { [artifact] + (statementArtifact.map { [$0] } ?? []) }

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
    /// layout at `root`, and with `inToto` an in-toto statement artifact too. `refName` tags
    /// the image in `index.json`; `annotations` go on the artifact manifests (the tool and
    /// creation time, only when asked for).
    public static func attach(_ document: CycloneDXDocument, spec: CycloneDXDocument.SpecVersion, format: CycloneDXDocument.Format = .xml,
                              inToto: Bool = false, blobs: ImageBlobs, layout root: String, refName: String?, imageName: String?,
                              annotations: [String: String]?) throws(OCILayout.Failure) -> SBOMAttachment {
        var layout = try OCILayout(root: root)
        var image = try imageManifest(blobs, into: layout)
        var attached = document
        attached.subject.digest = image.digest
        let subject = OCIDescriptor(mediaType: image.mediaType, digest: image.digest, size: image.size)
        let text: String, statement: String?
        do {
            text = try attached.rendered(format, spec: spec)
            statement = inToto ? try InTotoStatement(attached, spec: spec).json() : nil
        } catch {
            throw OCILayout.Failure(description: "SBOM: \(error)")
        }
        let (artifact, sbom) = try putArtifact(Array(text.utf8), type: format.mediaType, title: format.fileName,
                                               subject: subject, annotations: annotations, into: layout)
        var statementArtifact: OCIDescriptor?
        if let statement {
            statementArtifact = try putArtifact(Array(statement.utf8), type: InTotoStatement.mediaType, title: "sbom.cdx.intoto.json",
                                                layerAnnotations: ["in-toto.io/predicate-type": InTotoStatement.cycloneDXPredicate],
                                                subject: subject, annotations: annotations, into: layout).artifact
        }
        var names: [String: String] = [:]
        if let refName { names["org.opencontainers.image.ref.name"] = refName }
        if let imageName { names["io.containerd.image.name"] = imageName }
        image.annotations = names.isEmpty ? nil : names
        layout.add(image, keepingExisting: true)
        layout.add(artifact, keepingExisting: false)
        if let statementArtifact { layout.add(statementArtifact, keepingExisting: false) }
        try layout.writeIndex()
        return SBOMAttachment(image: image, artifact: artifact, sbom: sbom, statementArtifact: statementArtifact,
                              document: attached, text: text, statement: statement)
    }

    /// One artifact manifest with `bytes` as its only blob, `subject` as its subject.
    static func putArtifact(_ bytes: [UInt8], type: String, title: String, layerAnnotations: [String: String] = [:],
                            subject: OCIDescriptor, annotations: [String: String]?, into layout: OCILayout)
        throws(OCILayout.Failure) -> (artifact: OCIDescriptor, blob: OCIDescriptor) {
        var blob = try layout.put(bytes, mediaType: type)
        blob.annotations = layerAnnotations.merging(["org.opencontainers.image.title": title]) { a, _ in a }
        var empty = try layout.put(emptyConfig, mediaType: OCIMediaType.empty)
        empty.data = Data(emptyConfig).base64EncodedString()
        let manifest = Manifest(artifactType: type, config: empty, layers: [blob], subject: subject, annotations: annotations)
        var artifact = try layout.put(CanonicalJSON.encode(manifest), mediaType: OCIMediaType.manifest)
        artifact.artifactType = type
        return (artifact, blob)
    }
}
