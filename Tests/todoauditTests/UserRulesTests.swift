import Foundation
import Testing

/// A team's own rules, data lists and secret kinds, from `rules_dirs` in `.todoaudit.yml`
/// or `--rules DIR`, in the layout of the built-in `Rules/`.
@Suite struct UserRulesTests {
    static let secretKind = """
        id: acme-api-token
        name: ACME internal API token
        severity: high
        keywords: [acme_]
        pattern: '(?<![A-Za-z0-9_])(?P<secret>acme_[A-Za-z0-9]{32})(?![A-Za-z0-9_])'
        examples:
          secret: ['TOKEN=acme_Q7dLm2Vx9Rt4Kp8Wz3Nb6Hc1Jd5Fg0Sa']
          not-secret: ['TOKEN=acme_']

        """
    static let rule = """
        id: TA9001
        name: acme-no-upgrade
        category: supply-chain
        severity: low
        applies-to: [dockerfile]
        title: No in-place upgrade (ACME policy)
        checklist: No in-place upgrades (ACME)
        description: ACME forbids in-place upgrades.
        remediation: Use a newer base image.
        references: []
        check: apt-upgrade
        examples:
          fire:
            - dockerfile: |
                FROM debian:12
                ↓RUN apt-get update && apt-get upgrade -y
          pass:
            - dockerfile: |
                FROM debian:12

        """

    static func project(config: String?) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let files = [
            "acme-rules/secrets/acme-api-token.yml": secretKind, "acme-rules/TA9001-acme-no-upgrade.yml": rule,
            "app/Dockerfile": "FROM debian:12\nUSER 1000\nCOPY . /app\nRUN apt-get update && apt-get upgrade -y\n",
            "app/settings.ini": "TOKEN=acme_Q7dLm2Vx9Rt4Kp8Wz3Nb6Hc1Jd5Fg0Sa\n",
        ].merging(config.map { [".todoaudit.yml": $0] } ?? [:]) { a, _ in a }
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func rulesAndSecretKindsFromTheConfigAndTheFlag() throws {
        let configured = try Self.project(config: "rules_dirs: [acme-rules]\n")
        let r = try CLI.run(["scan", "app"], cwd: configured)
        #expect(r.stdout.contains("app/Dockerfile:4 TA9001 acme-no-upgrade"), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("ACME internal API token in app/settings.ini:1"))
        let flagged = try Self.project(config: nil)
        let viaFlag = try CLI.run(["scan", "--rules", "acme-rules", "app"], cwd: flagged)
        #expect(viaFlag.stdout.contains("TA9001 acme-no-upgrade") && viaFlag.stdout.contains("ACME internal API token"))
        let builtInOnly = try CLI.run(["scan", "app"], cwd: flagged)
        #expect(!builtInOnly.stdout.contains("TA9001") && !builtInOnly.stdout.contains("ACME"))
    }

    @Test func clashesAndBadDirectoriesAreOneClearError() throws {
        let dir = try Self.project(config: "rules_dirs: [missing]\n")
        let missing = try CLI.run(["scan", "app"], cwd: dir)
        #expect(missing.status == 2 && missing.stderr.contains("missing: not a directory of rules"), "\(missing.stderr)")
        let clash = try Self.project(config: nil)
        try Self.rule.replacingOccurrences(of: "TA9001", with: "TA1001")
            .write(to: clash.appendingPathComponent("acme-rules/TA9001-acme-no-upgrade.yml"), atomically: true, encoding: .utf8)
        let clashed = try CLI.run(["scan", "--rules", "acme-rules", "app"], cwd: clash)
        #expect(clashed.status == 2 && clashed.stderr.contains("clashes with built-in TA1001 root-user"), "\(clashed.stderr)")
        let notList = try Self.project(config: "rules_dirs: acme-rules\n")
        let refused = try CLI.run(["scan", "app"], cwd: notList)
        #expect(refused.status == 2 && refused.stderr.contains("rules_dirs must be a list of directories"))
    }
}
