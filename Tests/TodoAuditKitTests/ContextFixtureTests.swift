import Foundation
import Testing
@testable import TodoAuditKit

/// The seed projects as build contexts (Fixtures/contexts), made real git repositories at
/// test time: the good Dockerfile with its `.dockerignore` passes the context rules; the
/// same Dockerfile with the broken `bad.Dockerfile.dockerignore` shows each planted
/// problem at the file that would ship.
@Suite struct ContextFixtureTests {
    static func context(_ name: String) throws -> URL {
        let source = FixtureTests.fixtures.deletingLastPathComponent().appendingPathComponent("contexts/\(name)")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ta-context-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "seed"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git"] + arguments
            git.currentDirectoryURL = copy
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0, "git \(arguments)")
        }
        return copy
    }

    /// `rule@path[:line]` of the context and secret findings, relative to the context.
    static func contextFindings(_ root: URL, dockerfile: String) throws -> Set<String> {
        let auditor = Auditor(engine: RuleEngine(catalog: RuleExampleTests.catalog), context: root.path)
        let report = try auditor.audit(paths: [root.appendingPathComponent(dockerfile).path])
        return Set(report.findings.filter { $0.ruleID.hasPrefix("TA2") || $0.ruleID.hasPrefix("TA4") }.map { finding in
            let path = finding.location.path.replacingOccurrences(of: root.path + "/", with: "")
            return "\(finding.ruleName)@\(path)" + (finding.location.line.map { ":\($0)" } ?? "")
        })
    }

    @Test(arguments: ["frontend", "backend"])
    func theGoodIgnoreFileKeepsEverythingSensitiveOut(name: String) throws {
        let root = try Self.context(name)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.contextFindings(root, dockerfile: "Dockerfile") == [])
    }

    @Test func badFrontendContext() throws {
        let root = try Self.context("frontend")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.contextFindings(root, dockerfile: "bad.Dockerfile") == [
            "sensitive-file-in-context@.env", "secret-in-file@.env:2", "sensitive-file-in-context@.git",
            "copy-source-ignored@bad.Dockerfile:7",
            "dockerignore-entry-missing@bad.Dockerfile.dockerignore", "dockerignore-syntax@bad.Dockerfile.dockerignore:6",
        ])
    }

    @Test func badBackendContext() throws {
        let root = try Self.context("backend")
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try Self.contextFindings(root, dockerfile: "bad.Dockerfile")
        #expect(found == [
            "sensitive-file-in-context@.env", "secret-in-file@.env:2", "secret-in-file@.env:3",
            "sensitive-file-in-context@.git", "sensitive-file-in-context@deploy/id_ed25519",
            "dockerignore-entry-missing@bad.Dockerfile.dockerignore",
        ])
        // The builder copies the context and the runner copies the builder's /app: that ships.
        let report = try Auditor(engine: RuleEngine(catalog: RuleExampleTests.catalog), context: root.path)
            .audit(paths: [root.appendingPathComponent("bad.Dockerfile").path])
        let env = try #require(report.findings.first { $0.ruleName == "sensitive-file-in-context" && $0.location.path.hasSuffix("/.env") })
        #expect(env.severity == .critical)
        #expect(env.message.contains("stage 'builder', whose files the image copies"))
        let missing = report.findings.filter { $0.ruleName == "dockerignore-entry-missing" }.map(\.message)
        #expect(missing.contains { $0.contains("**/__pycache__") } && missing.contains { $0.contains("**/*.pyc") })
    }
}
