import Foundation

/// Findings accepted as known: `scan --write-baseline FILE` records their fingerprints,
/// `scan --baseline FILE` reports only the others. Fingerprints ignore line moves, so a
/// baseline survives edits above a known finding.
public struct Baseline: Sendable {
    public var fingerprints: Set<String>

    public init(fingerprints: Set<String>) {
        self.fingerprints = fingerprints
    }

    struct File: Codable {
        struct Entry: Codable { var fingerprint: String; var rule: String; var location: String }
        var schemaVersion: Int
        var tool: String
        var findings: [Entry]
    }

    /// The baseline of a report: every finding's fingerprint, rule and place, sorted.
    public static func render(_ report: AuditReport) -> String {
        let entries = report.findings.map { File.Entry(fingerprint: $0.fingerprint, rule: $0.ruleName, location: $0.location.display) }
            .sorted { ($0.fingerprint, $0.location) < ($1.fingerprint, $1.location) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(File(schemaVersion: 1, tool: TodoAudit.name, findings: entries))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a baseline written by `--write-baseline`; anything else is an error saying why.
    public static func read(_ path: String) throws(AuditError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, reason: "no such baseline file") }
        guard let file = try? JSONDecoder().decode(File.self, from: data) else {
            throw .unreadable(path, reason: "not a todoaudit baseline (JSON written by --write-baseline)")
        }
        guard file.schemaVersion == 1 else { throw .unreadable(path, reason: "baseline schema version \(file.schemaVersion) is not 1") }
        return Baseline(fingerprints: Set(file.findings.map(\.fingerprint)))
    }
}

extension AuditReport {
    /// The report with the baseline's findings taken out; the score keeps counting them.
    public func applying(_ baseline: Baseline) -> AuditReport {
        var out = self
        out.findings = findings.filter { !baseline.fingerprints.contains($0.fingerprint) }
        out.baselined = findings.count - out.findings.count
        return out
    }
}
