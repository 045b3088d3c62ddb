import Foundation
import Testing

/// The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit framework (PyPI
/// `pre-commit`, TODOAUDIT_PRE_COMMIT) with `pre-commit try-repo` against this repository,
/// on sample repositories. todoaudit is put on PATH, as `language: system` expects.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_PRE_COMMIT"] != nil))
struct PreCommitTests {
    static func sample(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for arguments in [["init", "-q"], ["add", "-A"]] {
            #expect(try CLI.run(arguments, cwd: dir, executable: URL(fileURLWithPath: "/usr/bin/git")).status == 0)
        }
        return dir
    }

    static func tryRepo(_ hook: String, in sample: URL, files: [String]? = nil) throws -> CLIResult {
        let path = CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let selection = files.map { ["--files"] + $0 } ?? ["--all-files"]
        return try CLI.run(["try-repo", CLI.repository.path, hook] + selection, cwd: sample,
                           environment: ["PATH": path, "PRE_COMMIT_HOME": sample.appendingPathComponent(".pre-commit-home").path,
                                         "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"],
                           executable: URL(fileURLWithPath: ProcessInfo.processInfo.environment["TODOAUDIT_PRE_COMMIT"]!))
    }

    static let good = "FROM python:3.12-alpine\nRUN adduser -D -u 1001 app\nUSER app\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:8000/ || exit 1\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n"

    @Test func aBadDockerfileAndAShippedEnvFileFailTheirHooks() throws {
        let sample = try Self.sample(["api/Dockerfile": "FROM python:3.12-alpine\nCOPY . .\nCMD [\"python\"]\n",
                                      "api/.env": "DATABASE_URL=postgres://app:PreCommitFake0Passw0rd@db/app\n", "README.md": "hi\n"])
        let dockerfile = try Self.tryRepo("todoaudit", in: sample)
        #expect(dockerfile.status == 1, "\(dockerfile.stdout)\(dockerfile.stderr)")
        #expect(dockerfile.stdout.contains("todoaudit (Dockerfiles)") && dockerfile.stdout.contains("Failed"))
        #expect(dockerfile.stdout.contains("api/Dockerfile:1 TA1001 root-user"))
        let context = try Self.tryRepo("todoaudit-context", in: sample)
        #expect(context.status == 1)
        #expect(context.stdout.contains("api/.env TA2002 sensitive-file-in-context"), "\(context.stdout)")
    }

    @Test func aGoodProjectPassesAndUnrelatedFilesAreNotAudited() throws {
        let sample = try Self.sample(["api/Dockerfile": Self.good, "api/app.py": "print('hi')\n",
                                      "api/.dockerignore": ".git\n.env*\n**/__pycache__\n**/*.pyc\n.venv\n", "docs/guide.md": "x\n"])
        let dockerfile = try Self.tryRepo("todoaudit", in: sample)
        #expect(dockerfile.status == 0, "\(dockerfile.stdout)")
        #expect(dockerfile.stdout.contains("todoaudit (Dockerfiles)") && dockerfile.stdout.contains("Passed"))
        let context = try Self.tryRepo("todoaudit-context", in: sample)
        #expect(context.status == 0, "\(context.stdout)")
        let unrelated = try Self.tryRepo("todoaudit-context", in: sample, files: ["docs/guide.md"])
        #expect(unrelated.status == 0)
        #expect(!unrelated.stdout.contains("Security Score"))
    }
}
