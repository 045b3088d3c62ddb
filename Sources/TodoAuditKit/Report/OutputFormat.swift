/// The report formats `--format` accepts.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json

    public func render(_ report: AuditReport, color: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color).render(report)
        case .json: JSONReporter.render(report)
        }
    }
}
