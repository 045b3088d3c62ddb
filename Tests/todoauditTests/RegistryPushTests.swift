import Foundation
import Testing

/// `todoaudit sbom IMAGE --push REGISTRY/REPO[:TAG]` against a real registry (Debian's
/// `docker-registry`, the CNCF distribution registry, on a loopback port) checked with
/// independent clients (skopeo, Python's urllib), and against a stand-in registry that
/// fails on purpose. Every registry started here is stopped at the end, whatever happened.
@Suite struct RegistryPushTests {
    /// A server process on a loopback port, killed on `stop()`.
    final class Server {
        let process = Process()
        let port: Int
        let log: URL

        /// The stand-in registry in `mode` (fake_registry.py).
        init(fake mode: String) throws {
            log = try CLI.temporaryDirectory().appendingPathComponent("requests.log")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [CLI.repository.appendingPathComponent("Tests/todoauditTests/fake_registry.py").path, mode]
            process.environment = ["FAKE_REGISTRY_LOG": log.path, "PATH": "/usr/bin:/bin"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            var line = Data()
            while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
            port = Int(String(decoding: line, as: UTF8.self)) ?? 0
        }

        /// Debian's docker-registry with its storage and config in a temporary directory.
        init(registryIn dir: URL) throws {
            log = dir.appendingPathComponent("registry.log")
            let free = try CLI.run(["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
                                   executable: URL(fileURLWithPath: "/usr/bin/python3"))
            port = Int(free.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            let config = """
                version: 0.1
                log: {level: error}
                storage: {filesystem: {rootdirectory: \(dir.appendingPathComponent("data").path)}}
                http: {addr: 127.0.0.1:\(port)}

                """
            try config.write(to: dir.appendingPathComponent("config.yml"), atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/docker-registry")
            process.arguments = ["serve", dir.appendingPathComponent("config.yml").path]
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: log.path)
            process.standardError = FileHandle(forWritingAtPath: log.path)
            try process.run()
            for _ in 0..<100 {
                if try !Self.get("http://127.0.0.1:\(port)/v2/").isEmpty { break }
                usleep(100_000)
            }
        }

        /// SIGKILL: a child inherits the test runner's signal mask, in which SIGTERM may be blocked.
        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        var requests: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// GET with Python's urllib (an independent client): the body, empty on failure.
        static func get(_ url: String, accept: String = "*/*") throws -> String {
            let script = "import sys, urllib.request\ntry:\n  r = urllib.request.urlopen(urllib.request.Request(sys.argv[1], headers={'Accept': sys.argv[2]}), timeout=5)\n  sys.stdout.write(r.read().decode('latin-1'))\nexcept Exception:\n  pass\n"
            return try CLI.run(["-c", script, url, accept], executable: URL(fileURLWithPath: "/usr/bin/python3")).stdout
        }
    }

    static let image = "Fixtures/images/backend-bad.tar"
    static let hasRegistry = FileManager.default.isExecutableFile(atPath: "/usr/bin/docker-registry")

    /// `sbom IMAGE --push TARGET --push-image --insecure EXTRA -o /dev/null`.
    func push(_ target: String, _ extra: [String] = [], stdin: Data? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(["sbom", Self.image, "--push", target, "--push-image", "--insecure"] + extra + ["-o", "/dev/null"],
                    stdin: stdin, environment: environment)
    }

    @Test(.enabled(if: hasRegistry))
    func pushesTheSBOMAndTheImageToARealRegistry() throws {
        let dir = try CLI.temporaryDirectory()
        let registry = try Server(registryIn: dir)
        defer { registry.stop() }
        let host = "127.0.0.1:\(registry.port)"
        let sbom = dir.appendingPathComponent("bom.xml").path, statement = dir.appendingPathComponent("bom.intoto.json").path
        let r = try CLI.run(["sbom", Self.image, "--push", "\(host)/todo/backend:bad", "--push-image", "--insecure", "-o", sbom, "--in-toto", statement])
        #expect(r.status == 0, "\(r.stderr)\n\(registry.requests)")
        let imageDigest = try #require(r.stderr.firstMatch(of: /pushed image (sha256:[0-9a-f]{64})/)?.1).description
        let artifactDigest = try #require(r.stderr.firstMatch(of: /pushed SBOM artifact (sha256:[0-9a-f]{64})/)?.1).description
        let statementDigest = try #require(r.stderr.firstMatch(of: /pushed in-toto statement artifact (sha256:[0-9a-f]{64})/)?.1).description
        #expect(r.stderr.contains("no referrers API"), "distribution 2.8 has none: the tag fallback is used")

        let manifest = try Server.get("http://\(host)/v2/todo/backend/manifests/\(artifactDigest)", accept: "application/vnd.oci.image.manifest.v1+json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
        #expect(json["artifactType"] as? String == "application/vnd.cyclonedx+xml")
        #expect((json["subject"] as? [String: Any])?["digest"] as? String == imageDigest)
        let layer = try #require((json["layers"] as? [[String: Any]])?.first?["digest"] as? String)
        let blob = try Server.get("http://\(host)/v2/todo/backend/blobs/\(layer)")
        #expect(blob == (try String(contentsOfFile: sbom, encoding: .utf8)), "the pushed blob is the SBOM file")
        let referrers = try Server.get("http://\(host)/v2/todo/backend/manifests/\(imageDigest.replacingOccurrences(of: ":", with: "-"))",
                                       accept: "application/vnd.oci.image.index.v1+json")
        #expect(referrers.contains(artifactDigest) && referrers.contains(statementDigest), "both artifacts are listed: \(referrers)")
        let attestation = try Server.get("http://\(host)/v2/todo/backend/manifests/\(statementDigest)", accept: "application/vnd.oci.image.manifest.v1+json")
        let attestationJSON = try #require(try JSONSerialization.jsonObject(with: Data(attestation.utf8)) as? [String: Any])
        #expect((attestationJSON["subject"] as? [String: Any])?["digest"] as? String == imageDigest)
        let statementLayer = try #require((attestationJSON["layers"] as? [[String: Any]])?.first?["digest"] as? String)
        #expect(try Server.get("http://\(host)/v2/todo/backend/blobs/\(statementLayer)") == String(contentsOfFile: statement, encoding: .utf8))

        if FileManager.default.isExecutableFile(atPath: "/usr/bin/skopeo") {
            let inspect = try CLI.run(["inspect", "--tls-verify=false", "docker://\(host)/todo/backend:bad"], executable: URL(fileURLWithPath: "/usr/bin/skopeo"))
            #expect(inspect.status == 0 && inspect.stdout.contains(imageDigest), "\(inspect.stderr)")
        }

        // Chunked uploads: the image goes up in 512-byte PATCHes and comes back whole.
        let chunked = try push("\(host)/todo/chunked:v1", environment: ["TODOAUDIT_UPLOAD_CHUNK_BYTES": "512"])
        #expect(chunked.status == 0, "\(chunked.stderr)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/skopeo") {
            let copied = try CLI.run(["copy", "-q", "--src-tls-verify=false", "docker://\(host)/todo/chunked:v1", "oci:\(dir.appendingPathComponent("pulled").path):v1"],
                                     executable: URL(fileURLWithPath: "/usr/bin/skopeo"))
            #expect(copied.status == 0, "\(copied.stderr)")
        }
        // Only the SBOM, for an image the registry does not have: refused, nothing dangling.
        let orphan = try CLI.run(["sbom", Self.image, "--push", "\(host)/todo/other:v1", "--insecure", "-o", "/dev/null"])
        #expect(orphan.status == 2 && orphan.stderr.contains("push the image first"), "\(orphan.stderr)")
    }

    @Test func credentialsAreAskedForUsedAndNeverShown() throws {
        let server = try Server(fake: "auth")
        defer { server.stop() }
        let target = "127.0.0.1:\(server.port)/todo/app:v1"
        let anonymous = try push(target, environment: ["DOCKER_CONFIG": try CLI.temporaryDirectory().path])
        #expect(anonymous.status == 2 && anonymous.stderr.contains("wants a username and password"), "\(anonymous.stderr)")
        let signedIn = try push(target, ["--username", "user", "--password-stdin"], stdin: Data("s3cret-pass\n".utf8))
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
        #expect(!signedIn.stderr.contains("s3cret") && !signedIn.stdout.contains("s3cret"))
        // docker login's config.json works too.
        let config = try CLI.temporaryDirectory()
        let auth = Data("user:s3cret-pass".utf8).base64EncodedString()
        try #"{"auths": {"127.0.0.1:\#(server.port)": {"auth": "\#(auth)"}}}"#.write(to: config.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        let fromConfig = try push(target, environment: ["DOCKER_CONFIG": config.path])
        #expect(fromConfig.status == 0, "\(fromConfig.stderr)")
        // A credential helper is named, never run.
        let helper = try CLI.temporaryDirectory()
        try #"{"credsStore": "desktop"}"#.write(to: helper.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        let withHelper = try push(target, environment: ["DOCKER_CONFIG": helper.path])
        #expect(withHelper.status == 2 && withHelper.stderr.contains("credential helper 'desktop', which todoaudit does not run"), "\(withHelper.stderr)")
    }

    /// A Bearer challenge, as Docker Hub, GHCR and token-auth distribution registries answer:
    /// the token comes from the challenge's realm, asked with the credentials for this
    /// repository's pull and push, and is shown nowhere.
    @Test func bearerTokensComeFromTheChallengesRealm() throws {
        let server = try Server(fake: "token")
        defer { server.stop() }
        let target = "127.0.0.1:\(server.port)/todo/app:v1"
        let anonymous = try push(target, environment: ["DOCKER_CONFIG": try CLI.temporaryDirectory().path])
        #expect(anonymous.status == 2 && anonymous.stderr.contains("no token from http://127.0.0.1:\(server.port)/token (status 401)"),
                "\(anonymous.stderr)")
        #expect(anonymous.stderr.split(separator: "\n").count == 1)
        let signedIn = try push(target, ["--username", "user", "--password-stdin"], stdin: Data("s3cret-pass\n".utf8))
        #expect(signedIn.status == 0, "\(signedIn.stderr)\n\(server.requests)")
        for secret in ["s3cret", "fake-token-4711"] {
            #expect(!signedIn.stderr.contains(secret) && !signedIn.stdout.contains(secret))
        }
        let tokenRequests = server.requests.split(separator: "\n").filter { $0.hasPrefix("GET /token?") }
        #expect(!tokenRequests.isEmpty)
        for request in tokenRequests {
            let query = request.removingPercentEncoding ?? String(request)
            #expect(query.contains("service=fake-registry") && query.contains("scope=repository:todo/app:pull,push"), "\(request)")
        }
        // The token is kept: one token request per run, not one per request.
        #expect(tokenRequests.filter { $0.hasSuffix("auth=True") }.count == 1, "\(server.requests)")
    }

    /// A registry answering 503 once to every existence check, read and manifest PUT: each is
    /// asked again and the push goes through. Upload PUTs and POSTs carry session state and
    /// are not repeated (a failed one is the `fail-upload` case below).
    @Test func idempotentRequestsAreRetried() throws {
        let server = try Server(fake: "flaky")
        defer { server.stop() }
        let r = try push("127.0.0.1:\(server.port)/todo/app:v1")
        #expect(r.status == 0, "\(r.stderr)\n\(server.requests)")
        let lines = server.requests.split(separator: "\n").map(String.init)
        let retried = lines.filter { $0.hasPrefix("HEAD ") || $0.hasPrefix("GET ") || $0.hasPrefix("PUT /v2/todo/app/manifests/") }
        #expect(retried.count >= 6, "\(server.requests)")
        for line in Set(retried) {
            #expect(lines.filter { $0 == line }.count == 2, "\(line): once answered 503, once again")
        }
    }

    /// A registry with the referrers API (OCI distribution 1.1) lists the artifacts itself:
    /// no `sha256-<digest>` fallback tag is written.
    @Test func aRegistryWithTheReferrersAPIGetsNoFallbackTag() throws {
        let server = try Server(fake: "referrers")
        defer { server.stop() }
        let r = try push("127.0.0.1:\(server.port)/todo/app:v1")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("no referrers API"), "\(r.stderr)")
        #expect(!server.requests.contains("PUT /v2/todo/app/manifests/sha256-"), "\(server.requests)")
        let imageDigest = try #require(r.stderr.firstMatch(of: /pushed image (sha256:[0-9a-f]{64})/)?.1).description
        let artifactDigest = try #require(r.stderr.firstMatch(of: /pushed SBOM artifact (sha256:[0-9a-f]{64})/)?.1).description
        let listing = try Server.get("http://127.0.0.1:\(server.port)/v2/todo/app/referrers/\(imageDigest)")
        #expect(listing.contains(artifactDigest), "\(listing)")
    }

