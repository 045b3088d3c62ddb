import Foundation

/// An OCI content descriptor (also Docker's distribution format, same field names).
struct Descriptor: Decodable, Sendable {
    struct PlatformJSON: Decodable, Sendable {
        var os: String?
        var architecture: String?
        var variant: String?
    }

    var mediaType: String?
    var digest: String
    var size: Int64?
    var annotations: [String: String]?
    var platform: PlatformJSON?
    /// OCI 1.1: set on an artifact (an SBOM, a signature) rather than an image.
    var artifactType: String?

    var parsedPlatform: Platform? {
        guard let p = platform, let os = p.os, let arch = p.architecture else { return nil }
        return Platform(os: os, architecture: arch, variant: p.variant)
    }
}

/// An OCI image index (`index.json`, or a nested index blob) or an image manifest: the
/// two are told apart by their fields, since `mediaType` is optional in both.
struct OCIDocument: Decodable, Sendable {
    var mediaType: String?
    var artifactType: String?
    var manifests: [Descriptor]?
    var config: Descriptor?
    var layers: [Descriptor]?
    var annotations: [String: String]?
}

/// One entry of docker-archive's `manifest.json`.
struct DockerManifestEntry: Decodable, Sendable {
    var Config: String
    var RepoTags: [String]?
    var Layers: [String]
}

enum JSONDocument {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws(ImageError) -> T {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw .notJSON(what: what, reason: Self.reason(error))
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw .invalidManifest(what: what, reason: Self.reason(error))
        }
    }

    /// DecodingError's description is a paragraph; the key path is what helps.
    static func reason(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "missing \(key.stringValue)"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "bad \(path)"
        default:
            // Foundation's JSON errors carry the position in the text; keep the first line.
            let text = "\(error)"
            return String(text.split(separator: "\n").first ?? Substring(text))
        }
    }
}
