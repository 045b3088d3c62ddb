import Foundation
import HTTPTransfer

/// A client for the OCI distribution API, enough to push blobs and manifests: existence
/// checks, monolithic and chunked uploads, manifest PUT, the referrers API and its tag
/// fallback, and Basic or Bearer token authentication. Credentials are sent only in
/// headers and never appear in errors.
public final class RegistryClient: @unchecked Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public struct Credentials: Sendable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    let base: URL
    let repository: String
    let credentials: Credentials?
    let http: HTTPClient
    /// Retries of idempotent requests (GET, HEAD, PUT) after a 5xx answer or a network error.
    let retries: Int
    /// Blobs larger than this are uploaded in chunks of this size (PATCH), smaller ones in one PUT.
    public var chunkSize: Int = 16 << 20
    private var authorization: String?

    /// `host[:port]` and a repository path; `insecure` means plain HTTP (loopback only, checked by the caller).
    public init(host: String, repository: String, insecure: Bool, credentials: Credentials?, timeout: TimeInterval = 30, retries: Int = 2) {
        base = URL(string: (insecure ? "http://" : "https://") + host)!
        self.repository = repository
        self.credentials = credentials
        self.retries = retries
        http = HTTPClient(timeout: timeout)
    }

    typealias Response = HTTPResponse

    /// One request; a 401 with a challenge is answered once with credentials.
    private func send(_ method: String, _ url: URL, body: Data? = nil, headers: [String: String] = [:], authRetry: Bool = true) throws(Failure) -> Response {
        var sent = headers
        if let authorization { sent["Authorization"] = authorization }
        let response: Response
        do { response = try http.send(method, url.absoluteString, headers: sent, body: body.map { Array($0) }) } catch {
            throw Failure(description: "\(method) \(Self.shown(url)): \(error.description)")
        }
        if response.status == 401, authRetry, let challenge = response.header("WWW-Authenticate") {
            try authenticate(challenge)
            return try send(method, url, body: body, headers: headers, authRetry: false)
        }
        return response
    }

    /// Idempotent requests are retried on a server error or a lost connection.
    private func sendRetrying(_ method: String, _ url: URL, body: Data? = nil, headers: [String: String] = [:]) throws(Failure) -> Response {
        var attempt = 0
        while true {
            do {
                let response = try send(method, url, body: body, headers: headers)
                if response.status >= 500 && attempt < retries {
                    attempt += 1
                    usleep(useconds_t(200_000 * attempt))
                    continue
                }
                return response
            } catch {
                guard attempt < retries else { throw error }
                attempt += 1
                usleep(useconds_t(200_000 * attempt))
            }
        }
    }

    /// The URL without its query (an upload location carries session state).
    static func shown(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.user = nil
        components?.password = nil
        return components?.string ?? url.path
    }

    /// Basic: the credentials as they are. Bearer: a token from the realm, for this repository.
    private func authenticate(_ challenge: String) throws(Failure) {
        let scheme = challenge.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if scheme == "basic" {
            guard let basic else { throw Failure(description: "the registry wants a username and password (--username, --password-stdin or ~/.docker/config.json)") }
            authorization = basic
            return
        }
        guard scheme == "bearer" else { throw Failure(description: "the registry asks for an authentication scheme todoaudit does not speak (\(scheme))") }
        let parameters = Self.challengeParameters(challenge)
        guard let realm = parameters["realm"], var components = URLComponents(string: realm) else {
            throw Failure(description: "the registry's token challenge names no realm")
        }
        var query = components.queryItems ?? []
        if let service = parameters["service"] { query.append(URLQueryItem(name: "service", value: service)) }
        query.append(URLQueryItem(name: "scope", value: parameters["scope"] ?? "repository:\(repository):pull,push"))
        components.queryItems = query
        guard let url = components.url else { throw Failure(description: "the registry's token realm is not a URL") }
        let response: Response
        do { response = try http.send("GET", url.absoluteString, headers: basic.map { ["Authorization": $0] } ?? [:]) } catch {
            throw Failure(description: "no token from \(Self.shown(url)): \(error.description)")
        }
        guard response.status == 200, let json = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let token = (json["token"] ?? json["access_token"]) as? String else {
            throw Failure(description: "no token from \(Self.shown(url)) (status \(response.status)); check the credentials")
        }
        authorization = "Bearer " + token
    }

    /// The credentials as a Basic `Authorization` value.
    private var basic: String? {
        credentials.map { "Basic " + Data("\($0.username):\($0.password)".utf8).base64EncodedString() }
    }

    /// `Bearer realm="…",service="…",scope="…"` → its parameters.
    static func challengeParameters(_ challenge: String) -> [String: String] {
        var out: [String: String] = [:]
        let rest = challenge.drop { $0 != " " }
        let pattern = try? NSRegularExpression(pattern: #"(\w+)="([^"]*)""#)
        let text = String(rest)
        for match in pattern?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
            if let key = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: text) {
                out[String(text[key])] = String(text[value])
            }
        }
        return out
    }

    func url(_ path: String) -> URL { base.appendingPathComponent("v2/\(repository)/\(path)") }

    private func expect(_ response: Response, _ statuses: Set<Int>, _ what: String) throws(Failure) {
        guard statuses.contains(response.status) else {
            let detail = String(decoding: response.body.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw Failure(description: "\(what): the registry answered \(response.status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
    }

    /// Whether the registry already has the blob.
    public func hasBlob(_ digest: String) throws(Failure) -> Bool {
        let response = try sendRetrying("HEAD", url("blobs/\(digest)"))
        if response.status == 404 { return false }
        try expect(response, [200], "HEAD blob \(digest)")
        return true
    }

    /// Uploads a blob unless the registry has it: one PUT, or PATCH chunks then a PUT.
    public func upload(_ bytes: Data, digest: String) throws(Failure) {
        if try hasBlob(digest) { return }
        let start = try send("POST", url("blobs/uploads/"), headers: ["Content-Length": "0"])
        try expect(start, [202], "starting the upload of \(digest)")
        var location = try self.location(start)
        if bytes.count <= chunkSize {
            let put = try send("PUT", Self.adding(digest: digest, to: location), body: bytes,
                               headers: ["Content-Type": "application/octet-stream", "Content-Length": "\(bytes.count)"])
            try expect(put, [201], "uploading \(digest)")
            return
        }
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            let patch = try send("PATCH", location, body: bytes.subdata(in: offset..<end), headers: [
                "Content-Type": "application/octet-stream", "Content-Range": "\(offset)-\(end - 1)", "Content-Length": "\(end - offset)",
            ])
            try expect(patch, [202], "uploading \(digest) (bytes \(offset)-\(end - 1))")
            location = try self.location(patch)
            offset = end
        }
        let put = try send("PUT", Self.adding(digest: digest, to: location), headers: ["Content-Length": "0"])
        try expect(put, [201], "finishing the upload of \(digest)")
    }

    private func location(_ response: Response) throws(Failure) -> URL {
        guard let value = response.header("Location"), let url = URL(string: value, relativeTo: base)?.absoluteURL else {
            throw Failure(description: "the registry started an upload without a Location")
        }
        return url
    }

    static func adding(digest: String, to url: URL) -> URL {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: true)!
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "digest", value: digest)]
        return components.url!
    }

    /// PUTs a manifest under a tag or its digest; the digest the registry computed must be ours.
    public func putManifest(_ bytes: Data, mediaType: String, reference: String, digest: String) throws(Failure) {
        let response = try sendRetrying("PUT", url("manifests/\(reference)"), body: bytes, headers: ["Content-Type": mediaType])
        try expect(response, [201], "PUT manifest \(reference)")
        if let stored = response.header("Docker-Content-Digest"), stored != digest {
            throw Failure(description: "the registry stored manifest \(reference) as \(stored), not \(digest)")
        }
    }

    /// A manifest or index by tag or digest; nil when the registry does not have it.
    public func manifest(_ reference: String, accept: [String]) throws(Failure) -> Data? {
        let response = try sendRetrying("GET", url("manifests/\(reference)"), headers: ["Accept": accept.joined(separator: ", ")])
        if response.status == 404 { return nil }
        try expect(response, [200], "GET manifest \(reference)")
        return Data(response.body)
    }

    /// Whether the registry serves the referrers API (OCI distribution 1.1).
    public func supportsReferrers(_ digest: String) throws(Failure) -> Bool {
        let response = try sendRetrying("GET", url("referrers/\(digest)"), headers: ["Accept": OCIMediaType.index])
        return response.status == 200 && (response.header("Content-Type") ?? "").contains(OCIMediaType.index)
    }
}
