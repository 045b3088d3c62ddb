import Foundation

// Usage: RulesEmbedder RULES_DIR OUTPUT.swift
// Writes `enum EmbeddedRules { static let files: [(String, String)] }` with every .yml
// under RULES_DIR (relative path, text), sorted by path so the output is deterministic.

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

var source = "// Generated from Rules/ by RulesEmbedder at build time. Do not edit.\n"
source += "enum EmbeddedRules {\n    static let files: [(String, String)] = [\n"
for path in paths {
    guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
          let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("RulesEmbedder: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    source += "        (\(literal(path)), \(literal(text))),\n"
}
source += "    ]\n}\n"
do {
    try source.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("RulesEmbedder: cannot write \(arguments[2]): \(error)\n".utf8))
    exit(1)
}
