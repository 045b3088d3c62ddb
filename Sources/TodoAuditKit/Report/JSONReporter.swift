import Foundation

/// `--format json`: one object as the interface contract describes, keys sorted, so the same
/// input gives byte-identical output. Fields that do not apply are left out.
public enum JSONReporter {
    static let schemaVersion = 1

    struct Document: Encodable {
        struct Tool: Encodable { var name: String; var version: String }
        struct Target: Encodable { var kind: String; var path: String }
        struct Check: Encodable { var rule: String; var name: String; var passed: Bool }
        struct ScoreValue: Encodable { var value: Int; var max: Int; var checks: [Check] }
        struct Size: Encodable { var bytes: Int64; var optimizationPotentialBytes: Int64; var wastedBytes: Int64 }
        struct LayerRow: Encodable { var index: Int; var bytes: Int64; var createdBy: String }
        struct Image: Encodable { var name: String; var format: String; var layers: [LayerRow]; var bytes: Int64; var optimizationPotentialBytes: Int64 }
        struct Place: Encodable {
            var kind: String; var path: String; var line: Int?; var endLine: Int?; var layer: String?; var layers: [String]?
            var source: String?
        }
        struct Item: Encodable {
            var rule: String; var name: String; var category: String; var severity: String
            var message: String; var location: Place; var evidence: String?; var remediation: String
            var fingerprint: String; var secretKind: String?
        }
        struct SecretStats: Encodable { var filesScanned: Int; var bytesScanned: Int64; var skippedBinary: Int; var skippedLarge: Int }
        var schemaVersion: Int
        var tool: Tool
        var targets: [Target]
        var score: ScoreValue
        var size: Size?
        var images: [Image]?
        var findings: [Item]
        var secretScan: SecretStats?
        /// Findings a baseline hid (the score counts them); absent without one.
        var baselined: Int?
    }

    public static func render(_ report: AuditReport) -> String {
        let document = Document(
            schemaVersion: schemaVersion,
            tool: .init(name: TodoAudit.name, version: TodoAudit.version),
            targets: report.targets.map { .init(kind: $0.kind.rawValue, path: $0.path) },
            score: .init(value: report.score.value, max: report.score.maximum,
                         checks: report.score.checks.map { .init(rule: $0.ruleID, name: $0.name, passed: $0.passed) }),
            size: report.size.map { .init(bytes: $0.bytes, optimizationPotentialBytes: $0.optimizationPotentialBytes, wastedBytes: $0.wastedBytes) },
            images: report.images.isEmpty ? nil : report.images.map { image in
                .init(name: image.name, format: image.format,
                      layers: image.layers.map { .init(index: $0.index + 1, bytes: $0.bytes, createdBy: $0.createdBy) },
                      bytes: image.size.bytes, optimizationPotentialBytes: image.size.optimizationPotentialBytes)
            },
            findings: report.findings.map { f in
                .init(rule: f.ruleID, name: f.ruleName, category: f.category.rawValue, severity: f.severity.rawValue,
                      message: f.message,
                      location: .init(kind: f.location.kind.rawValue, path: f.location.path, line: f.location.line,
                                      endLine: f.location.endLine, layer: f.location.layer, layers: f.location.layers,
                                      source: f.location.source),
                      evidence: f.evidence, remediation: f.remediation, fingerprint: f.fingerprint, secretKind: f.secretKind)
            },
            secretScan: report.secretScanStats.map {
                .init(filesScanned: $0.filesScanned, bytesScanned: $0.bytesScanned, skippedBinary: $0.skippedBinary, skippedLarge: $0.skippedLarge)
            },
            baselined: report.baselined > 0 ? report.baselined : nil
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
