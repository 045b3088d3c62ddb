import Foundation
import Testing

/// `--write-baseline` accepts what a scan finds; `--baseline` then reports only what is new,
/// with the score still counting everything.
@Suite struct BaselineTests {
    @Test func onlyNewFindingsAreReportedAndTheScoreCountsAll() throws {
        let dir = try CLI.temporaryDirectory()
        let dockerfile = dir.appendingPathComponent("Dockerfile")
        try "FROM node:22-alpine\nCOPY . .\nCMD [\"node\", \"server.js\"]\n".write(to: dockerfile, atomically: true, encoding: .utf8)
        let baseline = dir.appendingPathComponent("baseline.json").path
        let written = try CLI.run(["scan", "--write-baseline", baseline, dockerfile.path])
        #expect(written.status == 0, "writing a baseline accepts the findings: \(written.stderr)")
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.contains("\"rule\" : \"root-user\"") && text.contains("\"schemaVersion\" : 1"))
        #expect(try CLI.run(["scan", "--write-baseline", baseline, dockerfile.path]).stdout == written.stdout)
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == text, "deterministic")

        let known = try CLI.run(["scan", "--baseline", baseline, dockerfile.path])
        #expect(known.status == 0, "nothing new: \(known.stdout)")
        #expect(!known.stdout.contains("Findings ("))
        #expect(known.stdout.contains("Baseline: 3 known findings not shown (the checklist and the score count them)"), "\(known.stdout)")
        #expect(known.stdout.contains("Security Score: 4/10"))
        let full = try CLI.run(["scan", dockerfile.path])
        #expect(full.stdout.components(separatedBy: "Security Score:").last == known.stdout.components(separatedBy: "Security Score:").last)

        // A finding moved down a line is still known; a new one is reported and fails the run.
        try "# a comment\nFROM node:22-alpine\nCOPY . .\nRUN apk add sudo\nCMD [\"node\", \"server.js\"]\n".write(to: dockerfile, atomically: true, encoding: .utf8)
        let json = try CLI.run(["scan", "--format", "json", "--fail-on", "medium", "--baseline", baseline, dockerfile.path])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let names = (parsed["findings"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["sudo", "apk-no-cache"], "\(names)")
        #expect(parsed["baselined"] as? Int == 3)
        #expect(json.status == 1, "the new medium finding fails --fail-on medium; the known high one did not")
    }

    @Test func aBaselineThatIsNotOneIsAClearError() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("baseline.json")
        try "not json at all".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", "--baseline", bad.path, "Fixtures/dockerfiles/backend"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a todoaudit baseline") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let missing = try CLI.run(["scan", "--baseline", dir.appendingPathComponent("none.json").path, "Fixtures/dockerfiles/backend"])
        #expect(missing.status == 2 && missing.stderr.contains("no such baseline file"))
    }
}
