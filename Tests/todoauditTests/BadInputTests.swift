import Foundation
import Testing

/// Hostile and broken inputs: exit 2 with exactly one clear line on stderr (or a finding),
/// never a crash, never a hang.
@Suite struct BadInputTests {
    func scan(bytes: [UInt8], name: String = "Dockerfile", extra: [String] = []) throws -> CLIResult {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try CLI.run(["scan"] + extra + [file.path])
    }

    func expectClearError(_ r: CLIResult, mentioning text: String) {
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(r.stderr)")
        #expect(r.stderr.hasPrefix("todoaudit: "))
        #expect(r.stderr.contains(text), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func emptyFile() throws {
        expectClearError(try scan(bytes: []), mentioning: "no instructions")
    }

    @Test func binaryFile() throws {
        expectClearError(try scan(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]), mentioning: "binary")
    }

    @Test func invalidUTF8() throws {
        expectClearError(try scan(bytes: Array("FROM alpine:3.20\nRUN echo ".utf8) + [0xC3, 0x28] + Array("\n".utf8)), mentioning: "line 2 is not valid UTF-8")
    }

    @Test func tenMegabyteDockerfile() throws {
        // Not a run of "a": that is a secret-scanner keyword ("aaaa…" of Twitter bearer
        // tokens), and a 10 MB run of keyword hits costs the scanner minutes and gigabytes,
        // a separate problem from the parser's that this test is not about.
        let big = Array("FROM alpine:3.20\nRUN echo ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        expectClearError(try scan(bytes: big), mentioning: "limit")
        // Raising the limit reads it: a huge line is parsed, not a hang.
        let r = try scan(bytes: big, extra: ["--max-dockerfile-bytes", "20000000"])
        #expect(r.status == 1)
    }

    @Test func fiveThousandLineContinuation() throws {
        var text = "FROM alpine:3.20\nUSER 1000\nHEALTHCHECK NONE\nRUN apk add --no-cache \\\n"
        for i in 0..<5000 { text += "    pkg\(i) \\\n" }
        text += "    last\n"
        let r = try scan(bytes: Array(text.utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("Security Score: 10/10"))
    }

    @Test func unterminatedHeredoc() throws {
        expectClearError(try scan(bytes: Array("FROM alpine:3.20\nRUN <<EOF\necho hi\n".utf8)), mentioning: "heredoc 'EOF' is never closed")
    }

    @Test func unknownInstructionIsAFinding() throws {
        let r = try scan(bytes: Array("FROM alpine:3.20\nUSER 1000\nCOPPY a /a\n".utf8))
        #expect(r.stdout.contains("unknown-instruction"))
        #expect(r.stdout.contains("'COPPY' is not a Dockerfile instruction"))
    }

    @Test func instructionBeforeFrom() throws {
        expectClearError(try scan(bytes: Array("RUN echo\nFROM alpine:3.20\n".utf8)), mentioning: "before the first FROM")
    }

    @Test func directoryWithoutDockerfile() throws {
        let dir = try CLI.temporaryDirectory()
        expectClearError(try CLI.run(["scan", dir.path]), mentioning: "no Dockerfile here")
    }

    @Test func pathThatDoesNotExist() throws {
        expectClearError(try CLI.run(["scan", "/nonexistent/todoaudit/Dockerfile"]), mentioning: "no such file or directory")
    }

    @Test func unwritableOutput() throws {
        expectClearError(try CLI.run(["scan", "-o", "/nonexistent/dir/report.txt", "Fixtures/dockerfiles/backend"]), mentioning: "cannot write the report")
    }

    @Test func usageMistakesExit64() throws {
        #expect(try CLI.run(["scan"]).status == 64)
        #expect(try CLI.run(["scan", "--format", "xml", "Fixtures/dockerfiles/backend"]).status == 64)
        #expect(try CLI.run(["scan", "--fail-under", "11", "Fixtures/dockerfiles/backend"]).status == 64)
    }
}
