import ArchiveReading
import Digesting
import Foundation

/// An image archive opened for reading: a docker-archive tar (legacy `<id>/layer.tar` or
/// Docker 25+ with `blobs/`), an oci-archive tar, or an OCI layout directory; the images
/// it holds are listed, then loaded one by one.
///
/// An uncompressed tar is only indexed (one pass over its headers); layers are streamed
/// from their offsets later. A compressed tar (`image.tar.gz`) or standard input (`-`)
/// has nothing to seek in, so it is first decompressed into a private temporary
/// directory, removed when the source and every image loaded from it are gone.
public final class ImageSource: Sendable {
    /// The path as given.
    public let path: String
    public let format: Image.Format
    /// Every image in the archive, attestation manifests left out, in archive order.
    public let images: [ImageDescriptor]
    let store: BlobStore

    /// Manifests, indexes and configs are small; anything bigger is not one.
    public static let defaultDocumentLimit: Int64 = 32 << 20
    /// Largest JSON document (manifest, index, config) read; a larger one is `tooLarge`.
    public let documentLimit: Int64

    /// `path` "-" reads standard input; `stdinPrefix` is what a caller already read of it.
    public init(path: String, stdinPrefix: [UInt8] = [], documentLimit: Int64 = defaultDocumentLimit) throws(ImageError) {
        self.path = path
        self.documentLimit = documentLimit
        var file = path
        var temporary: TemporaryDirectory?
        if path == "-" {
            let directory = try TemporaryDirectory()
            temporary = directory
            file = directory.path + "/stdin"
            try Self.copyStandardInput(to: file, prefix: stdinPrefix)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or directory")
        }
        if isDirectory.boolValue {
            store = .directory(root: file)
        } else {
            if Self.isCompressed(try Self.magic(file, label: path)) {
                let directory: TemporaryDirectory
                if let temporary { directory = temporary } else { directory = try TemporaryDirectory() }
                temporary = directory
                let tar = directory.path + "/image.tar"
                try Self.decompress(file, into: tar, label: path)
                file = tar
            }
            let index = try OuterTarIndex.build(path: file, fileSize: Self.size(of: file), label: path)
            store = .tar(path: file, index: index, keepAlive: temporary)
        }
        let store = self.store
        if try store.contains("manifest.json") {
            format = .dockerArchive
            images = try Self.listDockerArchive(store, limit: documentLimit)
        } else if try store.contains("index.json") {
            if case .directory = store { format = .ociLayout } else { format = .ociArchive }
            images = try Self.listOCI(store, limit: documentLimit)
        } else {
            throw .notAnImage(path: path)
        }
        if images.isEmpty { throw .noImages(path: path) }
    }

    // MARK: - Choosing images

    /// The images to audit: the one called `name` (a `repo:tag`, `repo` for `repo:latest`,
    /// or a manifest digest), else every image; of a multi-platform image, the one for
    /// `platform`, else linux/amd64, else the only one.
    public func select(name: String? = nil, platform: Platform? = nil) throws(ImageError) -> [ImageDescriptor] {
        var candidates = images
        if let name {
            candidates = images.filter { Self.matches($0, name) }
            if candidates.isEmpty { throw .unknownImage(requested: name, available: availableNames) }
        }
        var groups: [(String, [ImageDescriptor])] = []
        for image in candidates {
            if let i = groups.firstIndex(where: { $0.0 == image.displayName }) { groups[i].1.append(image) }
            else { groups.append((image.displayName, [image])) }
        }
        var chosen: [ImageDescriptor] = []
        for (label, group) in groups {
            let wanted = platform ?? .linuxAMD64
            if let hit = group.first(where: { $0.platform.map(wanted.accepts) ?? true }) {
                chosen.append(hit)
            } else if platform == nil && group.count == 1 {
                chosen.append(group[0])
            } else {
                throw .noPlatform(image: label, requested: wanted.description,
                                  available: group.compactMap { $0.platform?.description })
            }
        }
        return chosen
    }

    /// Distinct image names, for messages and `--list`.
    public var availableNames: [String] {
        var seen: [String] = []
        for image in images where !seen.contains(image.displayName) { seen.append(image.displayName) }
        return seen
    }

    static func matches(_ image: ImageDescriptor, _ name: String) -> Bool {
        let wanted = canonical(name)
        if image.names.contains(where: { canonical($0) == wanted }) || image.displayName == name { return true }
        guard let digest = image.manifestDigest else { return false }
        let bare = digest.split(separator: ":").last.map(String.init) ?? digest
        return digest == name || (name.count >= 12 && (bare.hasPrefix(name) || digest.hasPrefix(name)))
    }

    /// `todo/app` and `docker.io/todo/app:latest` name the same image.
    static func canonical(_ name: String) -> String {
        var s = name
        for prefix in ["docker.io/library/", "docker.io/"] where s.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count))
            break
        }
        if s.hasPrefix("library/") { s = String(s.dropFirst("library/".count)) }
        let lastPart = s.split(separator: "/").last ?? ""
        if !lastPart.contains(":") && !s.contains("@") { s += ":latest" }
        return s
    }

    // MARK: - Loading one image

    /// Reads the config and locates every layer; missing blobs and bad JSON are errors,
    /// digest mismatches of the config are `problems`.
    public func load(_ image: ImageDescriptor) throws(ImageError) -> Image {
        guard let configLocation = try store.locate(image.configName) else {
            throw image.configDigest.map { .missingBlob(digest: $0) } ?? .missingFile(name: image.configName)
        }
        let what = "config " + (image.configDigest ?? image.configName)
        let bytes = try configLocation.read(limit: documentLimit, what: what)
        var problems: [String] = image.problems
        if let expected = image.configDigest, let mismatch = Self.digestMismatch(bytes, expected: expected) {
            problems.append("config digest mismatch: the manifest says \(expected), the content is \(mismatch)")
        }
        let config = try ImageConfig.parse(bytes, what: what)
        var layers: [Layer] = []
        for (index, reference) in image.layers.enumerated() {
            guard let location = try store.locate(reference.name) else {
                throw reference.digest.map { .missingBlob(digest: $0) } ?? .missingFile(name: reference.name)
            }
            layers.append(Layer(
                index: index, digest: reference.digest,
                diffID: config.diffIDs.indices.contains(index) ? config.diffIDs[index] : nil,
                mediaType: reference.mediaType, createdBy: config.history.first { $0.layer == index }?.createdBy,
                location: location
            ))
        }
        if config.diffIDs.count != layers.count {
            problems.append("the manifest lists \(layers.count) layers, the config \(config.diffIDs.count) diff_ids")
        }
        return Image(descriptor: image, format: format, config: config, configDigest: image.configDigest,
                     layers: layers, problems: problems)
    }

    /// The actual `sha256:…` when it differs from `expected`; nil when equal or not sha256.
    static func digestMismatch(_ bytes: [UInt8], expected: String) -> String? {
        guard expected.hasPrefix("sha256:") else { return nil }
        let actual = "sha256:" + SHA256.hex(bytes)
        return actual == expected ? nil : actual
    }
}
