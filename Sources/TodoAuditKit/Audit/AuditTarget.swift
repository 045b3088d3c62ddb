/// One thing an audit looked at, with a one-line summary for the text report.
public struct AuditTarget: Sendable, Hashable {
    public var kind: TargetKind
    public var path: String
    public var summary: String

    public init(kind: TargetKind, path: String, summary: String) {
        self.kind = kind
        self.path = path
        self.summary = summary
    }
}
