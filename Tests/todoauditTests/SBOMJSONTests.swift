import Foundation
import Testing

/// `todoaudit sbom --format json` and `--in-toto`: the JSON rendition says what the XML one
/// says, both pass the official validator (cyclonedx-python-lib, TODOAUDIT_CYCLONEDX_PYTHON),
/// and the in-toto statement names the image by its manifest digest.
@Suite struct SBOMJSONTests {
    static let ociArchive = SBOMCommandTests.fixture
    static let hasValidator = ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"] != nil

    /// Checks with the validator and Python's own XML and JSON readers: the JSON BOM (or a
    /// statement's predicate) is valid and names the same components, hashes, licenses and
    /// dependencies as the XML. Prints `ok N` (N components) or the first problem.
    static let comparer = """
        import json, sys, xml.etree.ElementTree as ET
        from cyclonedx.schema import SchemaVersion
        from cyclonedx.validation.json import JsonStrictValidator
        json_file, xml_file, spec = sys.argv[1], sys.argv[2], sys.argv[3]
        doc = json.load(open(json_file))
        if doc.get("_type"):
            doc = doc["predicate"]
        error = JsonStrictValidator(SchemaVersion.from_version(spec)).validate_str(json.dumps(doc))
        if error is not None:
            sys.exit("invalid: %s" % error)
        ns = {"c": "http://cyclonedx.org/schema/bom/" + spec}
        root = ET.parse(xml_file).getroot()
        def from_xml(c):
            lic = [(l.tag.split("}")[1], (l.findtext("c:id", None, ns) or l.findtext("c:name", None, ns) or l.text)) for l in c.findall("c:licenses/*", ns)]
            return (c.get("type"), c.get("bom-ref"), c.findtext("c:name", None, ns), c.findtext("c:version", None, ns),
                    c.findtext("c:purl", None, ns), sorted((h.get("alg"), h.text) for h in c.findall("c:hashes/c:hash", ns)), lic,
                    sorted((p.get("name"), p.text) for p in c.findall("c:properties/c:property", ns)))
        def from_json(c):
            lic = [("expression", l["expression"]) if "expression" in l else ("license", l["license"].get("id") or l["license"].get("name")) for l in c.get("licenses", [])]
            return (c["type"], c.get("bom-ref"), c["name"], c.get("version"), c.get("purl"),
                    sorted((h["alg"], h["content"]) for h in c.get("hashes", [])), lic,
                    sorted((p["name"], p["value"]) for p in c.get("properties", [])))
        xml_components = [from_xml(c) for c in root.findall("c:components/c:component", ns)]
        json_components = [from_json(c) for c in doc["components"]]
        if xml_components != json_components:
            sys.exit("components differ: " + repr(next(((a, b) for a, b in zip(xml_components, json_components) if a != b), "in number")))
        xml_deps = sorted((d.get("ref"), sorted(x.get("ref") for x in d.findall("c:dependency", ns))) for d in root.findall("c:dependencies/c:dependency", ns))
        json_deps = sorted((d["ref"], sorted(d.get("dependsOn", []))) for d in doc["dependencies"])
        if xml_deps != json_deps:
            sys.exit("dependencies differ")
        if root.get("serialNumber") != doc["serialNumber"] or root.findtext("c:metadata/c:timestamp", None, ns) != doc["metadata"].get("timestamp"):
            sys.exit("serial number or timestamp differ")
        if from_xml(root.find("c:metadata/c:component", ns)) != from_json(doc["metadata"]["component"]):
            sys.exit("the image component differs")
        print("ok", len(json_components))
        """

