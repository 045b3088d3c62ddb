/// The tool's identity, shown in reports, SARIF and SBOMs.
public enum TodoAudit {
    public static let name = "todoaudit"
    public static let version = "0.1.0"
}
