import Foundation
import Testing
@testable import TodoAuditKit

/// How `sbom --push` reads its target and finds `docker login`'s credentials for it.
@Suite(.serialized) struct SBOMPushReferenceTests {
    @Test func registryRepositoryAndTag() throws {
        let r = try #require(SBOMPush.Reference("ghcr.io/acme/web/frontend:v1.2"))
        #expect(r.host == "ghcr.io" && r.apiHost == "ghcr.io" && r.repository == "acme/web/frontend" && r.tag == "v1.2")
        let port = try #require(SBOMPush.Reference("localhost:5000/todo/backend"))
        #expect(port.host == "localhost:5000" && port.repository == "todo/backend" && port.tag == nil && port.isLoopback)
        #expect(SBOMPush.Reference("[::1]:5000/app:x")?.isLoopback == true)
        #expect(SBOMPush.Reference("registry.example.com/app")?.isLoopback == false)
    }

    /// `docker.io/nginx` is Docker Hub's `library/nginx`, and its API is registry-1.docker.io.
    @Test func dockerHub() throws {
        let official = try #require(SBOMPush.Reference("docker.io/nginx:1.27"))
        #expect(official.repository == "library/nginx" && official.apiHost == "registry-1.docker.io" && official.tag == "1.27")
        let user = try #require(SBOMPush.Reference("index.docker.io/acme/api"))
        #expect(user.repository == "acme/api" && user.apiHost == "registry-1.docker.io")
    }

    @Test(arguments: ["", "app", "app:v1", "Upper.io/App", "ghcr.io/", "ghcr.io//x", "ghcr.io/x:", "ghcr.io/x@sha256:00", "ghcr.io/a b"])
    func notAReference(_ text: String) {
        #expect(SBOMPush.Reference(text) == nil, "\(text)")
    }

    func login(_ config: String, _ target: String) throws -> (credentials: RegistryClient.Credentials?, helper: String?) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("todoaudit-login-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try config.write(to: dir.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        setenv("DOCKER_CONFIG", dir.path, 1)
        defer { unsetenv("DOCKER_CONFIG") }
        return SBOMPush.dockerLogin(for: try #require(SBOMPush.Reference(target)))
    }

    @Test func dockerLoginCredentials() throws {
        let auth = Data("ci:p4ss:with:colons".utf8).base64EncodedString()
        let ghcr = try login(#"{"auths": {"ghcr.io": {"auth": "\#(auth)"}}}"#, "ghcr.io/acme/app:v1")
        #expect(ghcr.credentials?.username == "ci" && ghcr.credentials?.password == "p4ss:with:colons")
        // docker login files Docker Hub under the v1 index URL.
        let hub = try login(#"{"auths": {"https://index.docker.io/v1/": {"auth": "\#(auth)"}}}"#, "docker.io/acme/app")
        #expect(hub.credentials?.username == "ci")
        let other = try login(#"{"auths": {"ghcr.io": {"auth": "\#(auth)"}}}"#, "quay.io/acme/app")
        #expect(other.credentials == nil && other.helper == nil)
    }

    /// A helper is named, never run: the user is told which one.
    @Test func credentialHelpersAreNamed() throws {
        let perRegistry = try login(#"{"credHelpers": {"123.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"}, "credsStore": "desktop"}"#,
                                    "123.dkr.ecr.eu-west-1.amazonaws.com/app:v1")
        #expect(perRegistry.credentials == nil && perRegistry.helper == "ecr-login")
        let store = try login(#"{"auths": {"ghcr.io": {}}, "credsStore": "desktop"}"#, "ghcr.io/acme/app")
        #expect(store.credentials == nil && store.helper == "desktop")
        let broken = try login("not json", "ghcr.io/acme/app")
        #expect(broken.credentials == nil && broken.helper == nil)
    }
}