    static func compare(json: String, xml: String, spec: String) throws -> String {
        let python = try #require(ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"])
        let r = try CLI.run(["-c", comparer, json, xml, spec], executable: URL(fileURLWithPath: python))
        return (r.stdout + r.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes the XML and JSON SBOMs of `image` (and a statement) into a fresh directory.
    static func write(_ image: String, spec: String = "1.6", extra: [String] = []) throws -> (dir: URL, xml: String, json: String, statement: String) {
        let dir = try CLI.temporaryDirectory()
        let xml = dir.appendingPathComponent("bom.xml").path, json = dir.appendingPathComponent("bom.json").path
        let statement = dir.appendingPathComponent("bom.intoto.json").path
        let x = try CLI.run(["sbom", image, "--spec", spec, "-o", xml])
        #expect(x.status == 0, "\(x.stderr)")
        let j = try CLI.run(["sbom", image, "--spec", spec, "--format", "json", "--in-toto", statement, "-o", json] + extra)
        #expect(j.status == 0, "\(j.stderr)")
        return (dir, xml, json, statement)
    }

    static func object(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test(.enabled(if: hasValidator), arguments: ["1.6", "1.5"])
    func jsonIsValidAndSaysWhatTheXMLSays(spec: String) throws {
        let written = try Self.write(Self.ociArchive, spec: spec)
        let verdict = try Self.compare(json: written.json, xml: written.xml, spec: spec)
        #expect(verdict.hasPrefix("ok ") && verdict != "ok 0", "\(verdict)")
        #expect(try Self.compare(json: written.statement, xml: written.xml, spec: spec).hasPrefix("ok "), "the statement's predicate is the same BOM")
    }

    @Test(.enabled(if: hasValidator && ProcessInfo.processInfo.environment["TODOAUDIT_REAL_IMAGES"] != nil),
          arguments: ["real-v1.oci.tar", "real-java.tar"])
    func realImagesToo(file: String) throws {
        let written = try Self.write(RealImageTests.directory.appendingPathComponent(file).path)
        let verdict = try Self.compare(json: written.json, xml: written.xml, spec: "1.6")
        #expect(verdict.hasPrefix("ok ") && verdict != "ok 0", "\(verdict)")
    }

    @Test func sameImageSameBytes() throws {
        let first = try Self.write(Self.ociArchive), second = try Self.write(Self.ociArchive)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.json)) == Data(contentsOf: URL(fileURLWithPath: second.json)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.statement)) == Data(contentsOf: URL(fileURLWithPath: second.statement)))
    }

    @Test func scanWritesTheSameJSON() throws {
        let written = try Self.write(Self.ociArchive)
        let fromScan = written.dir.appendingPathComponent("scan.json").path
        let r = try CLI.run(["scan", "-q", "--sbom", fromScan, "--sbom-format", "json", Self.ociArchive])
        #expect(r.status == 1, "the fixture fails the policy: \(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fromScan)) == Data(contentsOf: URL(fileURLWithPath: written.json)))
    }

    /// The subject of an oci-archive's statement is its manifest, as the archive's index.json names it.
    @Test func theStatementNamesTheImageManifest() throws {
        let written = try Self.write(Self.ociArchive)
        let script = "import json, sys, tarfile\nt = tarfile.open(sys.argv[1])\nprint(json.load(t.extractfile('index.json'))['manifests'][0]['digest'])"
        let python = try CLI.run(["-c", script, Self.ociArchive], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        let manifest = python.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(manifest.hasPrefix("sha256:"), "\(python.stderr)")
        let statement = try Self.object(written.statement)
        #expect(statement["_type"] as? String == "https://in-toto.io/Statement/v1")
        #expect(statement["predicateType"] as? String == "https://cyclonedx.org/bom")
        let subject = try #require((statement["subject"] as? [[String: Any]])?.first)
        #expect((subject["digest"] as? [String: String])?["sha256"] == String(manifest.dropFirst(7)))
        #expect((subject["name"] as? String)?.isEmpty == false)
        let predicate = try #require(statement["predicate"] as? [String: Any])
        #expect(predicate["bomFormat"] as? String == "CycloneDX")
    }

    /// With --attach the statement is a second artifact on the image, its blob the --in-toto file.
    @Test func attachedBesideTheSBOM() throws {
        let dir = try CLI.temporaryDirectory()
        let archive = try SBOMAttachTests.dockerArchive(in: dir)
        let layout = dir.appendingPathComponent("layout").path
        let statement = dir.appendingPathComponent("statement.json").path, json = dir.appendingPathComponent("bom.json").path
        let r = try CLI.run(["sbom", archive, "--attach", layout, "--format", "json", "--in-toto", statement, "-o", json])
        #expect(r.status == 0, "\(r.stderr)")
        let script = """
            import json, os, sys
            root, statement_file, sbom_file = sys.argv[1:4]
            def blob(d): return open(os.path.join(root, "blobs", *d.split(":")), "rb").read()
            index = json.load(open(os.path.join(root, "index.json")))
            by_type = {m.get("artifactType"): m for m in index["manifests"]}
            image = by_type[None]["digest"]
            sbom = json.loads(blob(by_type["application/vnd.cyclonedx+json"]["digest"]))
            intoto = json.loads(blob(by_type["application/vnd.in-toto+json"]["digest"]))
            assert sbom["subject"]["digest"] == image and intoto["subject"]["digest"] == image
            assert blob(sbom["layers"][0]["digest"]) == open(sbom_file, "rb").read()
            layer = intoto["layers"][0]
            assert layer["mediaType"] == "application/vnd.in-toto+json"
            assert layer["annotations"]["in-toto.io/predicate-type"] == "https://cyclonedx.org/bom"
            assert blob(layer["digest"]) == open(statement_file, "rb").read()
            subject = json.load(open(statement_file))["subject"][0]
            assert "sha256:" + subject["digest"]["sha256"] == image, (subject, image)
            print("ok")
            """
        let check = try CLI.run(["-c", script, layout, statement, json], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(check.status == 0 && check.stdout.hasPrefix("ok"), "\(check.stderr)")
        // Attaching again adds nothing.
        let index = try String(contentsOfFile: layout + "/index.json", encoding: .utf8)
        #expect(try CLI.run(["sbom", archive, "--attach", layout, "--format", "json", "--in-toto", statement, "-o", json]).status == 0)
        #expect(try String(contentsOfFile: layout + "/index.json", encoding: .utf8) == index)
    }

    /// A docker-archive without --attach has no manifest: its statement names the image ID.
    @Test func aDockerArchiveIsNamedByItsImageID() throws {
        let dir = try CLI.temporaryDirectory()
        let archive = try SBOMAttachTests.dockerArchive(in: dir)
        let statement = dir.appendingPathComponent("s.json").path
        let r = try CLI.run(["sbom", archive, "--in-toto", statement, "-o", "/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        let script = "import json, sys, tarfile\nprint(json.load(tarfile.open(sys.argv[1]).extractfile('manifest.json'))[0]['Config'].split('.')[0])"
        let config = try CLI.run(["-c", script, archive], executable: URL(fileURLWithPath: "/usr/bin/python3")).stdout
        let subject = try #require((try Self.object(statement)["subject"] as? [[String: Any]])?.first)
        #expect((subject["digest"] as? [String: String])?["sha256"] == config.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(subject["name"] as? String == "todo/legacy:v2")
    }

    @Test func mistakesAreClearErrors() throws {
        let badFormat = try CLI.run(["sbom", Self.ociArchive, "--format", "spdx"])
        #expect(badFormat.status == 64 && badFormat.stderr.contains("xml or json"), "\(badFormat.stderr)")
        let same = try CLI.run(["sbom", Self.ociArchive, "--in-toto", "x.json", "-o", "x.json"])
        #expect(same.status == 64 && same.stderr.contains("same file"), "\(same.stderr)")
        let unwritable = try CLI.run(["sbom", Self.ociArchive, "--in-toto", "/nonexistent/dir/s.json", "-o", "/dev/null"])
        #expect(unwritable.status == 2 && unwritable.stderr.contains("/nonexistent/dir/s.json") && unwritable.stderr.split(separator: "\n").count == 1,
                "\(unwritable.stderr)")
    }
}
