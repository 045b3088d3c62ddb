/// The report formats `--format` accepts.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, sarif

    public func render(_ report: AuditReport, color: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color).render(report)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report)
        }
    }
}
