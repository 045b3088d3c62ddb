import Foundation
import Testing
@testable import TodoAuditKit

/// The two seed Dockerfiles and their broken variants come out exactly right.
@Suite struct FixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dockerfiles")

    func audit(_ name: String) throws -> AuditReport {
        let auditor = Auditor(engine: RuleEngine(catalog: RuleExampleTests.catalog))
        return try auditor.audit(paths: [Self.fixtures.appendingPathComponent(name).path])
    }

    func found(_ report: AuditReport) -> Set<String> {
        Set(report.findings.map { "\($0.ruleName)@\($0.location.line ?? 0)" })
    }

    @Test(arguments: [("frontend", 17), ("backend", 13)])
    func goodFixtureScoresNineWithOnlyHealthcheck(name: String, runnerLine: Int) throws {
        let report = try audit(name)
        #expect(report.score.value == 9)
        #expect(found(report) == ["healthcheck-missing@\(runnerLine)"])
        #expect(report.score.checks.filter { !$0.passed }.map(\.name) == ["healthcheck-missing"])
    }

    @Test func badFrontendShowsEveryPlantedProblemAtItsLine() throws {
        let report = try audit("frontend-bad")
        #expect(found(report) == [
            "image-unpinned@2", "dockerignore-missing@10", "root-user@13", "healthcheck-missing@13",
            "build-tools-in-runtime@15", "secret-env@16", "add-url-no-checksum@18", "shell-form-cmd@21",
        ])
        #expect(report.score.value == 0)
    }

    @Test func badBackendShowsEveryPlantedProblemAtItsLine() throws {
        let report = try audit("backend-bad")
        #expect(found(report) == [
            "healthcheck-missing@8", "build-tools-in-runtime@9", "secret-env@10", "pip-no-cache-dir@12",
            "dockerignore-missing@13", "add-url-no-checksum@14", "stage-reference@15", "root-user@16",
        ])
    }

    @Test func secretsAreRedactedInEvidence() throws {
        let report = try audit("backend-bad")
        let evidence = report.findings.compactMap(\.evidence).joined(separator: "\n")
        #expect(!evidence.contains("Sup3r-S3cret-2024"))
        #expect(evidence.contains("DATABASE_PASSWORD=Sup3****"))
    }

    @Test func reportsAreDeterministic() throws {
        let a = JSONReporter.render(try audit("frontend-bad"))
        let b = JSONReporter.render(try audit("frontend-bad"))
        #expect(a == b)
    }
}
