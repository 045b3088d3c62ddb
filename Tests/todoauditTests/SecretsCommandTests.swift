import Foundation
import Testing

/// `todoaudit secrets` and secret findings end to end, through the built binary.
@Suite struct SecretsCommandTests {
    static let token = "ghp_" + "R8x2kLm4Nq7Vw1Zt9Yc3Bf6Hd5Js0Pa2Ue4G"
    static let password = "Xk9#mP2v!L7qWz"

    func project(config: String? = nil) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let files = [
            "app/settings.py": "DEBUG = False\nGITHUB_TOKEN = '\(Self.token)'\n",
            "app/.env": "DATABASE_URL=postgres://app:\(Self.password)@db.internal:5432/app\n",
            "app/.env.example": "DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\nGITHUB_TOKEN=<your-token>\n",
            "docs/notes.md": "Our token looks like ghp_... and the key AKIAIOSFODNN7EXAMPLE is from AWS's docs.\n",
        ]
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0] + Array(Self.token.utf8)).write(to: dir.appendingPathComponent("app/binary"))
        if let config { try config.write(to: dir.appendingPathComponent(".todoaudit.yml"), atomically: true, encoding: .utf8) }
        return dir
    }

    func findings(_ r: CLIResult) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return json["findings"] as? [[String: Any]] ?? []
    }

    @Test func findsRedactsAndCounts() throws {
        let dir = try project()
        let r = try CLI.run(["secrets", "--format", "json", dir.path])
        #expect(r.status == 1, "a critical secret fails the default policy")
        let found = try findings(r)
        let byKind = Dictionary(grouping: found, by: { $0["secretKind"] as? String ?? "" })
        #expect(found.count == 3, "\(found.map { $0["message"] ?? "" })")
        #expect(found.contains { ($0["location"] as? [String: Any])?["path"] as? String == dir.path + "/app/settings.py" })
        #expect(byKind.values.flatMap { $0 }.contains { $0["severity"] as? String == "low" }, "the AWS documentation key is reported low")
        #expect(!r.stdout.contains(Self.token) && !r.stdout.contains(Self.password), "secrets never appear whole")
        #expect(r.stdout.contains("ghp_****"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let stats = try #require(json["secretScan"] as? [String: Any])
        #expect(stats["skippedBinary"] as? Int == 1)
        #expect(stats["filesScanned"] as? Int == 4)
        // Byte-identical on a re-run.
        #expect(try CLI.run(["secrets", "--format", "json", dir.path]).stdout == r.stdout)
    }

    @Test func allowEntriesAndComments() throws {
        let first = try findings(try CLI.run(["secrets", "--format", "json", "app", "docs"], cwd: try project()))
        let print = try #require(first.first { (($0["location"] as? [String: Any])?["path"] as? String ?? "").hasSuffix("settings.py") }?["fingerprint"] as? String)
        let config = """
        secrets:
          allow:
            - fingerprint: \(print)
            - path: "app/.env"
            - rule: aws-access-key-id
        """
        let dir = try project(config: config)
        let r = try CLI.run(["secrets", "--format", "json", "app", "docs"], cwd: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(try findings(r).isEmpty)

        let commented = try project()
        try "DEBUG = False\nGITHUB_TOKEN = '\(Self.token)'  # todoaudit:allow\n".write(
            to: commented.appendingPathComponent("app/settings.py"), atomically: true, encoding: .utf8)
        let kinds = try findings(try CLI.run(["secrets", "--format", "json", commented.path])).compactMap { $0["secretKind"] as? String }
        #expect(!kinds.contains { $0.hasPrefix("github") })
    }

    @Test func badInputIsOneLineAndExitTwo() throws {
        let missing = try CLI.run(["secrets", "/nonexistent/dir"])
        #expect(missing.status == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let dir = try project(config: "secrets:\n  allow: [{colour: red}]\n")
        let bad = try CLI.run(["secrets", "."], cwd: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("secrets.allow"))
        #expect(try CLI.run(["secrets", "--jobs", "0", "."]).status == 64)
    }

    @Test func imageSecretDeletedByALaterLayerIsStillReported() throws {
        let r = try CLI.run(["scan", "--format", "json", "Fixtures/images/backend-bad.tar"])
        let layer = try findings(r).filter { $0["name"] as? String == "secret-in-layer" }
        #expect(!layer.isEmpty)
        for finding in layer {
            let message = finding["message"] as? String ?? ""
            #expect(message.contains("/app/.env") && message.contains("deleted in layer"), "\(message)")
            #expect((finding["evidence"] as? String ?? "").hasSuffix("****"))
        }
        #expect(Set(layer.compactMap { $0["secretKind"] as? String }).count == layer.count, "one finding per secret")
    }
}
