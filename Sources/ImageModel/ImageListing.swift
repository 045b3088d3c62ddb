/// Listing the images of an archive from `manifest.json` or `index.json`.
extension ImageSource {
    static func listDockerArchive(_ store: BlobStore, limit: Int64) throws(ImageError) -> [ImageDescriptor] {
        let bytes = try document(store, "manifest.json", limit: limit)
        let entries = try JSONDocument.decode([DockerManifestEntry].self, from: bytes, what: "manifest.json")
        return entries.enumerated().map { position, entry in
            ImageDescriptor(
                names: entry.RepoTags ?? [], manifestDigest: nil, platform: nil, position: position,
                configName: entry.Config, configDigest: digest(named: entry.Config),
                layers: entry.Layers.map { LayerReference(name: $0, digest: digest(named: $0), mediaType: nil) },
                problems: []
            )
        }
    }

    /// The digest a docker-archive member name implies: `blobs/sha256/<hex>` (Docker 25+)
    /// or a legacy `<hex>.json` config; a legacy `<id>/layer.tar` implies none.
    static func digest(named name: String) -> String? {
        let parts = name.split(separator: "/")
        if parts.count == 3, parts[0] == "blobs" { return "\(parts[1]):\(parts[2])" }
        if parts.count == 1, name.hasSuffix(".json") {
            let hex = name.dropLast(5)
            if hex.count == 64, hex.allSatisfy(\.isHexDigit) { return "sha256:" + hex }
        }
        return nil
    }

    static func listOCI(_ store: BlobStore, limit: Int64) throws(ImageError) -> [ImageDescriptor] {
        let index = try JSONDocument.decode(OCIDocument.self, from: try document(store, "index.json", limit: limit), what: "index.json")
        var listing = OCIListing(store: store, documentLimit: limit)
        try listing.visit(index, names: [], depth: 0)
        // An index may list platforms whose blobs were not saved: fine while one remains.
        if listing.images.isEmpty, let digest = listing.missing.first { throw .missingBlob(digest: digest) }
        return listing.images
    }

    static func document(_ store: BlobStore, _ name: String, limit: Int64) throws(ImageError) -> [UInt8] {
        guard let location = try store.locate(name) else { throw .missingFile(name: name) }
        return try location.read(limit: limit, what: name)
    }
}

/// Walks an OCI index and the indexes nested in it down to image manifests.
struct OCIListing {
    let store: BlobStore
    let documentLimit: Int64
    var images: [ImageDescriptor] = []
    var missing: [String] = []

    static let indexTypes: Set<String> = [
        "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
    ]

    mutating func visit(_ index: OCIDocument, names inherited: [String], depth: Int) throws(ImageError) {
        guard depth < 4 else { throw .invalidManifest(what: "index.json", reason: "indexes nested too deep") }
        for descriptor in index.manifests ?? [] {
            if Self.isAttestation(descriptor) { continue }
            let names = Self.names(descriptor.annotations) ?? inherited
            guard let location = try store.locate(BlobStore.path(of: descriptor.digest)) else {
                missing.append(descriptor.digest)
                continue
            }
            let what = "manifest \(descriptor.digest)"
            let bytes = try location.read(limit: documentLimit, what: what)
            let document = try JSONDocument.decode(OCIDocument.self, from: bytes, what: what)
            var problems: [String] = []
            if let actual = ImageSource.digestMismatch(bytes, expected: descriptor.digest) {
                problems.append("manifest digest mismatch: the index says \(descriptor.digest), the content is \(actual)")
            }
            if document.manifests != nil || descriptor.mediaType.map(Self.indexTypes.contains) == true {
                try visit(document, names: names, depth: depth + 1)
                continue
            }
            guard let config = document.config, let layers = document.layers else {
                throw .invalidManifest(what: what, reason: "no config or layers")
            }
            // BuildKit attestations: in-toto layers, whatever the platform says.
            if !layers.isEmpty && layers.allSatisfy({ $0.mediaType?.contains("in-toto") == true }) { continue }
            // OCI 1.1 artifacts (an SBOM or a signature attached to an image) are not images.
            if Self.isArtifact(descriptor, document, config: config) { continue }
            var references: [LayerReference] = []
            for layer in layers {
                references.append(LayerReference(name: try BlobStore.path(of: layer.digest), digest: layer.digest, mediaType: layer.mediaType))
            }
            images.append(ImageDescriptor(
                names: names, manifestDigest: descriptor.digest, platform: descriptor.parsedPlatform, position: images.count,
                configName: try BlobStore.path(of: config.digest), configDigest: config.digest, layers: references,
                problems: problems
            ))
        }
    }

    static func isArtifact(_ descriptor: Descriptor, _ document: OCIDocument, config: Descriptor) -> Bool {
        descriptor.artifactType != nil || document.artifactType != nil || config.mediaType == "application/vnd.oci.empty.v1+json"
    }

    static func isAttestation(_ descriptor: Descriptor) -> Bool {
        descriptor.annotations?["vnd.docker.reference.type"] == "attestation-manifest"
            || descriptor.parsedPlatform?.isUnknown == true
    }

    /// containerd's full name beats the OCI ref name, which is often a bare tag.
    static func names(_ annotations: [String: String]?) -> [String]? {
        guard let annotations else { return nil }
        let found = [annotations["io.containerd.image.name"], annotations["org.opencontainers.image.ref.name"]].compactMap { $0 }
        return found.isEmpty ? nil : [found[0]]
    }
}
