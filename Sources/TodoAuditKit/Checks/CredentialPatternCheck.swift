import DockerfileSyntax

/// Well-known credential formats written into any instruction or heredoc: AWS key ids,
/// private key blocks, GitHub tokens, passwords in URLs. Patterns are data
/// (`Rules/data/credential-patterns.yml`); a cheap keyword test gates each regex.
struct CredentialPatternCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let placeholders = SecretPlaceholder(input.list("secret-placeholders"))
        let patterns = CredentialPattern.all(input.list("credential-patterns"))
        var out: [Violation] = []
        for instruction in facts.dockerfile.instructions {
            let texts = [instruction.arguments] + instruction.heredocs.map(\.body)
            var seen = Set<String>()
            for text in texts {
                for pattern in patterns {
                    guard let secret = pattern.firstMatch(in: text), !placeholders.isPlaceholder(secret),
                          seen.insert(pattern.id).inserted else { continue }
                    out.append(Violation(
                        instruction,
                        "\(pattern.name) written into the Dockerfile; it ends up in the image or its history. Use a build secret and rotate this credential",
                        evidence: Redaction.redact(secret)
                    ))
                }
            }
        }
        return out
    }
}

/// One entry of `credential-patterns.yml`.
struct CredentialPattern {
    let id: String
    let name: String
    let keywords: [String]
    let pattern: String
    /// Which capture group holds the secret (0 = the whole match).
    let group: Int

    static func all(_ data: RuleData) -> [CredentialPattern] {
        guard case .list(let items) = data else { return [] }
        return items.compactMap { item in
            guard let id = item["id"]?.string, let pattern = item["pattern"]?.string else { return nil }
            return CredentialPattern(
                id: id, name: item["name"]?.string ?? id, keywords: item["keywords"]?.strings ?? [],
                pattern: pattern, group: item["group"]?.int ?? 0
            )
        }
    }

    var regex: Regex<AnyRegexOutput>? { CompiledRegex.shared.regex(pattern) }

    func firstMatch(in text: String) -> String? {
        // The keyword test is cheap; the regex is compiled only when a keyword is present.
        if !keywords.isEmpty && !TextSearch.containsAny(text, keywords) { return nil }
        guard let regex else { return nil }
        guard let match = try? regex.firstMatch(in: text), group < match.output.count,
              let found = match.output[group].substring else { return nil }
        return String(found)
    }
}
