import Foundation
import Testing
@testable import TodoAuditKit

/// todoaudit's `.dockerignore` matcher against an independent one: the docker SDK for
/// Python's `docker.utils.build.exclude_paths` (TODOAUDIT_DOCKER_PYTHON, installed by
/// `make test`), on generated patterns over a generated tree. The SDK departs from Docker
/// in places, so the generator leaves those out and `sdkDepartures` writes each down with
/// Docker's answer, which todoaudit follows.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TODOAUDIT_DOCKER_PYTHON"] != nil))
struct IgnoreFileComparisonTests {
    static let tree = [
        ".env", ".env.local", ".env.example", "README.md", "notes.md", "main.py", "x1y", "xay", "app.pyc",
        "a/b/c.md", "a/b/deep/d.txt", "a/node_modules/y.js", "a/.env", "a/temp.txt", "a/x.pyc",
        "b/.env.production", "b/readme.md", "b/a/c.md",
        "src/a.md", "src/app/main.py", "src/app/__pycache__/main.cpython-312.pyc", "src/.git/HEAD",
        "node_modules/react/index.js", "node_modules/react/package.json", "node_modules/.bin/tool",
        ".git/HEAD", ".git/objects/ab/cdef", ".next/cache/x", "dist/app.js",
    ]

    /// Patterns from pieces users write, in lower case; no `[!…]`, `[^…]` or `\`, where
    /// the SDK and Docker differ (see `sdkDepartures`).
    static func patterns(_ random: inout some RandomNumberGenerator) -> [String] {
        let pieces = ["a", "b", "src", "app", "node_modules", ".env", ".env*", "*.md", "*", "?", "a*", "*.py*", "[ab]",
                      "x?y", ".git", "__pycache__", "*.pyc", "deep", "temp*", ".next", "dist", "react", "[a-c]*"]
        var out: [String] = []
        for index in 0..<Int.random(in: 1...4, using: &random) {
            var parts = (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            if Int.random(in: 0..<6, using: &random) == 0 { parts.append("**") }
            if Int.random(in: 0..<4, using: &random) == 0 { parts.insert("**", at: 0) }
            var line = parts.joined(separator: "/")
            if Int.random(in: 0..<6, using: &random) == 0 { line = "/" + line }
            if Int.random(in: 0..<6, using: &random) == 0 { line += "/" }
            if index > 0 && Int.random(in: 0..<3, using: &random) == 0 { line = "!" + line }
            out.append(line)
        }
        return out
    }

    /// The SDK's answers: the included files for each pattern list, in one Python run.
    static func sdkIncluded(root: URL, cases: [[String]]) throws -> [[String]] {
        let script = """
            import json, os, sys
            from docker.utils.build import exclude_paths
            root, cases = sys.argv[1], json.load(sys.stdin)
            out = []
            for patterns in cases:
                kept = exclude_paths(root, list(patterns), dockerfile="Dockerfile")
                out.append(sorted(p for p in kept if os.path.isfile(os.path.join(root, p))))
            json.dump(out, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TODOAUDIT_DOCKER_PYTHON"]!)
        process.arguments = ["-c", script, root.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: cases))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    }

    static func makeTree(_ paths: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ta-ignore-\(UUID().uuidString)")
        for path in paths {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        return root
    }

    @Test func generatedPatternsAgreeWithTheDockerSDK() throws {
        let root = try Self.makeTree(Self.tree)
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SeededGenerator(seed: 20261125)
        let cases = (0..<600).map { _ in Self.patterns(&random) }
        let theirs = try Self.sdkIncluded(root: root, cases: cases)
        var disagreements: [String] = []
        var buildKitOnly = 0, sdkDepth = 0
        for (patterns, sdk) in zip(cases, theirs) {
            let file = IgnoreFile(text: patterns.joined(separator: "\n"))
            let ours = ContextTree(root: root.path, ignore: file).files.map(\.path)
            guard ours != sdk else { continue }
            // BuildKit hands each directory's per-line results down to its entries, and a line
            // skipped at the directory is not retried for them; the classic builder and the SDK
            // re-match every parent. Where that alone explains it, Docker (BuildKit) is followed.
            let differing = Set(ours).symmetricDifference(sdk)
            if differing.allSatisfy({ Self.classicExcludes(file, $0) == !sdk.contains($0) }) {
                buildKitOnly += 1
                continue
            }
            // The SDK tries a pattern of n parts against the file's first n directories only.
            if differing.allSatisfy({ Self.classicExcludes(file, $0, sdkDepth: true) == !sdk.contains($0) }) {
                sdkDepth += 1
                continue
            }
            disagreements.append("\(patterns): only todoaudit \(Set(ours).subtracting(sdk).sorted()), only the SDK \(Set(sdk).subtracting(ours).sorted())")
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(cases.count) differ, e.g.\n\(disagreements.prefix(8).joined(separator: "\n"))")
        #expect(buildKitOnly + sdkDepth < cases.count / 50, "\(buildKitOnly) cases differ by BuildKit's parent results, \(sdkDepth) by the SDK's parent depth")
    }

    /// moby's `MatchesOrParentMatches` (the classic builder's, and the SDK's model): every
    /// line is matched against the path and each of its parents.
    /// With `sdkDepth`, as the SDK does it: only the parent with as many parts as the pattern.
    static func classicExcludes(_ file: IgnoreFile, _ path: String, sdkDepth: Bool = false) -> Bool {
        var excluded = false
        let parts = path.split(separator: "/").map(String.init)
        for line in file.lines where line.isException == excluded {
            var match = line.pattern.matches(path)
            for end in 1..<max(1, parts.count) where !match {
                if sdkDepth && end != line.pattern.text.split(separator: "/").count { continue }
                match = line.pattern.matches(parts[..<end].joined(separator: "/"))
            }
            if match { excluded = !line.isException }
        }
        return excluded
    }

    /// Where the SDK is not Docker. Each case: the patterns, a path, whether Docker (moby's
    /// matcher, which BuildKit uses) excludes it, and whether the SDK does.
    @Test func sdkDepartures() throws {
        let cases: [(patterns: [String], path: String, docker: Bool, sdk: Bool, why: String)] = [
            // filepath.Match negates a class with ^ only; the SDK's fnmatch also with !.
            (["file[!a]"], "fileb", false, true, "[!…] is a class holding ! in Go"),
            // A backslash escapes in Go; the SDK matches it literally.
            (["f\\*"], "f*", true, false, "\\ escapes the next character"),
            // The SDK tries `**/?` (two parts) on a file's first two directories only: b/xy has one.
            (["**/?", "!b/keep"], "b/xy", true, false, "a pattern longer than the file's directories is not tried on them"),
            // The SDK lower-cases both sides; Docker on Linux compares exactly.
            (["readme.md"], "README.md", false, true, "names are case-sensitive"),
            // BuildKit does not retry `!a*` for a/x: it was skipped at `a`, nothing to undo there.
            (["[a-c]*/**", "!a*"], "a/x", true, false, "a line skipped for a directory stays skipped below it"),
        ]
        let root = try Self.makeTree(cases.map(\.path))
        defer { try? FileManager.default.removeItem(at: root) }
        let sdk = try Self.sdkIncluded(root: root, cases: cases.map(\.patterns))
        for (index, c) in cases.enumerated() {
            #expect(IgnoreFile(text: c.patterns.joined(separator: "\n")).excludes(c.path) == c.docker, "\(c.why)")
            #expect(!sdk[index].contains(c.path) == c.sdk, "the SDK changed: \(c.why), it includes \(sdk[index])")
        }
    }
}

/// SplitMix64: the same sequence on every run, so a disagreement can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
