import Foundation
import ImageModel

/// SBOMs of the images in a tarball or OCI layout: every layer read once for its package
/// databases and package metadata (no rules, no secret scan).
public struct ImageSBOM: Sendable {
    public var imageName: String?
    public var platform: String?
    /// Bounds on what is read (the configuration's `limits:`).
    public var limits = Limits()
    /// `--max-layer-bytes`: `limits.maxLayerBytes`.
    public var maxLayerBytes: Int64 {
        get { limits.maxLayerBytes }
        set { limits.maxLayerBytes = newValue }
    }
    /// `SOURCE_DATE_EPOCH`, when set: the timestamp instead of the image's creation date.
    public var sourceDateEpoch: String?
    public var progress: (any ScanProgress)?

    public init(imageName: String? = nil, platform: String? = nil) {
        self.imageName = imageName
        self.platform = platform
    }

    /// One document per image selected (`--image`, `--platform`).
    public func documents(path: String, catalog: RuleCatalog) throws(AuditError) -> [CycloneDXDocument] {
        var wanted: Platform?
        if let platform {
            guard let p = Platform(platform) else { throw .invalidImage(path, "--platform \(platform) is not os/arch[/variant]") }
            wanted = p
        }
        let timestamp = try Self.timestamp(sourceDateEpoch: sourceDateEpoch, path: path)
        do {
            let source = try ImageSource(path: path, documentLimit: limits.maxJSONBytes)
            var out: [CycloneDXDocument] = []
            for descriptor in try source.select(name: imageName, platform: wanted) {
                let image = try source.load(descriptor)
                let facts = ImageAudit.facts(image, path: path, progress: progress, limits: limits, catalog: true)
                out.append(Self.document(image, facts, path: path, timestamp: timestamp, catalog: catalog))
            }
            return out
        } catch {
            throw .invalidImage(path, error.description)
        }
    }

    /// The stored blobs of the one image selected, to copy it into an OCI layout.
    public func blobs(path: String) throws(AuditError) -> ImageBlobs {
        let wanted = platform.flatMap(Platform.init)
        do {
            let source = try ImageSource(path: path, documentLimit: limits.maxJSONBytes)
            guard let descriptor = try source.select(name: imageName, platform: wanted).first else {
                throw AuditError.invalidImage(path, "no image selected")
            }
            return try source.blobs(of: descriptor, loaded: try source.load(descriptor))
        } catch let error as AuditError {
            throw error
        } catch let error as ImageError {
            throw .invalidImage(path, error.description)
        } catch {
            throw .invalidImage(path, "\(error)")
        }
    }

    /// The document for an image whose facts were gathered with `catalog: true`.
    static func document(_ image: Image, _ facts: ImageFacts, path: String, timestamp: String?, catalog: RuleCatalog) -> CycloneDXDocument {
        let name = subjectName(image, path: path)
        let subject = CycloneDXDocument.Subject(name: name, digest: facts.digest, layerDigests: image.layers.map { $0.digest ?? $0.diffID })
        var document = CycloneDXDocument(inventory: facts.inventory ?? PackageInventory(layers: [], merged: MergedView()), subject: subject,
                                         timestamp: timestamp ?? dateTime(image.config.created),
                                         spdxIDs: Set(catalog.list("spdx-license-ids").strings))
        document.limitsReached = facts.layers.flatMap { layer in layer.limitsReached.map { "Layer \(layer.index + 1): \($0)" } }
        return document
    }

    /// `repository:tag` where the image says it. An OCI layout often names an image by a
    /// bare tag (`v1`): the repository is then the image's title label, else the file's name.
    static func subjectName(_ image: Image, path: String) -> String {
        let file = (path as NSString).lastPathComponent
        guard let name = image.descriptor.names.first else { return file }
        guard !name.contains("/"), !name.contains(":"), !name.contains("@") else { return name }
        var repository = image.config.labels["org.opencontainers.image.title"] ?? ""
        if repository.isEmpty || repository.contains(where: { $0 == ":" || $0 == "@" || $0.isWhitespace }) {
            repository = file
            for suffix in [".gz", ".tgz", ".tar", ".oci"] where repository.lowercased().hasSuffix(suffix) {
                repository = String(repository.dropLast(suffix.count))
            }
        }
        return repository.isEmpty ? name : repository + ":" + name
    }

    /// `SOURCE_DATE_EPOCH` checked: nil when unset, the timestamp when valid.
    static func timestamp(sourceDateEpoch: String?, path: String) throws(AuditError) -> String? {
        guard let sourceDateEpoch else { return nil }
        guard let stamp = CycloneDXDocument.timestamp(sourceDateEpoch: sourceDateEpoch) else {
            throw .invalidImage(path, "SOURCE_DATE_EPOCH=\(sourceDateEpoch) is not a number of seconds since 1970")
        }
        return stamp
    }

    /// The config's `created` when it is an `xs:dateTime` (`2024-05-01T10:00:00.123Z`).
    static func dateTime(_ created: String?) -> String? {
        guard let created, created.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#,
                                         options: .regularExpression) != nil else { return nil }
        return created
    }
}
