/// Whether the value of a `password = …` style assignment is a literal secret rather than
/// a reference, a type, a path or prose. Judged with the key name (done by the caller).
enum ValueShape {
    static let typeNames: Set<String> = [
        "str", "string", "int", "integer", "bool", "boolean", "none", "null", "nil", "undefined", "true", "false",
        "required", "optional", "text", "varchar", "bytes", "secretstr", "secretbytes", "any", "object", "number",
        "char", "hidden", "password", "secret", "token", "string;", "str,", "self", "this", "new", "await", "function",
    ]
    static let hashPrefixes = ["$2a$", "$2b$", "$2y$", "$argon2", "$1$", "$5$", "$6$", "$pbkdf2", "pbkdf2_", "sha1$", "md5$", "{ssha}", "{sha}", "{bcrypt}"]
    /// Values that point somewhere instead of being the secret: URLs, paths, secret-store
    /// references, and a package manifest's dependency sources (`npm:`, `workspace:`, `git+`).
    static let referencePrefixes = [
        "http://", "https://", "/", "./", "../", "~/", "file:", "env:", "vault:", "arn:", "secretsmanager:", "ssm:",
        "npm:", "workspace:", "link:", "git+", "github:", "catalog:", "patch:", "portal:",
    ]
    static let secretWords = ["password", "passwd", "secret", "token", "key", "pass", "auth", "api", "credential"]
    static let codeExtensions: Set<String> = [
        "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "go", "rb", "php", "java", "kt", "kts", "scala", "cs", "swift",
        "rs", "c", "cc", "cpp", "h", "hpp", "groovy", "dart", "lua", "pl", "vue", "svelte", "pyi",
    ]

    static func isCodeFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return codeExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    static func looksLikeSecret(_ raw: String, quoted: Bool, inCode: Bool) -> Bool {
        let value = raw
        let bytes = Array(value.utf8)
        guard bytes.count >= 6, bytes.count <= 500 else { return false }
        // Unquoted in source code, a value is an expression: `password = get_password()`.
        if !quoted && inCode { return false }
        let lower = value.lowercased()
        if typeNames.contains(lower) { return false }
        if hashPrefixes.contains(where: { lower.hasPrefix($0) }) { return false }
        if Self.referencePrefixes.contains(where: { lower.hasPrefix($0) }) { return false }
        if [".pem", ".key", ".json", ".txt", ".crt", ".p12", ".pfx", ".yaml", ".yml", ".env", ".jks", ".cer"]
            .contains(where: { lower.hasSuffix($0) }) { return false }
        // Prose: words and spaces only ("Enter your password").
        if bytes.contains(0x20) && bytes.allSatisfy({ isLetter($0) || $0 == 0x20 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "'") }) {
            return false
        }
        if bytes.filter({ $0 == 0x20 }).count >= 2 { return false }
        // A constant's or variable's name (`DB_PASSWORD`, `settings.SECRET_KEY`, `os.environ[...]`).
        if bytes.allSatisfy({ isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) && bytes.contains(where: isUpper)
            && (bytes.contains(UInt8(ascii: "_")) || !bytes.contains(where: isDigit)) { return false }
        if !quoted && isDottedName(bytes) { return false }
        if isCall(bytes) { return false }
        if ["os.environ", "os.getenv", "getenv(", "process.env", "env[", "env.fetch", "system.getenv", "config.", "settings.", "secrets."]
            .contains(where: { lower.contains($0) }) { return false }
        // Words joined by separators that name the secret instead of being it (`my_secret_key`).
        if bytes.allSatisfy({ isLower($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            && secretWords.contains(where: { lower.contains($0) }) { return false }
        if bytes.allSatisfy(isDigit) && bytes.count < 8 { return false }
        if isVersionRange(bytes) { return false }
        if inCode && isWordsInPunctuation(bytes) { return false }
        return Entropy.bits(bytes) >= 2.2
    }

    /// A dependency's version or range (`^3.0.2`, `~0.6.0`, `>=1.1.16`, `v2.4`, `1.x`): a
    /// package.json key such as `"js-tokens"` or `"passport"` holds these.
    static func isVersionRange(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        while let first = rest.first, "^~<>=v ".utf8.contains(first) { rest = rest.dropFirst() }
        guard let first = rest.first, isDigit(first), rest.contains(UInt8(ascii: ".")) else { return false }
        return rest.allSatisfy { isDigit($0) || isLetter($0) || ".-+*x |<>=^~".utf8.contains($0) }
            && !rest.contains { isUpper($0) }
    }

    /// In code: an identifier or words wrapped in punctuation, no digits (`'overEvery'`,
    /// `'same-origin'`, `"require("`, `"?NonExpressionParenEnd"`): enum-like strings,
    /// lexer tokens and option values, not secrets. Random letters-only tokens keep passing,
    /// since their capitals do not fall into word humps.
    static func isWordsInPunctuation(_ bytes: [UInt8]) -> Bool {
        guard !bytes.contains(where: isDigit) else { return false }
        var core = bytes[...]
        while let first = core.first, !isLetter(first) { core = core.dropFirst() }
        while let last = core.last, !isLetter(last) { core = core.dropLast() }
        guard !core.isEmpty, core.count <= 40 else { return core.isEmpty }
        // lower-case words joined by - _ . / : (`same-origin`, `text/plain`).
        if core.allSatisfy({ isLower($0) || "-_./:".utf8.contains($0) }) { return true }
        // camelCase or PascalCase humps of a capital and 2+ lower-case letters.
        guard core.allSatisfy(isLetter) else { return false }
        var index = core.startIndex
        var lowerRun = 0
        while index < core.endIndex {
            let b = core[index]
            if isUpper(b) {
                if index != core.startIndex && lowerRun < 2 { return false }
                lowerRun = 0
            } else {
                lowerRun += 1
            }
            index += 1
        }
        return lowerRun >= 2
    }

    static func isLetter(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
    static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    static func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == UInt8(ascii: "_") }

    /// `a.b.c` made of identifiers.
    static func isDottedName(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(UInt8(ascii: ".")), let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy(isNameByte) && !isDigit(part.first!)
        }
    }

    /// `name(…)` or `a.b(…)`: a function call.
    static func isCall(_ bytes: [UInt8]) -> Bool {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), open > 0, bytes.last == UInt8(ascii: ")") else { return false }
        return bytes[..<open].allSatisfy { isNameByte($0) || $0 == UInt8(ascii: ".") }
    }
}
