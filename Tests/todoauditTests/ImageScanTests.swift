import Foundation
import Testing

/// `todoaudit scan IMAGE.tar` on the committed fixture images (see Fixtures/images/README.md).
@Suite struct ImageScanTests {
    func findings(_ arguments: [String]) throws -> (status: Int32, names: Set<String>, json: [String: Any]) {
        let r = try CLI.run(["scan", "--format", "json"] + arguments)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "stderr: \(r.stderr)")
        let items = json["findings"] as? [[String: Any]] ?? []
        let names = Set(items.map { item -> String in
            let location = item["location"] as? [String: Any] ?? [:]
            return "\(item["name"] as? String ?? "")@\(location["path"] as? String ?? "")"
        })
        return (r.status, names, json)
    }

    @Test func goodBackendImageOnlyLacksAHealthcheck() throws {
        let (status, names, json) = try findings(["Fixtures/images/backend-good.tar"])
        #expect(status == 0)
        #expect(names == ["image-healthcheck-missing@Healthcheck"])
        #expect((json["score"] as? [String: Any])?["value"] as? Int == 9)
        let targets = json["targets"] as? [[String: Any]] ?? []
        #expect(targets.first?["kind"] as? String == "image")
    }

    @Test func badBackendImageShowsEveryPlantedProblem() throws {
        let (status, names, json) = try findings(["Fixtures/images/backend-bad.tar"])
        #expect(status == 1)
        #expect(names == [
            "image-root-user@User", "image-build-tools@/usr/bin/gcc", "setuid-file@/usr/local/bin/helper",
            "world-writable@/app/uploads", "package-cache@/var/cache/apk", "package-cache@/root/.cache/pip",
            "image-secret-env@Env.DB_PASSWORD", "history-secret@history[8]", "image-healthcheck-missing@Healthcheck",
            "secret-in-layer@/app/.env",
        ])
        let size = try #require(json["size"] as? [String: Any])
        #expect((size["wastedBytes"] as? Int ?? 0) > 0)
        #expect((size["optimizationPotentialBytes"] as? Int ?? 0) > (size["wastedBytes"] as? Int ?? 0))
        let images = try #require(json["images"] as? [[String: Any]])
        #expect((images.first?["layers"] as? [Any])?.count == 6)
    }

    @Test func secretsNeverReachTheReport() throws {
        let text = try CLI.run(["scan", "Fixtures/images/backend-bad.tar"]).stdout
        let json = try CLI.run(["scan", "--format", "json", "Fixtures/images/backend-bad.tar"]).stdout
        for secret in ["Sup3r-S3cret-2024", "ghp_T0d0Aud1tF4keT0ken"] {
            #expect(!text.contains(secret))
            #expect(!json.contains(secret))
        }
    }

    @Test func textReportOpensWithTheImageAndEndsWithLayers() throws {
        let r = try CLI.run(["scan", "Fixtures/images/backend-bad.tar"])
        #expect(r.stdout.contains("docker.io/todo/backend:bad · oci-archive · 6 layers"))
        #expect(r.stdout.contains("user root (no User set)"))
        #expect(try CLI.run(["scan", "Fixtures/images/backend-good.tar"]).stdout.contains("user fastapi (uid 1001)"), "names resolve through the image's passwd")
        #expect(r.stdout.contains("Optimization Potential: ~"))
        #expect(r.stdout.contains("Layers of docker.io/todo/backend:bad"))
        #expect(r.stdout.contains("Security Score: 0/10"))
    }

    @Test func sizeBudget() throws {
        #expect(try findings(["--max-size", "1kB", "Fixtures/images/backend-good.tar"]).names.contains("image-size-budget@todo/backend:good"))
        #expect(!(try findings(["--max-size", "150MB", "Fixtures/images/backend-good.tar"]).names.contains { $0.hasPrefix("image-size-budget") }))
        #expect(try CLI.run(["scan", "--max-size", "big", "Fixtures/images/backend-good.tar"]).status == 64)
    }

    @Test func imageSelection() throws {
        #expect(try findings(["--image", "todo/backend:good", "Fixtures/images/backend-good.tar"]).status == 0)
        let r = try CLI.run(["scan", "--image", "todo/nope:1", "Fixtures/images/backend-good.tar"])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("todo/backend:good"), "the error lists what is there: \(r.stderr)")
    }

    @Test func dockerfileMapsLayersToLines() throws {
        let r = try CLI.run(["scan", "--format", "json", "Fixtures/images/backend-bad.tar", "--dockerfile", "Fixtures/images/backend-bad.Dockerfile"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var sources: [String: String] = [:]
        for item in json["findings"] as? [[String: Any]] ?? [] {
            let location = item["location"] as? [String: Any] ?? [:]
            if let source = location["source"] as? String { sources["\(item["name"]!)@\(location["path"]!)"] = source }
        }
        let file = "Fixtures/images/backend-bad.Dockerfile"
        #expect(sources == [
            "image-build-tools@/usr/bin/gcc": "\(file):4", "package-cache@/var/cache/apk": "\(file):4",
            "package-cache@/root/.cache/pip": "\(file):6", "secret-in-layer@/app/.env": "\(file):8",
            "world-writable@/app/uploads": "\(file):8", "setuid-file@/usr/local/bin/helper": "\(file):9",
        ])
        let targets = (json["targets"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(targets == ["image", "dockerfile"], "the Dockerfile is audited too")
    }

    @Test func imageOnStandardInput() throws {
        let tar = try Data(contentsOf: CLI.repository.appendingPathComponent("Fixtures/images/backend-bad.tar"))
        let piped = try CLI.run(["scan", "--format", "json", "-"], stdin: tar)
        let file = try CLI.run(["scan", "--format", "json", "Fixtures/images/backend-bad.tar"])
        #expect(piped.status == 1)
        // Same findings as from the file; only the target path differs.
        #expect(piped.stdout.replacingOccurrences(of: "\"path\" : \"-\"", with: "\"path\" : \"Fixtures/images/backend-bad.tar\"") == file.stdout)
    }

    @Test func sameImageSameBytes() throws {
        let a = try CLI.run(["scan", "--format", "json", "Fixtures/images/backend-bad.tar"]).stdout
        let b = try CLI.run(["scan", "--format", "json", "Fixtures/images/backend-bad.tar"]).stdout
        #expect(a == b)
    }
}

/// Broken image tarballs: exit 2 with one clear line, never a crash, nothing written.
@Suite struct BadImageTests {
    func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = try CLI.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func expectClearError(_ r: CLIResult) {
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func truncatedImage() throws {
        let bytes = [UInt8](try Data(contentsOf: CLI.repository.appendingPathComponent("Fixtures/images/backend-good.tar")))
        let url = try write(Array(bytes.prefix(bytes.count / 3)), "truncated.tar")
        expectClearError(try CLI.run(["scan", url.path]))
    }

    @Test func tarThatIsNotAnImage() throws {
        let dir = try CLI.temporaryDirectory()
        try "hello\n".write(to: dir.appendingPathComponent("hello.txt"), atomically: true, encoding: .utf8)
        let tar = dir.appendingPathComponent("plain.tar")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tar", "-C", dir.path, "-cf", tar.path, "hello.txt"]
        try p.run()
        p.waitUntilExit()
        let r = try CLI.run(["scan", tar.path])
        expectClearError(r)
        #expect(r.stderr.contains("not a container image"))
    }

    @Test func corruptGzip() throws {
        let url = try write([0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0x41, count: 200), "image.tar.gz")
        expectClearError(try CLI.run(["scan", url.path]))
    }
}

/// The progress line: on a terminal's stderr only, never with --quiet or a machine format.
@Suite struct ProgressLineTests {
    func onTerminal(_ flags: String) throws -> String {
        let command = "\(CLI.binary.path) scan \(flags) Fixtures/images/backend-bad.tar"
        return try CLI.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script")).stdout
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnlyWhereAPersonWatches() throws {
        #expect(try onTerminal("").contains("reading docker.io/todo/backend:bad"))
        #expect(!(try onTerminal("--quiet").contains("reading ")))
        #expect(!(try onTerminal("--format json").contains("reading ")))
        #expect(!(try CLI.run(["scan", "Fixtures/images/backend-bad.tar"]).stderr.contains("reading")), "not when stderr is not a terminal")
    }
}
