import SecretScanning

/// Judges whether a variable name says it holds a secret, from `Rules/data/secret-names.yml`.
/// Names are split into words at `_ - .` and case changes, so `KEYCLOAK_VERSION` has no `KEY`
/// and `apiKey` has one.
struct SecretName {
    let words: Set<String>
    let suffixes: [String]
    let keyQualifiers: Set<String>
    let compoundKeys: Set<String>
    let publicWords: Set<String>
    let knobs: Set<String>

    init(_ data: RuleData) {
        func set(_ key: String) -> Set<String> { Set((data[key]?.strings ?? []).map { $0.lowercased() }) }
        words = set("words")
        suffixes = (data["suffixes"]?.strings ?? []).map { $0.lowercased() }
        keyQualifiers = set("key-qualifiers")
        compoundKeys = set("compound-keys")
        publicWords = set("public")
        knobs = set("knobs")
    }

    func isSecret(_ name: String) -> Bool {
        let parts = Self.split(name)
        guard let last = parts.last else { return false }
        if knobs.contains(last) { return false }
        if parts.contains(where: publicWords.contains) { return false }
        for (i, part) in parts.enumerated() {
            // `PWD` alone is the working directory, not a password.
            if part == "pwd" && parts.count == 1 { continue }
            if words.contains(part) || compoundKeys.contains(part) { return true }
            if suffixes.contains(where: { part.hasSuffix($0) && part.count > $0.count + 1 }) { return true }
            if part == "key" || part == "keys", i > 0, keyQualifiers.contains(parts[i - 1]) { return true }
        }
        return false
    }

    /// The words of a name, lower-cased. ASCII names (nearly all) are split over their
    /// bytes: the secret scanner asks for every key it meets.
    static func split(_ name: String) -> [String] {
        var contiguous = name
        return contiguous.withUTF8(splitASCII) ?? splitCharacters(name)
    }

    /// nil when the name is not ASCII.
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var parts: [String] = []
        var start = 0
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func flush(_ end: Int) {
            guard end > start else { return }
            parts.append(String(decoding: bytes[start..<end].map { isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        for (i, b) in bytes.enumerated() {
            if b >= 0x80 { return nil }
            if b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                flush(i)
                start = i + 1
            } else if i > start, isLower(bytes[i - 1]), isUpper(b) {
                flush(i)
                start = i
            }
        }
        flush(bytes.count)
        return parts
    }

    private static func splitCharacters(_ name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character?
        for c in name {
            if c == "_" || c == "-" || c == "." {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                if let p = previous, p.isLowercase, c.isUppercase, !current.isEmpty {
                    parts.append(current)
                    current = ""
                }
                current.append(c)
            }
            previous = c
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map { $0.lowercased() }
    }
}

/// Values that are clearly not real secrets: placeholders, references, booleans.
struct SecretPlaceholder {
    let patterns: [Glob]

    init(_ data: RuleData) {
        patterns = data.strings.map { Glob($0.lowercased()) }
    }

    func isPlaceholder(_ value: String) -> Bool {
        let v = value.lowercased()
        if v.isEmpty || v.hasPrefix("$") || Self.isFilePath(value) { return true }
        if let first = v.first, v.count >= 3, v.allSatisfy({ $0 == first }) { return true }
        return patterns.contains { $0.matches(v) }
    }

    /// `GOOGLE_APPLICATION_CREDENTIALS=/secrets/gcp.json`, `JWT_SECRET=/run/secrets/jwt`: a
    /// path names where the secret is, it is not the secret.
    static func isFilePath(_ value: String) -> Bool {
        var rest = Substring(value)
        if rest.hasPrefix("~/") || rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        else if rest.hasPrefix("/") { rest = rest.dropFirst() }
        else { return false }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        return !rest.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.contains(where: \.isLetter) && part.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
        }
    }
}

/// Shows the first characters of a secret and hides the rest.
enum Redaction {
    /// The secret engine's redaction, so every report shows secrets the same way.
    static func redact(_ value: String) -> String { SecretRedaction.redact(value) }
}
