@testable import ImageModel
import Foundation
import Testing

/// oci-archive tarballs and OCI layout directories, with gzip and zstd layers.
@Suite struct OCIImageTests {
    @Test(arguments: ["oci-archive", "oci-archive-gz", "oci-layout"])
    func selectsThePlatformSkipsAttestationsAndVerifiesDigests(scenario: String) throws {
        let path = try Fixture.make(scenario == "oci-layout" ? "oci-layout" : scenario, directory: scenario == "oci-layout")
        let source = try ImageSource(path: path)
        #expect(source.format == (scenario == "oci-layout" ? .ociLayout : .ociArchive))
        #expect(source.images.map { $0.platform?.description } == ["linux/amd64", "linux/arm64/v8"])
        #expect(source.images.allSatisfy { $0.names == ["docker.io/todo/oci:2"] })
        let chosen = try source.select()
        #expect(chosen.count == 1)
        #expect(chosen.first?.platform == .linuxAMD64)
        #expect(try source.select(name: "todo/oci:2").first?.platform == .linuxAMD64)
        #expect(try source.select(platform: Platform("linux/arm64")).first?.platform?.variant == "v8")
        #expect(throws: ImageError.self) { try source.select(platform: Platform("linux/s390x")) }

        let image = try source.load(try #require(chosen.first))
        #expect(image.problems == [])
        #expect(image.config.user == "1000")
        #expect(image.layers.map(\.mediaType) == [
            "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.layer.v1.tar+zstd",
        ])
        #expect(image.layers.map(\.createdBy) == ["ADD rootfs", "COPY app /app"])
        let scan = image.scan { $0.path.hasPrefix("etc/") ? 1024 : nil }
        #expect(scan.problems == [])
        #expect(scan.layers.map(\.result.blobDigest) == image.layers.map(\.digest))
        #expect(scan.layers.map(\.result.diffID) == image.layers.map(\.diffID))
        #expect(scan.layers[0].result.compressedBytes < scan.layers[0].result.uncompressedBytes)
        #expect(scan.merged.files.keys.sorted() == ["app/main.py", "etc", "etc/passwd"])
        #expect(scan.merged.hidden.map(\.entry.path) == ["etc/os-release"])
        #expect(scan.visibleContents.keys.sorted() == ["etc/passwd"])
        #expect(scan.layers[0].contents["etc/os-release"] == Array("ID=alpine\nVERSION_ID=\"3.19\"\n".utf8))
    }

    @Test func contentReadsStopAtTheLimit() throws {
        let source = try ImageSource(path: try Fixture.make("oci-archive"))
        let image = try source.load(try #require(source.select().first))
        var head: [UInt8] = []
        var streamed = 0
        let result = image.layers[0].walk { entry, content in
            if entry.path == "etc/os-release" { head = content.read(limit: 3) }
            if entry.path == "etc/passwd" { content.stream(limit: 5, chunkSize: 2) { streamed += $0.count; return true } }
        }
        #expect(head == Array("ID=".utf8))
        #expect(streamed == 5)
        #expect(result.problems == [])
    }

    @Test func digestMismatchIsAValueNotAnError() throws {
        let source = try ImageSource(path: try Fixture.make("digest-mismatch"))
        let image = try source.load(try #require(source.select().first))
        let scan = image.scan { _ in nil }
        let first = scan.layers[0].result
        #expect(first.problems == [.blobDigestMismatch(expected: "sha256:" + String(repeating: "f", count: 64), actual: first.blobDigest!)])
        let second = scan.layers[1].result
        #expect(second.problems == [.diffIDMismatch(expected: "sha256:" + String(repeating: "0", count: 64), actual: second.diffID!)])
        // The entries were still read.
        #expect(scan.merged.files.keys.sorted() == ["app/main.py", "etc", "etc/passwd"])
    }
}
