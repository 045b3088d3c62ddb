import Foundation
import Testing

/// The hostile-input corpus (hostile_images.py, built once per test run): every input ends
/// with exit 0, 1 or 2 (2 with one clear line on stderr), within the hang guard, under
/// 500 MB, writing nothing but its report, and never through a link or name out of the image.
@Suite struct HostileInputTests {
    /// What the generator writes; a case it stops writing fails `corpusIsComplete`.
    static let images = [
        "zero-layers.tar", "escaping-names.tar", "links-outside.tar", "devices.tar", "huge-header.tar", "gzip-bomb.tar",
        "deep-path.tar", "invalid-utf8-name.tar", "digest-mismatch.tar", "corrupt-gzip-layer.tar", "missing-blob.tar",
        "config-not-json.tar", "manifest-not-json.tar", "manifest-empty-array.tar", "config-empty-arrays.tar",
        "manifest-wrong-types.tar", "oci-escaping-names.tar", "oci-missing-blob.tar", "oci-index-not-json.tar",
        "oci-index-empty.tar", "truncated-outer.tar", "escaping-compressed.tar.gz", "random-bytes.tar", "random-bytes.tar.gz",
        "empty.tar", "keyword-run.tar",
    ]
    static let dockerfiles = [
        "empty.Dockerfile", "ten-megabyte-line.Dockerfile", "continuations.Dockerfile", "nul-bytes.Dockerfile",
        "unterminated-heredoc.Dockerfile", "invalid-utf8.Dockerfile", "deep-nesting.Dockerfile",
        "keyword-run.Dockerfile", "many-stages.Dockerfile",
    ]
    static let marker = "todoaudit-hostile-marker"
    static let memoryCeiling = 500 << 20

    /// Built once: the gzip bomb takes a few seconds to write.
    static let corpus: URL? = {
        guard let dir = try? CLI.temporaryDirectory() else { return nil }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", CLI.repository.appendingPathComponent("Tests/todoauditTests/hostile_images.py").path, dir.path]
        guard (try? generator.run()) != nil else { return nil }
        generator.waitUntilExit()
        return generator.terminationStatus == 0 ? dir : nil
    }()

