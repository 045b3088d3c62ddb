@testable import ImageModel
import Foundation
import Testing

/// A walk that reaches a bound of `LayerLimits` says so, and never claims a digest it did not check.
@Suite struct LayerLimitsTests {
    func firstLayer() throws -> Layer {
        let source = try ImageSource(path: try Fixture.make("docker-legacy"))
        let descriptor = try #require(source.select().first)
        return try #require(try source.load(descriptor).layers.first)
    }

    @Test func entryLimitStopsTheWalk() throws {
        var seen: [String] = []
        let result = try firstLayer().walk(limits: LayerLimits(entries: 3)) { entry, _ in seen.append(entry.path) }
        #expect(seen == ["", "etc", "etc/passwd"])
        #expect(result.problems == [.limitReached(.entries, count: 3)])
        #expect(!result.isComplete)
        #expect(result.diffID == nil, "a layer not read to its end has no verified digest")
    }

    @Test func byteLimitStopsTheWalk() throws {
        let result = try firstLayer().walk(limits: LayerLimits(bytes: 1)) { _, _ in }
        #expect(result.problems.count == 1)
        guard case .limitReached(.bytes, _)? = result.problems.first else {
            Issue.record("\(result.problems)")
            return
        }
        #expect(!result.isComplete)
    }

    @Test func tooDeepEntriesAreLeftOutAndCounted() throws {
        var seen: [String] = []
        let result = try firstLayer().walk(limits: LayerLimits(pathDepth: 1)) { entry, _ in seen.append(entry.path) }
        #expect(seen == ["", "etc", "app", "bin"])
        #expect(result.problems == [.limitReached(.pathDepth, count: 6)])
        #expect(result.isComplete, "the layer was still read to its end")
        #expect(result.diffID != nil)
        #expect(LayerEntry(path: "./a/b/c", kind: .file).depth == 3)
        #expect(LayerEntry(path: "/", kind: .directory).depth == 0)
    }

    @Test func jsonDocumentLimit() throws {
        let path = try Fixture.make("docker-legacy")
        #expect {
            _ = try ImageSource(path: path, documentLimit: 16)
        } throws: { error in
            guard let error = error as? ImageError, case .tooLarge(let what, _, 16) = error else { return false }
            return what == "manifest.json" && error.description.contains("limits.max_json_size")
        }
    }
}
