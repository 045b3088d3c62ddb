@testable import ImageModel
import Testing

/// Whiteouts and overwrites over in-memory layers, and path normalisation.
@Suite struct MergedViewTests {
    @Test func normalisesPathsAndFlagsEscapes() {
        #expect(LayerEntry(path: "./usr/bin/", kind: .directory).path == "usr/bin")
        #expect(LayerEntry(path: "/etc//passwd", kind: .file).path == "etc/passwd")
        #expect(LayerEntry(path: "./", kind: .directory).path == "")
        #expect(LayerEntry(path: "../../etc/passwd", kind: .file).escapesRoot)
        #expect(!LayerEntry(path: "a..b/c", kind: .file).escapesRoot)
        #expect(LayerEntry(path: "x", kind: .hardlink, linkTarget: "../y").escapesRoot)
        #expect(LayerEntry(path: "app/.wh.old", kind: .file).whiteout == .delete("app/old"))
        #expect(LayerEntry(path: "./app/.wh..wh..opq", kind: .file).whiteout == .opaque("app"))
        #expect(LayerEntry(path: ".wh..wh..opq", kind: .file).whiteout == .opaque(""))
        #expect(LayerEntry(path: "app/.wh.", kind: .file).whiteout == nil)
        #expect(LayerEntry(path: "usr/bin/su", kind: .file, mode: 0o104755).isSetuid)
    }

    @Test func whiteoutDeletesASubtreeAndOverwriteHidesTheOldFile() {
        let view = MergedView.merge([
            [LayerEntry(path: "opt", kind: .directory), LayerEntry(path: "opt/x/y", kind: .file, size: 10),
             LayerEntry(path: "f", kind: .file, size: 7), LayerEntry(path: "d/keep", kind: .file, size: 1)],
            [LayerEntry(path: ".wh.opt", kind: .file), LayerEntry(path: "f", kind: .file, size: 3),
             // A file replacing a directory hides everything under it.
             LayerEntry(path: "d", kind: .file, size: 2)],
        ])
        #expect(view.files.keys.sorted() == ["d", "f"])
        #expect(view.files["f"]?.layer == 1)
        #expect(view.hidden.map { "\($0.entry.path)@\($0.layer)->\($0.hiddenBy) \($0.deleted)" }.sorted()
            == ["d/keep@0->1 false", "f@0->1 false", "opt/x/y@0->1 true"])
        #expect(view.wastedBytes == 18)
    }

    @Test func opaqueDirectoryKeepsWhatItsOwnLayerAdds() {
        let view = MergedView.merge([
            [LayerEntry(path: "a/old", kind: .file, size: 5)],
            // The marker after the new file: order inside a layer does not matter.
            [LayerEntry(path: "a/new", kind: .file, size: 1), LayerEntry(path: "a/.wh..wh..opq", kind: .file)],
        ])
        #expect(view.files.keys.sorted() == ["a/new"])
        #expect(view.hidden.map(\.entry.path) == ["a/old"])
    }
}

extension MergedViewTests {
    /// Overwrites and plain files must not rescan the whole view each time.
    @Test func manyFilesMergeQuickly() {
        let base = (0..<20_000).map { LayerEntry(path: "usr/share/d\($0 % 100)/f\($0)", kind: .file, size: 1) }
        let top = (0..<20_000).map { LayerEntry(path: "usr/share/d\($0 % 100)/f\($0)", kind: .file, size: 2) }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let view = MergedView.merge([base, top])
            #expect(view.files.count == 20_000)
            #expect(view.wastedBytes == 20_000)
        }
        #expect(elapsed < .seconds(5))
    }
}
