/// An image reference split into repository, tag and digest, as Docker reads
/// `registry:5000/team/app:1.2@sha256:…`.
public struct ImageReference: Sendable, Hashable {
    /// Registry host and path, with Docker Hub's implied `docker.io/library/` removed
    /// (`node`, `gcr.io/distroless/static-debian12`, `localhost:5000/app`).
    public var repository: String
    public var tag: String?
    public var digest: String?

    public init?(_ reference: String) {
        let ref = reference.trimmingWhitespace()
        guard !ref.isEmpty, !ref.contains(" ") else { return nil }
        var rest = Substring(ref)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        // A tag's colon comes after the last slash; an earlier one is a registry port.
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        var repo = String(rest).lowercased()
        for prefix in ["docker.io/library/", "index.docker.io/library/", "registry-1.docker.io/library/", "docker.io/", "index.docker.io/", "library/"]
        where repo.hasPrefix(prefix) {
            repo = String(repo.dropFirst(prefix.count))
            break
        }
        guard !repo.isEmpty, tag.map({ !$0.isEmpty }) ?? true else { return nil }
        repository = repo
    }

    /// `repository:tag` for matching against image lists: the digest is dropped (it pins
    /// the same image the tag names) and a missing tag reads as `latest`.
    public var repositoryAndTag: String { repository + ":" + (tag ?? "latest") }

    /// `repository:tag` with `latest` filled in when no tag and no digest were given.
    public var normalized: String {
        repository + ":" + (tag ?? (digest == nil ? "latest" : "")) + (digest.map { "@" + $0 } ?? "")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
