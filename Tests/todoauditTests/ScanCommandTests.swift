import Foundation
import Testing

@Suite struct ScanCommandTests {
    @Test func goodBackendPassesWithTheChecklist() throws {
        let r = try CLI.run(["scan", "Fixtures/dockerfiles/backend"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Security Score: 9/10"))
        #expect(r.stdout.contains("✅ Non-root user"))
        #expect(r.stdout.contains("✅ No build tools in the runtime image"))
        #expect(r.stdout.contains("⚠️ HEALTHCHECK defined"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(r.stderr.isEmpty)
    }

    @Test func badFrontendFailsThePolicy() throws {
        let r = try CLI.run(["scan", "Fixtures/dockerfiles/frontend-bad/Dockerfile"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("❌ Non-root user"))
        #expect(r.stdout.contains("Security Score: 0/10"))
    }

    @Test func policyFlags() throws {
        #expect(try CLI.run(["scan", "--fail-on", "critical", "Fixtures/dockerfiles/frontend-bad"]).status == 0)
        #expect(try CLI.run(["scan", "--fail-under", "10", "Fixtures/dockerfiles/backend"]).status == 1)
        #expect(try CLI.run(["scan", "--fail-on", "low", "Fixtures/dockerfiles/backend"]).status == 1)
        #expect(try CLI.run(["scan", "--fail-under", "9", "Fixtures/dockerfiles/backend"]).status == 0)
    }

    @Test func jsonToAFileFollowsTheContract() throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("report.json")
        let r = try CLI.run(["scan", "--format", "json", "-o", out.path, "Fixtures/dockerfiles/backend-bad"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let data = try Data(contentsOf: out)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["tool"] as? [String: Any])?["name"] as? String == "todoaudit")
        let score = try #require(json["score"] as? [String: Any])
        #expect(score["max"] as? Int == 10)
        #expect((score["checks"] as? [Any])?.isEmpty == false)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        for key in ["rule", "name", "category", "severity", "message", "location", "fingerprint"] {
            #expect(first[key] != nil, "finding lacks \(key)")
        }
        #expect(json["size"] == nil, "a Dockerfile scan has no image size")
        let again = try CLI.run(["scan", "--format", "json", "Fixtures/dockerfiles/backend-bad"])
        #expect(again.stdout == String(decoding: data, as: UTF8.self), "same input, same bytes")
    }

    @Test func standardInput() throws {
        let r = try CLI.run(["scan", "-"], stdin: Data("FROM alpine:3.20\nUSER 1000\nHEALTHCHECK NONE\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("Security Score: 10/10"))
    }

    @Test func configFileIsFoundUpwardAndApplied() throws {
        let dir = try CLI.temporaryDirectory()
        try "disabled_rules: [healthcheck-missing]\nfail_on: low\n".write(to: dir.appendingPathComponent(".todoaudit.yml"), atomically: true, encoding: .utf8)
        let sub = dir.appendingPathComponent("svc")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "FROM alpine:3.20\nUSER 1000\n".write(to: sub.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", sub.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Security Score: 10/10"))
        #expect(!r.stdout.contains("HEALTHCHECK"))

        try "fail_onn: low\n".write(to: dir.appendingPathComponent(".todoaudit.yml"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["scan", sub.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("fail_onn"))
    }

    @Test func ignorePragmaSuppresses() throws {
        let r = try CLI.run(["scan", "--fail-on", "high", "-"], stdin: Data("FROM alpine:3.20\n# todoaudit ignore=root-user\nUSER root\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("✅ Non-root user"))
    }

    @Test func targetPicksTheShippedStage() throws {
        let source = Data("FROM alpine:3.20 AS runner\nUSER 1000\nFROM alpine:3.20 AS debug\n".utf8)
        #expect(try CLI.run(["scan", "--target", "runner", "-"], stdin: source).status == 0)
        #expect(try CLI.run(["scan", "-"], stdin: source).status == 1)
        let missing = try CLI.run(["scan", "--target", "nope", "-"], stdin: source)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("runner, debug"))
    }

    /// `-o /dev/null` (and --sbom, --write-baseline to it) writes into the device; a rename
    /// over it would replace /dev/null with a file when run as root.
    @Test func outputToADeviceLeavesTheDeviceAlone() throws {
        for arguments in [["scan", "-o", "/dev/null", "Fixtures/dockerfiles/backend"],
                          ["scan", "--write-baseline", "/dev/null", "Fixtures/dockerfiles/backend"],
                          ["sbom", "Fixtures/images/backend-bad.tar", "-o", "/dev/null"]] {
            let r = try CLI.run(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            var info = stat()
            #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device after \(arguments)")
        }
    }

    @Test func directoryWithSeveralDockerfiles() throws {
        let dir = try CLI.temporaryDirectory()
        for name in ["Dockerfile", "api.Dockerfile", "Dockerfile.dev", "Dockerfile.dockerignore", "README.md"] {
            try "FROM alpine:3.20\nUSER 1000\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let r = try CLI.run(["scan", "--format", "json", dir.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let targets = json["targets"] as? [[String: Any]] ?? []
        let paths = targets.filter { $0["kind"] as? String == "dockerfile" }.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
        #expect(paths == ["Dockerfile", "Dockerfile.dev", "api.Dockerfile"])
        // The directory is the build context of each.
        #expect(targets.filter { $0["kind"] as? String == "context" }.count == 3)
    }

    @Test func dockerignoreBesideTheDockerfileCounts() throws {
        let dir = try CLI.temporaryDirectory()
        try "FROM alpine:3.20\nUSER 1000\nCOPY . /app\n".write(to: dir.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        func findings() throws -> [String] {
            let r = try CLI.run(["scan", "--format", "json", dir.path])
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            return (json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(try findings().contains("dockerignore-missing"))
        try ".git\n".write(to: dir.appendingPathComponent("Dockerfile.dockerignore"), atomically: true, encoding: .utf8)
        #expect(try !findings().contains("dockerignore-missing"))
    }

    @Test func versionAndRules() throws {
        #expect(try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let list = try CLI.run(["rules"])
        #expect(list.status == 0 && list.stdout.contains("TA1001") && list.stdout.contains("root-user"))
        let one = try CLI.run(["rules", "root-user"])
        #expect(one.stdout.contains("Fires on") && one.stdout.contains("USER 0:0"))
        let markdown = try CLI.run(["rules", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| ID | Name |"))
        let unknown = try CLI.run(["rules", "no-such-rule"])
        #expect(unknown.status == 2)
    }
}

/// Colour only on a terminal, and never with NO_COLOR: `script` gives the binary a real pty.
@Suite struct ColourTests {
    func runOnTerminal(_ environment: [String: String]) throws -> String {
        let command = "\(CLI.binary.path) scan Fixtures/dockerfiles/frontend-bad"
        return try CLI.run(["-qec", command, "/dev/null"], environment: environment, executable: URL(fileURLWithPath: "/usr/bin/script")).stdout
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func coloursOnlyOnATerminalWithoutNoColor() throws {
        #expect(try runOnTerminal(["NO_COLOR": ""]).contains("\u{1B}[31m"))
        #expect(!(try runOnTerminal(["NO_COLOR": "1"]).contains("\u{1B}[")))
    }
}
