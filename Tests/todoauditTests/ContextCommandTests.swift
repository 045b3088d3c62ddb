import Foundation
import Testing

/// `todoaudit context` and `scan DIR` over contexts that fight back: links out of the
/// context and in circles, names with newlines or bytes that are not UTF-8, directories
/// that cannot be read, an ignore file Docker refuses.
@Suite struct ContextCommandTests {
    static func write(_ files: [String: String], in dir: URL) throws {
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func summaryNamesTheIgnoreFileAndWhatEachCopyTakes() throws {
        let dir = try CLI.temporaryDirectory()
        try Self.write(["Dockerfile": "FROM node:22-alpine AS build\nCOPY package.json ./\nCOPY src ./src\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\n",
                        ".dockerignore": "node_modules\n*.json\n", "package.json": "{}", "src/a.js": "1", "src/b.js": "2",
                        "node_modules/x/index.js": "x"], in: dir)
        let r = try CLI.run(["context", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ignore file: .dockerignore, 2 patterns"))
        #expect(r.stdout.contains("sent: 4 files, 2 entries left out"))
        #expect(r.stdout.contains("COPY src ./src (line 3, stage 'build', copied into the image by a later stage): 2 files"))
        #expect(r.stdout.contains("package.json: excluded by line 2 (*.json)"))
        let listed = try CLI.run(["context", "--list", dir.path])
        #expect(listed.stdout == ".dockerignore\nDockerfile\nsrc/a.js\nsrc/b.js\n")
    }

    @Test func linksAreNeverFollowedAndOddNamesAreKept() throws {
        let dir = try CLI.temporaryDirectory()
        try Self.write(["Dockerfile": "FROM alpine:3.20\nCOPY . /app\n", "src/ok.txt": "fine", "weird\nname.txt": "x"], in: dir)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("loop").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("src/up").path, withDestinationPath: "../src")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("root").path, withDestinationPath: "/")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        // A name that is not UTF-8, made with the raw bytes.
        let raw = Array(dir.path.utf8) + Array("/bad-\u{FF}".utf8).prefix(5) + [0xFF, 0x2E, 0x65, 0x6E, 0x76, 0]
        let fd = raw.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        let r = try CLI.run(["context", "--list", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let listed = r.stdout.split(separator: "\n").map(String.init)
        #expect(listed.contains("loop") && listed.contains("root") && listed.contains("passwd") && listed.contains("src/up"))
        #expect(!listed.contains { $0.hasPrefix("loop/") || $0.hasPrefix("root/") || $0.hasPrefix("src/up/") })
        #expect(listed.contains("bad-\u{FFFD}.env"))
        #expect(r.stdout.contains("weird\nname.txt"))
        // scan follows no link either: /etc/passwd is not read, and the run ends.
        let scan = try CLI.run(["scan", "--format", "json", dir.path])
        #expect(scan.status == 0 || scan.status == 1, "\(scan.stderr)")
        #expect(!scan.stdout.contains("/etc/passwd:"))
    }

    /// `scan --context DIR --dockerfile F` audits F with DIR, like `docker build -f F DIR`.
    @Test func contextAndDockerfileFlags() throws {
        let dir = try CLI.temporaryDirectory()
        try Self.write(["docker/api.Dockerfile": "FROM alpine:3.20\nUSER 1000\nCOPY . /app\n", "docker/api.Dockerfile.dockerignore": "*.md\n",
                        ".dockerignore": ".env\n", ".env": "X=1\n", "README.md": "x"], in: dir)
        let r = try CLI.run(["scan", "--format", "json", "--context", dir.path, "--dockerfile", dir.appendingPathComponent("docker/api.Dockerfile").path])
        // The Dockerfile's own ignore file wins: .env is sent and copied.
        #expect(r.stdout.contains("\"sensitive-file-in-context\""), "\(r.stdout)")
        #expect(r.stdout.contains("docker/api.Dockerfile.dockerignore does not exclude it"))
        let alone = try CLI.run(["scan", "--format", "json", dir.appendingPathComponent("docker/api.Dockerfile").path])
        #expect(!alone.stdout.contains("\"kind\" : \"context\"") && !alone.stdout.contains("sensitive-file-in-context\","))
    }

    @Test func anUnreadableDirectoryIsReportedNotFatal() throws {
        // root reads everything: the case only exists for other users.
        guard getuid() != 0 else { return }
        let dir = try CLI.temporaryDirectory()
        try Self.write(["Dockerfile": "FROM alpine:3.20\nCOPY . /app\n", "locked/secret.txt": "x"], in: dir)
        chmod(dir.appendingPathComponent("locked").path, 0)
        defer { chmod(dir.appendingPathComponent("locked").path, 0o755) }
        let r = try CLI.run(["context", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("unreadable: locked"))
    }

    @Test func anIgnoreFileDockerRefusesIsAFindingNamingItsLine() throws {
        let dir = try CLI.temporaryDirectory()
        try Self.write(["Dockerfile": "FROM alpine:3.20\nUSER 1000\nCOPY . /app\n", ".dockerignore": ".git\n[a-\n"], in: dir)
        let r = try CLI.run(["scan", dir.path])
        #expect(r.stdout.contains(".dockerignore:2 TA2005 dockerignore-syntax"), "\(r.stdout)")
        #expect(r.stderr.isEmpty)
        let huge = try CLI.temporaryDirectory()
        try Self.write(["Dockerfile": "FROM alpine:3.20\n", ".dockerignore": String(repeating: "x", count: 2 << 20)], in: huge)
        let refused = try CLI.run(["scan", huge.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(".dockerignore") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    }
}
