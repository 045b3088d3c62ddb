import Foundation
import Testing
@testable import TodoAuditKit

/// Accuracy on the labelled corpus in `Tests/SecretCorpus/`: every file under `secret/`
/// holds a secret, every file under `clean/` none. Recall must reach 95% and false alarms
/// stay at or under 2%; both are printed so a change's effect is visible.
@Suite struct SecretCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SecretCorpus")

    static func findings(_ set: String) throws -> (files: [String], hits: [String: [Finding]]) {
        let engine = RuleEngine(catalog: RuleExampleTests.catalog)
        let audit = FileSecretAudit(engine: engine, jobs: 2)
        let directory = root.appendingPathComponent(set).path
        let report = try audit.audit(paths: [directory])
        let files = FileSecretAudit.files(under: directory)
        return (files, Dictionary(grouping: report.findings, by: \.location.path))
    }

    @Test func recallAndFalseAlarms() throws {
        let positives = try Self.findings("secret")
        let negatives = try Self.findings("clean")
        try #require(positives.files.count >= 250 && negatives.files.count >= positives.files.count,
                     "the corpus needs 250+ secret cases and at least as many clean ones")
        let missed = positives.files.filter { positives.hits[$0] == nil }
        let alarms = negatives.files.filter { negatives.hits[$0] != nil }
        let recall = Double(positives.files.count - missed.count) / Double(positives.files.count)
        let falseAlarms = Double(alarms.count) / Double(negatives.files.count)
        print(String(format: "secret corpus: recall %.1f%% (%d/%d), false alarms %.1f%% (%d/%d)",
                     recall * 100, positives.files.count - missed.count, positives.files.count,
                     falseAlarms * 100, alarms.count, negatives.files.count))
        let base = Self.root.path + "/"
        #expect(recall >= 0.95, "missed: \(missed.map { $0.replacingOccurrences(of: base, with: "") })")
        #expect(falseAlarms <= 0.02, "false alarms: \(alarms.map { a in "\(a.replacingOccurrences(of: base, with: "")) \(negatives.hits[a]!.map { $0.message })" })")
    }
}
