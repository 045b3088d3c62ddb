import Foundation
import Testing

/// `todoaudit sbom IMAGE --attach LAYOUT`: the image and its SBOM in an OCI image layout,
/// the SBOM as an OCI 1.1 artifact whose subject is the image manifest. Checked with an
/// independent reader (Python's hashlib and json over the layout) and, where installed,
/// skopeo.
@Suite struct SBOMAttachTests {
    /// Every blob matches its digest; the artifact's subject is the image; its one layer is
    /// the SBOM file's bytes. Printed as `ok …` by Python, or the first problem.
    static let checker = """
        import hashlib, json, os, sys
        root, sbom_file = sys.argv[1], sys.argv[2]
        def blob(d): return open(os.path.join(root, "blobs", *d.split(":")), "rb").read()
        assert json.load(open(os.path.join(root, "oci-layout")))["imageLayoutVersion"] == "1.0.0"
        for name in os.listdir(os.path.join(root, "blobs", "sha256")):
            data = open(os.path.join(root, "blobs", "sha256", name), "rb").read()
            assert hashlib.sha256(data).hexdigest() == name, "blob " + name + " does not match its name"
        index = json.load(open(os.path.join(root, "index.json")))
        artifacts = [m for m in index["manifests"] if m.get("artifactType") == "application/vnd.cyclonedx+xml"]
        images = [m for m in index["manifests"] if "artifactType" not in m]
        assert len(artifacts) == 1 and len(images) == 1, index
        art = json.loads(blob(artifacts[0]["digest"]))
        img = images[0]
        assert art["artifactType"] == "application/vnd.cyclonedx+xml"
        assert art["config"]["mediaType"] == "application/vnd.oci.empty.v1+json" and blob(art["config"]["digest"]) == b"{}"
        assert art["subject"]["digest"] == img["digest"] and art["subject"]["size"] == len(blob(img["digest"]))
        assert len(art["layers"]) == 1 and art["layers"][0]["mediaType"] == "application/vnd.cyclonedx+xml"
        assert blob(art["layers"][0]["digest"]) == open(sbom_file, "rb").read(), "the SBOM blob is not the SBOM file"
        manifest = json.loads(blob(img["digest"]))
        for layer in manifest["layers"] + [manifest["config"]]:
            assert len(blob(layer["digest"])) == layer["size"]
        print("ok", img["digest"], img.get("annotations", {}).get("org.opencontainers.image.ref.name"), "annotations" in art)
        """

    static func check(_ layout: URL, sbom: String) throws -> [String] {
        let r = try CLI.run(["-c", checker, layout.path, sbom], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// A one-layer legacy docker-archive, as `docker save` wrote them before Docker 25.
    static func dockerArchive(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("legacy.tar").path
        let script = """
            import hashlib, io, json, sys, tarfile
            layer = io.BytesIO()
            with tarfile.open(fileobj=layer, mode="w") as t:
                data = b"Package: base-files\\nStatus: install ok installed\\nVersion: 12.4\\nArchitecture: amd64\\n\\n"
                i = tarfile.TarInfo("var/lib/dpkg/status"); i.size = len(data); t.addfile(i, io.BytesIO(data))
            raw = layer.getvalue()
            config = json.dumps({"architecture": "amd64", "os": "linux", "created": "2024-06-01T12:00:00Z", "config": {"User": "1001"},
                                 "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(raw).hexdigest()]}}).encode()
            name = hashlib.sha256(config).hexdigest() + ".json"
            with tarfile.open(sys.argv[1], "w") as t:
                for n, d in ((name, config), ("abc/layer.tar", raw),
                             ("manifest.json", json.dumps([{"Config": name, "RepoTags": ["todo/legacy:v2"], "Layers": ["abc/layer.tar"]}]).encode())):
                    i = tarfile.TarInfo(n); i.size = len(d); t.addfile(i, io.BytesIO(d))
            """
        #expect(try CLI.run(["-c", script, path], executable: URL(fileURLWithPath: "/usr/bin/python3")).status == 0)
        return path
    }

    @Test func anOCIArchiveKeepsItsManifestDigest() throws {
        let dir = try CLI.temporaryDirectory()
        let layout = dir.appendingPathComponent("layout")
        let sbom = dir.appendingPathComponent("bom.xml").path
        let r = try CLI.run(["sbom", "Fixtures/images/backend-bad.tar", "--attach", layout.path, "-o", sbom])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("attached SBOM sha256:"))
        let checked = try Self.check(layout, sbom: sbom)
        #expect(checked.first == "ok" && checked[2] == "bad" && checked[3] == "False", "\(checked)")
        // The SBOM names the very manifest it is attached to (the oci-archive's own).
        let xml = try String(contentsOfFile: sbom, encoding: .utf8)
        #expect(xml.contains("@\(checked[1])"), "purl digest")
        // Again into the same layout: the same bytes, no second entry.
        let index = try String(contentsOf: layout.appendingPathComponent("index.json"), encoding: .utf8)
        #expect(try CLI.run(["sbom", "Fixtures/images/backend-bad.tar", "--attach", layout.path, "-o", sbom]).status == 0)
        #expect(try String(contentsOf: layout.appendingPathComponent("index.json"), encoding: .utf8) == index)
        // The layout is still an image layout todoaudit (and skopeo) read; the artifact is no image.
        let scanned = try CLI.run(["scan", "-q", "--format", "json", layout.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(scanned.stdout.utf8)) as? [String: Any])
        #expect((report["targets"] as? [[String: Any]])?.count == 1, "one image, the artifact is not one")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/skopeo") {
            let inspect = try CLI.run(["inspect", "oci:\(layout.path):bad"], executable: URL(fileURLWithPath: "/usr/bin/skopeo"))
            #expect(inspect.status == 0 && inspect.stdout.contains(checked[1]), "\(inspect.stderr)")
        }
        if ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"] != nil {
            #expect(try SBOMCommandTests.validate(xml, spec: "1.6") == nil)
        }
    }

    @Test func aLegacyDockerArchiveGetsAnOCIManifest() throws {
        let dir = try CLI.temporaryDirectory()
        let archive = try Self.dockerArchive(in: dir)
        let layout = dir.appendingPathComponent("layout")
        let sbom = dir.appendingPathComponent("bom.xml").path
        let r = try CLI.run(["sbom", archive, "--attach", layout.path, "--annotate", "-o", sbom])
        #expect(r.status == 0, "\(r.stderr)")
        let checked = try Self.check(layout, sbom: sbom)
        #expect(checked.first == "ok" && checked[2] == "v2" && checked[3] == "True", "\(checked)")
        let xml = try String(contentsOfFile: sbom, encoding: .utf8)
        #expect(xml.contains("@\(checked[1])") && xml.contains("<name>base-files</name>"), "the SBOM names the manifest made for the layout")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/skopeo") {
            let copied = dir.appendingPathComponent("copied.tar").path
            let copy = try CLI.run(["copy", "-q", "oci:\(layout.path):v2", "docker-archive:\(copied):todo/legacy:v2"],
                                   executable: URL(fileURLWithPath: "/usr/bin/skopeo"))
            #expect(copy.status == 0, "skopeo reads the layout back: \(copy.stderr)")
        }
    }

    @Test func aDirectoryThatIsNotALayoutIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        try "x".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["sbom", "Fixtures/images/backend-bad.tar", "--attach", dir.path, "-o", dir.appendingPathComponent("b.xml").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("neither empty nor an OCI image layout") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("blobs").path), "nothing written")
    }
}
