import Digesting
import Foundation

/// Pushes an SBOM attached in a local OCI layout to a registry: the image too when asked,
/// then the artifact's blobs, then its manifest, so no manifest ever names a blob the
/// registry lacks; then, for a registry without the referrers API, the `sha256-<digest>`
/// index tag that points clients at it (OCI distribution spec 1.1, referrers tag schema).
public struct SBOMPush {
    /// `registry/repository[:tag]`, as `docker push` reads it.
    public struct Reference: Sendable, Equatable {
        /// The registry as the user named it (`docker.io`, `ghcr.io`, `localhost:5000`).
        public var host: String
        public var repository: String
        public var tag: String?

        /// The names Docker Hub goes by; its API is served from `registry-1.docker.io`, and
        /// `docker login` files its credentials under the v1 index URL.
        static let dockerHubNames: Set<String> = ["docker.io", "index.docker.io", "registry-1.docker.io"]

        public init?(_ text: String) {
            guard !text.contains("@"), !text.isEmpty, !text.contains(" ") else { return nil }
            var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, !parts.contains("") else { return nil }
            let first = parts[0]
            guard first.contains(".") || first.contains(":") || first == "localhost" else { return nil }
            host = first
            parts.removeFirst()
            var last = parts.removeLast()
            if let colon = last.lastIndex(of: ":") {
                tag = String(last[last.index(after: colon)...])
                last = String(last[..<colon])
                guard !(tag ?? "").isEmpty else { return nil }
            }
            repository = (parts + [last]).joined(separator: "/")
            guard repository == repository.lowercased(), !repository.isEmpty else { return nil }
            // `docker.io/nginx` is `library/nginx`, as docker push reads it.
            if isDockerHub && parts.isEmpty { repository = "library/" + repository }
        }

        public var isDockerHub: Bool { Self.dockerHubNames.contains(host) }

        /// Where the distribution API answers.
        public var apiHost: String { isDockerHub ? "registry-1.docker.io" : host }

        /// The keys `docker login` may have filed this registry's credentials under.
        var credentialKeys: [String] {
            isDockerHub ? ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"]
                        : [host, "https://" + host, "http://" + host]
        }

        /// Plain HTTP is only for a registry on this machine.
        public var isLoopback: Bool {
            let name = host.hasPrefix("[") ? String(host.dropFirst().prefix { $0 != "]" }) : String(host.split(separator: ":").first ?? "")
            return name == "localhost" || name == "::1" || name.hasPrefix("127.")
        }
    }

    /// A user's `docker login` for the registry of `reference`, from `$DOCKER_CONFIG/config.json`
    /// or `~/.docker/config.json` (`auths.<registry>.auth`). Credential helpers are not run:
    /// when one is named for the registry, `helper` says which, for the user to be told.
    public static func dockerLogin(for reference: Reference) -> (credentials: RegistryClient.Credentials?, helper: String?) {
        let directory = ProcessInfo.processInfo.environment["DOCKER_CONFIG"]
            ?? (FileManager.default.homeDirectoryForCurrentUser.path as NSString).appendingPathComponent(".docker")
        guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent("config.json")),
              let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return (nil, nil) }
        let helpers = config["credHelpers"] as? [String: Any] ?? [:]
        let helper = reference.credentialKeys.lazy.compactMap { helpers[$0] as? String }.first ?? config["credsStore"] as? String
        let auths = config["auths"] as? [String: Any] ?? [:]
        for key in reference.credentialKeys {
            guard let auth = (auths[key] as? [String: Any])?["auth"] as? String, let decoded = Data(base64Encoded: auth),
                  let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else { continue }
            return (.init(username: String(text[..<colon]), password: String(text[text.index(after: colon)...])), nil)
        }
        return (nil, helper)
    }

    static func blob(_ layout: String, _ digest: String) throws(RegistryClient.Failure) -> Data {
        let path = (layout as NSString).appendingPathComponent("blobs/" + digest.replacingOccurrences(of: ":", with: "/"))
        do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            throw RegistryClient.Failure(description: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    static func descriptors(_ manifest: Data) throws(RegistryClient.Failure) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
              let config = json["config"] as? [String: Any], let layers = json["layers"] as? [[String: Any]] else {
            throw RegistryClient.Failure(description: "a manifest in the layout is not a manifest")
        }
        return ([config] + layers).compactMap { $0["digest"] as? String }
    }

    /// Pushes `attachment` (written into `layout`) with `client`; the image under `tag` when
    /// `pushImage`. Returns what was done, one line each.
    public static func push(_ attachment: SBOMAttachment, layout: String, client: RegistryClient, tag: String?, pushImage: Bool) throws(RegistryClient.Failure) -> [String] {
        var done: [String] = []
        let image = attachment.image
        if pushImage {
            let manifest = try blob(layout, image.digest)
            for digest in try descriptors(manifest) { try client.upload(try blob(layout, digest), digest: digest) }
            try client.putManifest(manifest, mediaType: image.mediaType, reference: tag ?? image.digest, digest: image.digest)
            done.append("pushed image \(image.digest)" + (tag.map { " as \($0)" } ?? ""))
        } else if try client.manifest(image.digest, accept: [image.mediaType, OCIMediaType.manifest]) == nil {
            throw RegistryClient.Failure(description: "the registry does not have image \(image.digest); push the image first, or add --push-image")
        }
        var pushed: [(descriptor: OCIDescriptor, manifest: Data)] = []
        for descriptor in attachment.artifacts {
            let manifest = try blob(layout, descriptor.digest)
            for digest in try descriptors(manifest) { try client.upload(try blob(layout, digest), digest: digest) }
            try client.putManifest(manifest, mediaType: OCIMediaType.manifest, reference: descriptor.digest, digest: descriptor.digest)
            let what = descriptor.artifactType == InTotoStatement.mediaType ? "in-toto statement" : "SBOM"
            done.append("pushed \(what) artifact \(descriptor.digest) (subject \(image.digest))")
            pushed.append((descriptor, manifest))
        }
        if try !client.supportsReferrers(image.digest) {
            let fallback = image.digest.replacingOccurrences(of: ":", with: "-")
            var manifests: [[String: Any]] = []
            if let existing = try client.manifest(fallback, accept: [OCIMediaType.index]),
               let json = try? JSONSerialization.jsonObject(with: existing) as? [String: Any] {
                manifests = json["manifests"] as? [[String: Any]] ?? []
            }
            let known = Set(manifests.compactMap { $0["digest"] as? String })
            let added = pushed.filter { !known.contains($0.descriptor.digest) }
            if !added.isEmpty {
                for (descriptor, manifest) in added {
                    var entry: [String: Any] = ["mediaType": OCIMediaType.manifest, "digest": descriptor.digest, "size": descriptor.size]
                    entry["artifactType"] = descriptor.artifactType
                    if let annotations = (try? JSONSerialization.jsonObject(with: manifest) as? [String: Any])?["annotations"] { entry["annotations"] = annotations }
                    manifests.append(entry)
                }
                let index: [String: Any] = ["schemaVersion": 2, "mediaType": OCIMediaType.index, "manifests": manifests]
                guard let bytes = try? JSONSerialization.data(withJSONObject: index, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                    throw RegistryClient.Failure(description: "cannot encode the referrers index")
                }
                let digest = "sha256:" + SHA256.hex(Array(bytes))
                try client.putManifest(bytes, mediaType: OCIMediaType.index, reference: fallback, digest: digest)
            }
            done.append("tagged referrers index \(fallback) (the registry has no referrers API)")
        }
        return done
    }
}
