@testable import ImageModel
import Foundation
import Testing

/// docker-archive tarballs as `docker save` writes them, legacy and Docker 25+.
@Suite struct DockerArchiveTests {
    @Test(arguments: ["docker-legacy", "docker-manifest-first"])
    func readsConfigHistoryLayersAndMergedView(scenario: String) throws {
        let source = try ImageSource(path: try Fixture.make(scenario))
        #expect(source.format == .dockerArchive)
        #expect(source.images.map(\.names) == [["todo/app:1"]])
        let image = try source.load(try #require(source.select().first))
        #expect(image.problems == [])
        #expect(image.name == "todo/app:1")

        let config = image.config
        #expect(config.user == "app")
        #expect(config.env == ["PATH=/usr/bin", "A=b=c"])
        #expect(config.environment["A"] == "b=c")
        #expect(config.entrypoint == ["/bin/sh", "-c"])
        #expect(config.cmd == ["run"])
        #expect(config.healthcheck == ["CMD", "true"])
        #expect(config.exposedPorts == ["53/udp", "8080/tcp"])
        #expect(config.labels == ["org.opencontainers.image.title": "app"])
        #expect(config.workingDir == "/app")
        #expect(config.created == "2024-01-02T03:04:05Z")
        #expect(config.platform == .linuxAMD64)
        #expect(config.history.map(\.layer) == [0, nil, 1, nil, 2])
        #expect(image.layers.map(\.createdBy) == [
            "/bin/sh -c #(nop) ADD file:abc in / ", "RUN /bin/sh -c make # buildkit", "RUN /bin/sh -c rm /tmp/secret.env # buildkit",
        ])
        #expect(image.layers.map(\.digest) == [nil, nil, nil])
        #expect(image.layers.allSatisfy { $0.compressedSize == 10240 })

        let scan = image.scan { $0.path == "etc/passwd" ? 1 << 16 : nil }
        #expect(scan.merged.files.keys.sorted() == [
            "app", "app/dir", "app/dir/c", "app/dir/hard", "bin", "bin/sh", "etc", "etc/passwd", "loop1", "loop2", "usr/bin/su",
        ])
        #expect(scan.merged.files["etc/passwd"]?.layer == 1)
        #expect(scan.merged.files["usr/bin/su"]?.entry.isSetuid == true)
        #expect(scan.merged.files["app/dir/hard"]?.entry.kind == .hardlink)
        #expect(scan.merged.files["app/dir/hard"]?.entry.linkTarget == "app/dir/c")
        #expect(scan.merged.files["loop1"]?.entry.linkTarget == "loop2")
        #expect(scan.merged.files["loop2"]?.entry.kind == .symlink)
        #expect(scan.merged.hidden.map { "\($0.entry.path) \($0.entry.size) \($0.layer)->\($0.hiddenBy) \($0.deleted ? "deleted" : "overwritten")" } == [
            "app/old.txt 100 0->1 deleted", "app/dir/a 4 0->1 deleted", "app/dir/b 2 0->1 deleted",
            "etc/passwd 30 0->1 overwritten", "tmp/secret.env 9 1->2 deleted",
        ])
        #expect(scan.merged.wastedBytes == 145)
        // Hidden in the merged view, still in its layer: the secret scanner sees it.
        #expect(scan.layers[1].entries.contains { $0.path == "tmp/secret.env" })
        #expect(String(decoding: try #require(scan.visibleContents["etc/passwd"]), as: UTF8.self).contains("app:x:1000"))
        #expect(String(decoding: try #require(scan.layers[0].contents["etc/passwd"]), as: UTF8.self) == "root:x:0:0:root:/root:/bin/sh\n")
        // Legacy layers are vouched for by their diff_id only, which matches.
        #expect(scan.layers.map(\.result.diffID) == image.layers.map(\.diffID))
        #expect(scan.problems == [.escapingPath("../../etc/passwd")])
        #expect(scan.layers.map(\.result.entryCount) == [10, 7, 5])
        #expect(scan.layers.map(\.result.fileBytes) == [140, 74, 4])
    }

    @Test func listsSeveralImagesAndFollowsLinkedLayers() throws {
        let source = try ImageSource(path: try Fixture.make("docker-multi"))
        #expect(source.availableNames == ["todo/app:1", "todo/other:2"])
        #expect(try source.select().map(\.displayName) == ["todo/app:1", "todo/other:2"])
        let other = try #require(try source.select(name: "todo/other").first)
        #expect(other.names == ["todo/other:2", "todo/other:latest"])
        let image = try source.load(other)
        #expect(image.config.user == "root")
        let scan = image.scan { _ in nil }
        // The base layer is a symlink to the first image's layer.tar.
        #expect(scan.problems == [])
        #expect(scan.merged.files["hello"]?.layer == 1)
        #expect(scan.merged.files["bin/sh"]?.layer == 0)
        #expect(throws: ImageError.unknownImage(requested: "todo/nope:1", available: ["todo/app:1", "todo/other:2"])) {
            try source.select(name: "todo/nope:1")
        }
    }

    @Test func docker25ArchiveUsesManifestJSONWithBlobDigests() throws {
        let source = try ImageSource(path: try Fixture.make("docker25"))
        #expect(source.format == .dockerArchive)
        let image = try source.load(try #require(source.select(name: "todo/d25").first))
        #expect(image.layers.allSatisfy { $0.digest?.hasPrefix("sha256:") == true })
        let scan = image.scan { _ in nil }
        #expect(scan.problems == [])
        #expect(scan.layers.map(\.result.blobDigest) == image.layers.map(\.digest))
        #expect(scan.merged.files.keys.sorted() == ["app/main.py", "etc", "etc/passwd"])
    }
}
