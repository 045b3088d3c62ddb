import Testing
@testable import TodoAuditKit
import DockerfileSyntax

@Suite struct ConfigurationTests {
    let catalog = RuleExampleTests.catalog

    func findings(_ source: String, config: AuditConfiguration = AuditConfiguration()) throws -> [Finding] {
        let facts = DockerfileFacts(path: "Dockerfile", dockerfile: try DockerfileParser.parse(source), hasDockerignore: true)
        return RuleEngine(catalog: catalog, configuration: config).evaluate(facts)
    }

    @Test func unknownKeysAreNamed() {
        do {
            _ = try AuditConfiguration.parse("disabled_rules: [maintainer]\nfail_onn: high\n", source: ".todoaudit.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("fail_onn"))
        }
    }

    @Test func disableAndOverrideSeverity() throws {
        let config = try AuditConfiguration.parse("""
        disabled_rules: [healthcheck-missing]
        severity:
          root-user: critical
        fail_under: 7
        fail_on: medium
        """, source: "t")
        #expect(config.failUnder == 7 && config.failOn == .medium)
        let found = try findings("FROM alpine:3.20\nCMD [\"sh\"]\n", config: config)
        #expect(found.map(\.ruleName) == ["root-user"])
        #expect(found.first?.severity == .critical)
    }

    @Test func onlyRulesRestricts() throws {
        let config = try AuditConfiguration.parse("only_rules: [TA1009]\n", source: "t")
        #expect(try findings("FROM alpine\n", config: config).map(\.ruleName) == ["healthcheck-missing"])
    }

    /// An opt-in rule runs only when `enabled_rules` names it, and `only_rules` can name it too.
    @Test func optInRulesRunWhenEnabled() throws {
        let source = "FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\nUSER 1000\nHEALTHCHECK NONE\n"
        #expect(try !findings(source).map(\.ruleName).contains("package-unpinned"))
        let enabled = try AuditConfiguration.parse("enabled_rules: [package-unpinned]\n", source: "t")
        #expect(try findings(source, config: enabled).map(\.ruleName).contains("package-unpinned"))
        let only = try AuditConfiguration.parse("only_rules: [TA1029]\n", source: "t")
        #expect(try findings(source, config: only).map(\.ruleName) == ["package-unpinned"])
        let both = try AuditConfiguration.parse("enabled_rules: [package-unpinned]\ndisabled_rules: [package-unpinned]\n", source: "t")
        #expect(try !findings(source, config: both).map(\.ruleName).contains("package-unpinned"))
    }

    @Test func badValuesAreErrors() {
        #expect(throws: ConfigurationError.self) { try AuditConfiguration.parse("fail_on: severe\n", source: "t") }
        #expect(throws: ConfigurationError.self) { try AuditConfiguration.parse("fail_under: 11\n", source: "t") }
        #expect(throws: ConfigurationError.self) { try AuditConfiguration.parse("- a\n- b\n", source: "t") }
    }

    @Test func unknownRuleNamesAreReported() throws {
        let config = try AuditConfiguration.parse("disabled_rules: [root-usr]\n", source: "t")
        #expect(config.unknownRules(in: catalog) == ["root-usr"])
    }

    @Test func ignorePragmaOnTheLineBefore() throws {
        let found = try findings("""
        FROM alpine:3.20
        # todoaudit ignore=root-user,healthcheck-missing
        USER root
        """)
        #expect(found.map(\.ruleName) == ["healthcheck-missing"], "the pragma covers USER root only; healthcheck points at FROM")
    }

    @Test func hadolintPragmaIsHonouredByReference() throws {
        let found = try findings("""
        FROM alpine:3.20
        HEALTHCHECK NONE
        # hadolint ignore=DL3002
        USER root
        """)
        #expect(found.isEmpty)
    }

    @Test func scoreSubtractsOncePerRuleAndFloorsAtZero() throws {
        let rules = catalog.rules
        let f = try findings("FROM alpine:3.20\nRUN apk add gcc\nRUN apk add make\n")
        let score = Score(rules: rules, findings: f, weights: catalog.weights)
        // root-user high 3, build tools high 3 (twice, counted once), apk-no-cache low 1, healthcheck low 1
        #expect(score.value == 10 - 3 - 3 - 1 - 1)
        let many = try findings("FROM node\nENV API_TOKEN=abcd1234efgh\nRUN curl https://x | sh\nRUN apk add gcc\nENV AWS=AKIAZ7Q4WJ3KLM5N2XPQ\n")
        #expect(Score(rules: rules, findings: many, weights: catalog.weights).value == 0)
    }

    @Test func limitsHaveDefaultsAndAreRead() throws {
        let defaults = AuditConfiguration().limits
        #expect(defaults.maxLayerBytes == 16 << 30 && defaults.maxLayerEntries == 500_000 && defaults.maxPathDepth == 256)
        #expect(defaults.maxDockerfileBytes == 4 << 20 && defaults.maxIgnoreFileBytes == 1 << 20 && defaults.maxJSONBytes == 32 << 20)
        let config = try AuditConfiguration.parse("""
        limits:
          max_layer_size: 2GiB
          max_layer_entries: 5000
          max_path_depth: 40
          max_json_size: 1MiB
          max_dockerfile_size: 100kB
          max_ignore_file_size: 64KiB
        """, source: "t")
        let layer = config.limits.layer
        #expect(layer.bytes == 2 << 30 && layer.entries == 5000 && layer.pathDepth == 40)
        #expect(config.limits.maxJSONBytes == 1 << 20 && config.limits.maxDockerfileBytes == 100_000 && config.limits.maxIgnoreFileBytes == 65536)
        // What --help lists is exactly what the file accepts.
        #expect(Limits.keys == ["max_dockerfile_size", "max_ignore_file_size", "max_json_size", "max_layer_size", "max_layer_entries", "max_path_depth"])
        #expect(Limits.help.contains("max_layer_size: 16GiB") && Limits.help.contains("max_path_depth: 256"))
        for bad in ["limits: 5\n", "limits:\n  max_layer_size: big\n", "limits:\n  max_path_depth: 0\n", "limits:\n  max_entries: 3\n"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try AuditConfiguration.parse(bad, source: "t") }
        }
    }

    @Test func sizesAndBudgets() throws {
        #expect(ByteSize.parse("150MB") == 150_000_000)
        #expect(ByteSize.parse("1.5 GB") == 1_500_000_000)
        #expect(ByteSize.parse("200MiB") == Int64(209_715_200))
        #expect(ByteSize.parse("123") == 123)
        #expect(ByteSize.parse("12 parsecs") == nil)
        let config = try AuditConfiguration.parse("max_size:\n  todo/frontend: 200MB\n  todo/backend: 150MB\n  '*': 1GB\n", source: "t")
        #expect(config.sizeBudget(for: "todo/backend:v1") == 150_000_000)
        #expect(config.sizeBudget(for: "todo/frontend") == 200_000_000)
        #expect(config.sizeBudget(for: "other:1") == 1_000_000_000)
        #expect(throws: ConfigurationError.self) { try AuditConfiguration.parse("max_size: huge\n", source: "t") }
    }
}
