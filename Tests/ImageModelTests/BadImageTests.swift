@testable import ImageModel
import Foundation
import Testing

/// Broken input gives one clear error, never a crash.
@Suite struct BadImageTests {
    @Test func missingBlob() throws {
        let source = try ImageSource(path: try Fixture.make("missing-blob"))
        let descriptor = try #require(source.select().first)
        #expect(throws: ImageError.missingBlob(digest: "sha256:" + String(repeating: "a", count: 64))) { try source.load(descriptor) }
        #expect(ImageError.missingBlob(digest: "sha256:ab").description == "missing blob sha256:ab")
    }

    @Test func truncatedTar() throws {
        let path = try Fixture.make("truncated")
        #expect {
            _ = try ImageSource(path: path)
        } throws: { error in
            guard case .truncated(let p, _)? = error as? ImageError else { return false }
            return p == path
        }
    }

    @Test func configNotJSON() throws {
        let source = try ImageSource(path: try Fixture.make("config-not-json"))
        #expect {
            _ = try source.load(try #require(source.select().first))
        } throws: { error in
            guard case .notJSON(let what, _)? = error as? ImageError else { return false }
            return what.hasPrefix("config sha256:")
        }
    }

    @Test func notATar() throws {
        let path = try Fixture.make("not-a-tar")
        #expect {
            _ = try ImageSource(path: path)
        } throws: { error in
            if case .notATar? = error as? ImageError { return true }
            return false
        }
    }

    @Test func symlinkLoopInTheOuterArchive() throws {
        let path = try Fixture.make("manifest-loop")
        #expect(throws: ImageError.unsafeName(name: "manifest.json", reason: "symlink loop")) { try ImageSource(path: path) }
    }

    @Test func missingPathAndEmptyDirectory() throws {
        #expect(throws: ImageError.unreadable(path: "/nonexistent/image.tar", reason: "no such file or directory")) {
            try ImageSource(path: "/nonexistent/image.tar")
        }
        let empty = try Fixture.temporaryDirectory().path
        #expect(throws: ImageError.notAnImage(path: empty)) { try ImageSource(path: empty) }
    }

    @Test func compressedOuterArchiveLeavesNoTemporaryFiles() throws {
        let path = try Fixture.make("oci-archive-gz")
        let before = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("todoaudit-image-") }
        do {
            let source = try ImageSource(path: path)
            let image = try source.load(try #require(source.select().first))
            #expect(image.scan { _ in nil }.problems == [])
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("todoaudit-image-") }
        #expect(Set(after).subtracting(before).isEmpty)
    }
}

extension BadImageTests {
    /// Every message is one line that names the file or blob.
    @Test(arguments: ["truncated", "not-a-tar", "manifest-loop"])
    func messagesAreOneLine(scenario: String) throws {
        let path = try Fixture.make(scenario)
        do {
            _ = try ImageSource(path: path)
            Issue.record("\(scenario) opened")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains(scenario == "manifest-loop" ? "manifest.json" : path))
        }
    }
}
