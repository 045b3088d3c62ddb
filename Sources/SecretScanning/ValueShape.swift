/// Whether the value of a `password = …` style assignment is a literal secret rather than
/// a reference, a type, a path or prose. Judged with the key name (done by the caller).
enum ValueShape {
    static let typeNames: Set<String> = [
        "str", "string", "int", "integer", "bool", "boolean", "none", "null", "nil", "undefined", "true", "false",
        "required", "optional", "text", "varchar", "bytes", "secretstr", "secretbytes", "any", "object", "number",
        "char", "hidden", "password", "secret", "token", "string;", "str,", "self", "this", "new", "await", "function",
    ]
    static let hashPrefixes = ["$2a$", "$2b$", "$2y$", "$argon2", "$1$", "$5$", "$6$", "$pbkdf2", "pbkdf2_", "sha1$", "md5$", "{ssha}", "{sha}", "{bcrypt}"]
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
        if ["http://", "https://", "/", "./", "../", "~/", "file:", "env:", "vault:", "arn:", "secretsmanager:", "ssm:"]
            .contains(where: { lower.hasPrefix($0) }) { return false }
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
        return Entropy.bits(bytes) >= 2.2
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