    @Test func faultsAreClearErrorsAndLeaveNoManifestBehind() throws {
        let failing = try Server(fake: "fail-upload")
        defer { failing.stop() }
        let broken = try push("127.0.0.1:\(failing.port)/todo/app:v1")
        #expect(broken.status == 2 && broken.stderr.contains("500") && broken.stderr.split(separator: "\n").count == 1, "\(broken.stderr)")
        #expect(!failing.requests.contains("PUT /v2/todo/app/manifests/"), "no manifest names blobs the registry lacks")

        let lying = try Server(fake: "bad-digest")
        defer { lying.stop() }
        let rejected = try push("127.0.0.1:\(lying.port)/todo/app:v1")
        #expect(rejected.status == 2 && rejected.stderr.contains("as sha256:0000"), "\(rejected.stderr)")

        let slow = try Server(fake: "slow")
        defer { slow.stop() }
        let started = Date()
        let timedOut = try CLI.run(["sbom", Self.image, "--push", "127.0.0.1:\(slow.port)/todo/app:v1", "--insecure", "--timeout", "1", "-o", "/dev/null"])
        #expect(timedOut.status == 2 && timedOut.stderr.lowercased().contains("timeout"), "\(timedOut.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)

        let down = try CLI.run(["sbom", Self.image, "--push", "127.0.0.1:1/todo/app:v1", "--insecure", "-o", "/dev/null"])
        #expect(down.status == 2 && down.stderr.hasPrefix("todoaudit: push to 127.0.0.1:1/todo/app"), "\(down.stderr)")
        let plain = try CLI.run(["sbom", Self.image, "--push", "registry.example.com/todo/app:v1", "--insecure"])
        #expect(plain.status == 64 && plain.stderr.contains("only for a registry on this machine"))
    }
}
