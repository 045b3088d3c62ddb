/// Why an image could not be read, one clear line each. Integrity problems inside a
/// layer (digest mismatches, a corrupt blob) are not errors: see `LayerProblem`.
public enum ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notATar(path: String, reason: String)
    case truncated(path: String, reason: String)
    /// Neither `manifest.json` (docker-archive) nor `index.json` (OCI) is there.
    case notAnImage(path: String)
    case missingFile(name: String)
    case missingBlob(digest: String)
    case notJSON(what: String, reason: String)
    case invalidManifest(what: String, reason: String)
    case noImages(path: String)
    case unknownImage(requested: String, available: [String])
    case noPlatform(image: String, requested: String, available: [String])
    /// A name in the outer archive that leaves it (`../`) or a link chain that loops.
    case unsafeName(name: String, reason: String)
    case tooLarge(what: String, size: Int64, limit: Int64)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .notATar(let path, let reason): "\(path) is not a tar archive or OCI layout (\(reason))"
        case .truncated(let path, let reason): "\(path) is truncated (\(reason))"
        case .notAnImage(let path): "\(path) is not a container image: no manifest.json or index.json"
        case .missingFile(let name): "the image names \(name), which the archive does not contain"
        case .missingBlob(let digest): "missing blob \(digest)"
        case .notJSON(let what, let reason): "\(what) is not valid JSON (\(reason))"
        case .invalidManifest(let what, let reason): "\(what) is not a valid manifest (\(reason))"
        case .noImages(let path): "\(path) contains no images"
        case .unknownImage(let requested, let available):
            "no image \(requested) in the archive; it holds: \(available.isEmpty ? "(unnamed images)" : available.joined(separator: ", "))"
        case .noPlatform(let image, let requested, let available):
            "\(image) has no \(requested) image; platforms: \(available.joined(separator: ", "))"
        case .unsafeName(let name, let reason): "refusing \(name): \(reason)"
        case .tooLarge(let what, let size, let limit): "\(what) is \(size) bytes, more than the \(limit)-byte limit for JSON documents (limits.max_json_size)"
        }
    }
}
