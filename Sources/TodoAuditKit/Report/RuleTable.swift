/// The rule list for `todoaudit rules` and the README's generated table.
public enum RuleTable {
    public static func text(_ rules: [Rule]) -> String {
        var out = ""
        for rule in rules {
            let sev = rule.severity.rawValue.padding(8)
            out += "\(rule.id)  \(sev) \(rule.name.padding(28)) \(rule.category.rawValue.padding(15)) \(rule.title)\(rule.enabledByDefault ? "" : " (opt-in)")\n"
        }
        return out
    }

    public static func markdown(_ rules: [Rule]) -> String {
        var out = "| ID | Name | Severity | Category | Applies to | What it finds | Peers |\n|---|---|---|---|---|---|---|\n"
        for rule in rules {
            let peers = rule.references.isEmpty ? "—" : rule.references.joined(separator: ", ")
            out += "| \(rule.id) | `\(rule.name)` | \(rule.severity.rawValue)\(rule.enabledByDefault ? "" : " (opt-in)") | \(rule.category.rawValue) | \(rule.appliesTo.map(\.rawValue).joined(separator: ", ")) | \(rule.title) | \(peers) |\n"
        }
        return out
    }

    /// One rule with its docs and examples.
    public static func detail(_ rule: Rule) -> String {
        var out = "\(rule.id) \(rule.name) — \(rule.title)\n"
        out += "severity: \(rule.severity.rawValue) · category: \(rule.category.rawValue) · applies to: \(rule.appliesTo.map(\.rawValue).joined(separator: ", "))"
        out += rule.enabledByDefault ? "\n" : " · opt-in\n"
        if !rule.references.isEmpty { out += "peers: \(rule.references.joined(separator: ", "))\n" }
        out += "\n\(rule.description.trimmingWhitespace())\n\nFix: \(rule.remediation.trimmingWhitespace())\n"
        for example in rule.examples {
            out += "\n\(example.expectation == .fire ? "Fires on" : "Passes") (example \(example.number)):\n"
            guard let dockerfile = example.dockerfile else {
                out += "    an image (see \(rule.source))" + (example.expectedPlaces.isEmpty ? "" : "; reported at \(example.expectedPlaces.joined(separator: ", "))") + "\n"
                continue
            }
            for line in dockerfile.split(separator: "\n", omittingEmptySubsequences: false).dropLast(dockerfile.hasSuffix("\n") ? 1 : 0) {
                out += "    \(line)\n"
            }
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
