/// Turns one parsed rule YAML file into a `Rule`, rejecting unknown keys and bad values
/// so a typo in `Rules/` fails loudly instead of silently disabling a rule.
enum RuleFile {
    static let keys: Set<String> = [
        "id", "name", "category", "severity", "applies-to", "title", "checklist", "description",
        "remediation", "references", "check", "parameters", "default", "examples",
    ]
    static let exampleKeys: Set<String> = ["dockerfile", "dockerignore", "target", "image", "files", "context", "expect", "settings"]

    static func rule(from value: RuleData, path: String, withExamples: Bool = true) throws(RuleLoadError) -> Rule {
        guard case .map(let map) = value else {
            throw RuleLoadError(file: path, problem: "a rule file must be a mapping")
        }
        let unknown = Set(map.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else {
            throw RuleLoadError(file: path, problem: "unknown keys: \(unknown.joined(separator: ", "))")
        }
        func text(_ key: String) throws(RuleLoadError) -> String {
            guard let s = map[key]?.string, !s.isEmpty else {
                throw RuleLoadError(file: path, problem: "'\(key)' is required")
            }
            return s
        }
        let id = try text("id")
        guard id.hasPrefix("TA"), id.count == 6, Int(id.dropFirst(2)) != nil else {
            throw RuleLoadError(file: path, problem: "id '\(id)' is not of the form TA1234")
        }
        let name = try text("name")
        guard name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw RuleLoadError(file: path, problem: "name '\(name)' must be kebab-case")
        }
        guard let category = RuleCategory(rawValue: try text("category")) else {
            throw RuleLoadError(file: path, problem: "unknown category '\(map["category"]?.string ?? "")'")
        }
        guard let severity = Severity(rawValue: try text("severity")) else {
            throw RuleLoadError(file: path, problem: "unknown severity '\(map["severity"]?.string ?? "")'")
        }
        var kinds: [TargetKind] = []
        for kind in map["applies-to"]?.strings ?? [] {
            guard let k = TargetKind(rawValue: kind) else {
                throw RuleLoadError(file: path, problem: "unknown target kind '\(kind)' in applies-to")
            }
            kinds.append(k)
        }
        guard !kinds.isEmpty else { throw RuleLoadError(file: path, problem: "'applies-to' is required") }
        let enabled: Bool
        switch map["default"]?.string ?? "enabled" {
        case "enabled": enabled = true
        case "opt-in": enabled = false
        case let other: throw RuleLoadError(file: path, problem: "default must be enabled or opt-in, not '\(other)'")
        }
        // Examples are for `todoaudit rules NAME` and the tests; a scan skips reading them.
        guard map["examples"] != nil else {
            throw RuleLoadError(file: path, problem: "'examples' with 'fire' and 'pass' lists is required")
        }
        let examples = withExamples ? try self.examples(map["examples"], path: path) : []
        return Rule(
            id: id, name: name, category: category, severity: severity, appliesTo: kinds,
            title: try text("title"), checklist: try text("checklist"),
            description: try text("description"), remediation: try text("remediation"),
            references: map["references"]?.strings ?? [], check: try text("check"),
            parameters: map["parameters"] ?? .map([:]), enabledByDefault: enabled,
            examples: examples, source: path
        )
    }

    private static func examples(_ value: RuleData?, path: String) throws(RuleLoadError) -> [RuleExample] {
        guard case .map(let groups)? = value else {
            throw RuleLoadError(file: path, problem: "'examples' with 'fire' and 'pass' lists is required")
        }
        let unknown = Set(groups.keys).subtracting(["fire", "pass"]).sorted()
        guard unknown.isEmpty else {
            throw RuleLoadError(file: path, problem: "unknown example groups: \(unknown.joined(separator: ", "))")
        }
        var out: [RuleExample] = []
        for expectation in [RuleExample.Expectation.fire, .pass] {
            guard case .list(let items)? = groups[expectation.rawValue], !items.isEmpty else {
                throw RuleLoadError(file: path, problem: "at least one '\(expectation.rawValue)' example is required")
            }
            for (i, item) in items.enumerated() {
                let label = "\(expectation.rawValue) example \(i + 1)"
                guard case .map(let fields) = item else {
                    throw RuleLoadError(file: path, problem: "\(label) must be a mapping")
                }
                let extra = Set(fields.keys).subtracting(exampleKeys).sorted()
                guard extra.isEmpty else {
                    throw RuleLoadError(file: path, problem: "\(label): unknown keys \(extra.joined(separator: ", "))")
                }
                if fields["image"] != nil || fields["files"] != nil || fields["context"] != nil {
                    // Image examples name the places findings must be at: `config:User`, `file:usr/bin/gcc`, `layer:2`, `image`.
                    let places = fields["expect"]?.strings ?? []
                    if expectation == .fire && places.isEmpty {
                        throw RuleLoadError(file: path, problem: "\(label) lists no 'expect' places")
                    }
                    if expectation == .pass && !places.isEmpty {
                        throw RuleLoadError(file: path, problem: "\(label) must not list 'expect' places")
                    }
                    var example = RuleExample(expectation: expectation, number: i + 1, dockerfile: nil, expectedLines: [],
                                              hasDockerignore: true, target: nil, image: fields["image"], expectedPlaces: places)
                    example.files = fields["files"]
                    example.context = fields["context"]
                    example.settings = fields["settings"]
                    out.append(example)
                    continue
                }
                guard let source = fields["dockerfile"]?.string else {
                    throw RuleLoadError(file: path, problem: "\(label) needs a 'dockerfile', an 'image' or 'files'")
                }
                let (text, lines) = RuleExample.markedLines(source)
                if expectation == .fire && lines.isEmpty {
                    throw RuleLoadError(file: path, problem: "fire example \(i + 1) marks no line with ↓")
                }
                if expectation == .pass && !lines.isEmpty {
                    throw RuleLoadError(file: path, problem: "pass example \(i + 1) must not mark lines")
                }
                out.append(RuleExample(
                    expectation: expectation, number: i + 1, dockerfile: text, expectedLines: lines,
                    hasDockerignore: fields["dockerignore"]?.bool ?? true, target: fields["target"]?.string
                ))
            }
        }
        return out
    }
}
