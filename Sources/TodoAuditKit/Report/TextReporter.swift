/// The human report: a ✅/⚠️/❌ checklist, the findings with their fixes, and the score.
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ report: AuditReport) -> String {
        var out = "\(TodoAudit.name) \(TodoAudit.version)\n"
        for target in report.targets {
            out += "  \(target.path) — \(target.summary)\n"
        }
        out += "\nChecks\n"
        for check in report.score.checks {
            let icon = check.passed ? "✅" : (check.severity >= .high ? "❌" : "⚠️")
            var line = "  \(icon) \(check.label)"
            if !check.passed {
                let places = check.locations.prefix(3).map(\.display)
                let more = check.locations.count > 3 ? ", +\(check.locations.count - 3) more" : ""
                line += " — \(check.name) at \(places.joined(separator: ", "))\(more)"
            }
            out += line + "\n"
        }
        if !report.findings.isEmpty {
            out += "\nFindings (\(report.findings.count))\n"
            for f in report.findings {
                out += "  \(paint(label(f.severity), f.severity)) \(f.location.display) \(f.ruleID) \(f.ruleName)\n"
                out += "      \(f.message)\n"
                if let evidence = f.evidence, !evidence.isEmpty {
                    out += "      evidence: \(Self.oneLine(evidence))\n"
                }
                out += "      fix: \(Self.oneLine(f.remediation))\n"
            }
        }
        if let size = report.size {
            let percent = size.bytes > 0 ? Int((Double(size.optimizationPotentialBytes) / Double(size.bytes) * 100).rounded()) : 0
            out += "\nSize: \(ByteCount.text(size.bytes)) · Optimization Potential: ~\(ByteCount.text(size.optimizationPotentialBytes)) (\(percent)% reduction)\n"
            let other = size.optimizationPotentialBytes - size.wastedBytes
            out += "  \(ByteCount.text(size.wastedBytes)) in files later layers delete or overwrite, \(ByteCount.text(other)) in caches and build tools\n"
        }
        if let stats = report.secretScanStats {
            out += "\nSecrets: scanned \(stats.filesScanned) file\(stats.filesScanned == 1 ? "" : "s") (\(ByteCount.text(stats.bytesScanned)))"
            out += "; skipped \(stats.skippedBinary) binary, \(stats.skippedLarge) over the size limit (secrets.max_file_size)\n"
        }
        if report.baselined > 0 {
            out += "\nBaseline: \(report.baselined) known finding\(report.baselined == 1 ? "" : "s") not shown (the checklist and the score count them)\n"
        }
        out += "\nSecurity Score: \(report.score.value)/\(report.score.maximum)\n"
        for image in report.images {
            out += "\nLayers of \(image.name)\n"
            for layer in image.layers {
                let size = ByteCount.text(layer.bytes)
                out += "  \(String(layer.index + 1).leftPadded(3))  \(size.leftPadded(9))  \(layer.createdBy)\n"
            }
        }
        return out
    }

    private func label(_ severity: Severity) -> String {
        let text = severity.rawValue.uppercased()
        return text + String(repeating: " ", count: max(0, 8 - text.count))
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code: String
        switch severity {
        case .critical: code = "1;31"
        case .high: code = "31"
        case .medium: code = "33"
        case .low: code = "36"
        case .info: code = "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 160 ? String(flat.prefix(157)) + "…" : flat
    }

}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
