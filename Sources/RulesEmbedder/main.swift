import Foundation
import Yams

// Usage: RulesEmbedder RULES_DIR OUTPUT.swift
// Writes `enum EmbeddedRules { static let files: [(String, String)] }` with every .yml
// under RULES_DIR as (relative path, JSON), sorted by path so the output is deterministic.
// YAML is parsed here, at build time, because parsing it at every start cost the CLI
// more than auditing a Dockerfile; all scalars become JSON strings, as RuleData holds them.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: RulesEmbedder RULES_DIR OUTPUT\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1])
let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
    .filter { $0.hasSuffix(".yml") }
    .sorted()

func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Every scalar as a string; maps and lists kept.
func stringLeaves(_ value: Any?) -> Any {
    switch value {
    case let s as String: return s
    case let b as Bool: return b ? "true" : "false"
    case let i as Int: return String(i)
    case let d as Double: return String(d)
    case let a as [Any]: return a.map(stringLeaves)
    case let m as [String: Any]: return m.mapValues(stringLeaves)
    case let m as [AnyHashable: Any]:
        var out: [String: Any] = [:]
        for (k, v) in m { out["\(k)"] = stringLeaves(v) }
        return out
    default: return ""
    }
}

func jsonText(_ value: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
}

var source = "// Generated from Rules/ by RulesEmbedder at build time. Do not edit.\n"
// Secret kinds' examples are most of the bytes; they go to a table of their own that only
// the tests and `todoaudit rules` parse, so a scan's start-up does not pay for them.
var examples = ""
source += "enum EmbeddedRules {\n    static let files: [(String, String)] = [\n"
for path in paths {
    guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
          let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("RulesEmbedder: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    let json: String
    do {
        var value = stringLeaves(try Yams.load(yaml: text))
        if path.hasPrefix("secrets/"), var map = value as? [String: Any], let kept = map.removeValue(forKey: "examples") {
            examples += "        (\(literal(path)), \(literal(try jsonText(kept)))),\n"
            value = map
        }
        json = try jsonText(value)
    } catch {
        FileHandle.standardError.write(Data("RulesEmbedder: Rules/\(path) is not valid YAML: \(error)\n".utf8))
        exit(1)
    }
    source += "        (\(literal(path)), \(literal(json))),\n"
}
source += "    ]\n    static let secretExamples: [(String, String)] = [\n" + examples
source += "    ]\n}\n"
do {
    try source.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("RulesEmbedder: cannot write \(arguments[2]): \(error)\n".utf8))
    exit(1)
}
