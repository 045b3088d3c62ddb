/// The area a rule belongs to; the JSON report and SARIF carry it.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    case rootExecution = "root-execution"
    case buildTools = "build-tools"
    case secrets
    case buildContext = "build-context"
    case hardening
    case size
    case supplyChain = "supply-chain"
}