    static func listing(_ dir: URL) -> [String: Int] {
        var out: [String: Int] = [:]
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: dir.path)) ?? [] {
            out[name] = ((try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path))?[.size] as? Int) ?? -1
        }
        return out
    }

    /// Runs `scan` on one corpus file and checks everything every hostile input must meet.
    @discardableResult
    func scan(_ name: String, _ extra: [String] = [], stdin: Bool = false) throws -> SandboxedRun {
        let corpus = try #require(Self.corpus, "hostile_images.py failed")
        let input = corpus.appendingPathComponent(name)
        let before = Self.listing(corpus)
        let r = stdin ? try CLI.runSandboxed(["scan", "--format", "json"] + extra + ["-"], stdin: input.path)
                      : try CLI.runSandboxed(["scan", "--format", "json"] + extra + [input.path])
        #expect(!r.timedOut, "\(name): still running after the hang guard")
        #expect([0, 1, 2].contains(r.status), "\(name): exit \(r.status), stderr: \(r.stderr)")
        if r.status == 2 {
            let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 1 && r.stderr.hasSuffix("\n") && r.stderr.hasPrefix("todoaudit: ") && lines[0].count > "todoaudit: ".count,
                    "\(name): exit 2 needs exactly one clear line on stderr, got: \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(name): no report with exit 2")
        } else {
            #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil, "\(name): the report is JSON")
        }
        #expect(r.maxResidentBytes < Self.memoryCeiling, "\(name): peak memory \(r.maxResidentBytes >> 20) MiB")
        // Nothing written: not in the working directory, not in TMPDIR, not beside the input.
        #expect(try FileManager.default.contentsOfDirectory(atPath: r.workingDirectory.path).isEmpty, "\(name): wrote into its working directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: r.temporaryDirectory.path).isEmpty, "\(name): left files in TMPDIR")
        #expect(Self.listing(corpus) == before, "\(name): changed files beside the input")
        // Nor where an entry or link of the image points: `../../MARKER`, `/MARKER`, `/../../../../MARKER`.
        for base in [r.workingDirectory, r.temporaryDirectory, corpus] {
            var dir = base
            for _ in 0..<4 {
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(Self.marker).path), "\(name): wrote \(dir.path)/\(Self.marker)")
                dir = dir.deletingLastPathComponent()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/" + Self.marker))
        return r
    }

    func findingNames(_ r: SandboxedRun) -> Set<String> {
        let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return Set((json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
    }

    @Test func corpusIsComplete() throws {
        let corpus = try #require(Self.corpus, "hostile_images.py failed")
        #expect(Set(Self.listing(corpus).keys) == Set(Self.images + Self.dockerfiles))
    }

    @Test(arguments: images + dockerfiles)
    func endsCleanlyInBoundedMemory(input: String) throws {
        try scan(input)
    }

    /// Standard input is copied to a private temporary directory first: it must be gone after.
    @Test(arguments: ["escaping-names.tar", "truncated-outer.tar", "random-bytes.tar.gz", "links-outside.tar", "nul-bytes.Dockerfile"])
    func endsCleanlyFromStandardInput(input: String) throws {
        try scan(input, stdin: true)
    }

    /// What the image cases report: hostile content is a finding, not a crash or a pass.
    @Test func hostileContentIsReported() throws {
        #expect(findingNames(try scan("escaping-names.tar")).contains("unsafe-layer-entry"))
        #expect(findingNames(try scan("oci-escaping-names.tar")).contains("unsafe-layer-entry"))
        #expect(findingNames(try scan("escaping-compressed.tar.gz")).contains("unsafe-layer-entry"))
        #expect(findingNames(try scan("links-outside.tar")).contains("unsafe-layer-entry"))
        #expect(findingNames(try scan("huge-header.tar")).contains("layer-integrity"))
        #expect(findingNames(try scan("digest-mismatch.tar")).contains("layer-integrity"), "a tampered layer is a critical finding")
        #expect(findingNames(try scan("corrupt-gzip-layer.tar")).contains("layer-integrity"))
        #expect(findingNames(try scan("config-empty-arrays.tar")).contains("layer-integrity"), "1 layer, 0 diff_ids")
        let deep = try scan("deep-path.tar")
        #expect(findingNames(deep).contains("audit-limit-reached"), "2,000 directories pass max_path_depth (256)")
        #expect(deep.stdout.contains("limits.max_path_depth"))
        for broken in ["missing-blob.tar", "oci-missing-blob.tar", "config-not-json.tar", "manifest-not-json.tar",
                       "manifest-empty-array.tar", "oci-index-not-json.tar", "oci-index-empty.tar", "truncated-outer.tar",
                       "random-bytes.tar", "random-bytes.tar.gz", "empty.tar"] {
            #expect(try scan(broken).status == 2, "\(broken) is not an image that can be audited")
        }
    }

    /// The 1 GiB gzip bomb is read to its end by default, and a lower max_layer_size stops it with a finding.
    @Test func gzipBombIsReadOrStoppedAtTheLimit() throws {
        let whole = try scan("gzip-bomb.tar")
        #expect(whole.status == 0)
        #expect(!findingNames(whole).contains("layer-integrity"), "read to its end, its diff_id checked")
        let bounded = try scan("gzip-bomb.tar", ["--max-layer-bytes", "64MiB"])
        #expect(bounded.status == 1)
        #expect(findingNames(bounded) == ["audit-limit-reached", "image-healthcheck-missing", "image-user-missing"])
        #expect(bounded.stdout.contains("64MiB limit for a layer"))
    }

    /// Every layer bound of `limits:` in .todoaudit.yml is reported when reached.
    @Test func configuredLimitsAreReported() throws {
        let config = try CLI.temporaryDirectory().appendingPathComponent("limits.yml")
        try "limits:\n  max_layer_entries: 2\n".write(to: config, atomically: true, encoding: .utf8)
        let entries = try scan("links-outside.tar", ["--config", config.path])
        #expect(findingNames(entries).contains("audit-limit-reached"))
        #expect(entries.stdout.contains("limit of 2 entries per layer (limits.max_layer_entries)"))
        try "limits:\n  max_json_size: 64\n".write(to: config, atomically: true, encoding: .utf8)
        let json = try scan("zero-layers.tar", ["--config", config.path])
        #expect(json.status == 2)
        #expect(json.stderr.contains("limits.max_json_size"))
        try "limits:\n  max_dockerfile_size: 32\n".write(to: config, atomically: true, encoding: .utf8)
        let dockerfile = try scan("nul-bytes.Dockerfile", ["--config", config.path])
        #expect(dockerfile.status == 2)
        #expect(dockerfile.stderr.contains("limits.max_dockerfile_size"))
    }

    /// `scan --help` lists every limit with its default.
    @Test func helpListsTheLimits() throws {
        let help = try CLI.run(["scan", "--help"]).stdout
        for line in ["max_dockerfile_size: 4MiB", "max_ignore_file_size: 1MiB", "max_json_size: 32MiB", "max_layer_size: 16GiB",
                     "max_layer_entries: 500000", "max_path_depth: 256", "secrets.max_file_size: 32MiB"] {
            #expect(help.contains(line), "\(line) missing from scan --help")
        }
    }

    @Test func dockerfileCases() throws {
        #expect(try scan("continuations.Dockerfile").status == 0, "100,000 continuation lines are one RUN")
        #expect(try scan("deep-nesting.Dockerfile").status == 0)
        #expect(try scan("nul-bytes.Dockerfile").stderr.contains("NUL"))
        #expect(try scan("unterminated-heredoc.Dockerfile").stderr.contains("heredoc 'EOF' is never closed"))
        #expect(try scan("ten-megabyte-line.Dockerfile").stderr.contains("limit"))
    }
}
