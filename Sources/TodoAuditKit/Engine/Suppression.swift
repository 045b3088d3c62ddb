import DockerfileSyntax

/// `# todoaudit ignore=NAME[,NAME]` in the comment lines right above an instruction.
/// `# hadolint ignore=DL3002` is honoured too, for rules that list that hadolint id, so
/// existing Dockerfiles keep their reviewed exceptions.
struct Suppression {
    private let commentsByLine: [Int: String]

    init(_ dockerfile: Dockerfile) {
        var map: [Int: String] = [:]
        for comment in dockerfile.comments { map[comment.line] = comment.text }
        commentsByLine = map
    }

    func suppresses(_ rule: Rule, atLine line: Int) -> Bool {
        var l = line - 1
        while let text = commentsByLine[l] {
            for (tool, names) in Self.pragmas(text) {
                if tool == "todoaudit" && (names.contains(rule.name) || names.contains(rule.id.lowercased()) || names.contains("all")) {
                    return true
                }
                if tool == "hadolint" && rule.references.contains(where: { names.contains($0.lowercased()) }) {
                    return true
                }
            }
            l -= 1
        }
        return false
    }

    /// `todoaudit ignore=a,b` → ("todoaudit", [a, b]).
    static func pragmas(_ text: String) -> [(String, Set<String>)] {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words[0] == "todoaudit" || words[0] == "hadolint",
              words[1].hasPrefix("ignore=") else { return [] }
        let names = words[1].dropFirst("ignore=".count).split(separator: ",").map { $0.lowercased() }
        return [(String(words[0]), Set(names))]
    }
}
