import Testing
@testable import SecretScanning

/// The engine with small kinds written here, so each behaviour is tested on its own; the
/// real kinds in Rules/secrets/ are tested through their examples and the corpus.
@Suite struct SecretScannerTests {
    static let kinds: [SecretKind] = [
        SecretKind(id: "github-token", name: "GitHub token", severity: "critical", keywords: ["ghp_"],
                   pattern: #"(?<![A-Za-z0-9_])(?P<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"#),
        SecretKind(id: "aws-access-key-id", name: "AWS access key ID", severity: "high", keywords: ["akia"],
                   pattern: #"(?<![A-Z0-9])(?P<secret>AKIA[A-Z2-7]{16})(?![A-Z0-9])"#, documentation: ["AKIAIOSFODNN7EXAMPLE"]),
        SecretKind(id: "url-password", name: "password in a URL", severity: "high", keywords: ["://"],
                   pattern: #"[a-z][a-z0-9+.-]{1,20}://[^\s/:@]+:(?P<secret>[^\s/@]{3,})@[A-Za-z0-9.-]+"#),
        SecretKind(id: "private-key", name: "private key", severity: "critical", keywords: ["private key"],
                   pattern: #"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----[\s\S]{0,8000}?-----END (?:RSA |EC |OPENSSH )?PRIVATE KEY-----"#,
                   multiline: true, validation: .privateKey),
        SecretKind(id: "jwt", name: "JSON web token", severity: "medium", keywords: ["eyj"],
                   pattern: #"(?<![A-Za-z0-9_-])(?P<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{8,})"#, validation: .jwt),
        SecretKind(id: "generic-password", name: "password", severity: "high", keywords: ["password", "secret"],
                   pattern: #"(?i)(?P<key>[a-z0-9_.-]*(?:password|secret)[a-z0-9_.-]*)["']?\s*[:=]\s*["']?(?P<secret>[^\s"',;]{1,200})"#,
                   validation: .generic),
        SecretKind(id: "pgpass", name: ".pgpass entry", severity: "high", keywords: [],
                   pattern: #"^[^:\s#]+:(?:\d+|\*):[^:\s]+:[^:\s]+:(?P<secret>\S+)$"#, paths: [".pgpass"]),
    ]

    static let scanner = SecretScanner(rules: try! SecretRuleSet(
        kinds: kinds, placeholders: ["changeme", "*example*", "<*>", "your-*"],
        isSecretName: { name in ["password", "secret"].contains { name.lowercased().contains($0) } && !name.lowercased().hasSuffix("_file") }
    ))

    func kinds(_ text: String, file: String = "x.txt") -> [String] {
        Self.scanner.scan(text, fileName: file).map(\.kindID)
    }

    static let token = "ghp_" + "R8x2kLm4Nq7Vw1Zt9Yc3Bf6Hd5Js0Pa2Ue4G"

    @Test func tokenEndsAtAnyDelimiter() {
        for end in ["<", ")", ",", "\"", "'", ";", " ", "\n", "]", "}", ""] {
            #expect(kinds("token=\(Self.token)\(end)") == ["github-token"], "ending with \(end.debugDescription)")
        }
        #expect(kinds("x\(Self.token)").isEmpty, "inside a longer word")
        #expect(kinds("\(Self.token)Z").isEmpty, "one character too long")
        #expect(kinds(String(Self.token.dropLast())).isEmpty, "one character short")
    }

    @Test func reportsLinesAndRedacts() {
        let text = "a\nb\n\nkey: \(Self.token)\n"
        let match = Self.scanner.scan(text).first
        #expect(match?.line == 4)
        #expect(match?.redacted == "ghp_****")
        #expect(match?.secret == Self.token)
    }

    @Test func documentationValuesAreMarkedNotDropped() {
        let matches = Self.scanner.scan("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\nother = AKIAZ7Q4WJ3KLM5N2XPQ\n")
        #expect(matches.map(\.isDocumentation) == [true, false])
    }

    @Test func placeholdersAndReferencesAreNotSecrets() {
        #expect(kinds("postgres://app:${DB_PASSWORD}@db/app").isEmpty)
        #expect(kinds("postgres://app:changeme@db/app").isEmpty)
        #expect(kinds("postgres://app:<password>@db/app").isEmpty)
        #expect(kinds("postgres://app:xxxxxxxx@db/app").isEmpty)
        #expect(kinds("postgres://app:S3cr!tPw@db/app") == ["url-password"])
    }

    @Test func genericAssignmentsAreJudgedByKeyAndValue() {
        #expect(kinds("DB_PASSWORD=Xk9#mP2v!L7q", file: ".env") == ["generic-password"])
        #expect(kinds("password: \"p@ss!w0rd#2024\"", file: "a.yml") == ["generic-password"])
        #expect(kinds("DB_PASSWORD_FILE=/run/secrets/db", file: ".env").isEmpty)
        #expect(kinds("password = get_password()", file: "app.py").isEmpty)
        #expect(kinds("password = os.environ", file: "app.py").isEmpty)
        #expect(kinds("password: str", file: "models.py").isEmpty)
        #expect(kinds("DB_PASSWORD=$DB_PASSWORD", file: ".env").isEmpty)
        #expect(kinds("secret = 'my_secret_key'", file: "a.py").isEmpty)
        #expect(kinds("password = 'Xk9#mP2v!L7q'", file: "a.py") == ["generic-password"])
    }

    @Test func privateKeyNeedsABody() {
        let body = (0..<6).map { _ in "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj" }.joined(separator: "\n")
        #expect(kinds("-----BEGIN PRIVATE KEY-----\n\(body)\n-----END PRIVATE KEY-----\n") == ["private-key"])
        #expect(kinds("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n").isEmpty)
        #expect(kinds("-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----\n").isEmpty)
        // JSON keeps a PEM on one line with \n escapes (service-account files).
        let escaped = "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n\(body.replacingOccurrences(of: "\n", with: "\\n"))\\n-----END PRIVATE KEY-----\\n\"}"
        #expect(kinds(escaped) == ["private-key"])
    }

    @Test func jwtMustDecodeToJSON() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsaWNlIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        #expect(kinds("Authorization: Bearer \(jwt)") == ["jwt"])
        #expect(kinds("eyJhbGciOiJIUzI1NiJ9xx.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fw").isEmpty, "header does not decode")
    }

    @Test func theMoreSpecificKindWinsOverlaps() {
        #expect(kinds("https://deploy:\(Self.token)@github.com/acme/app.git") == ["github-token"])
    }

    @Test func twoSecretsInOneFileAreTwo() {
        #expect(kinds("a=\(Self.token)\nb=ghp_Z8x2kLm4Nq7Vw1Zt9Yc3Bf6Hd5Js0Pa2Ue4G\n") == ["github-token", "github-token"])
    }

    @Test func allowCommentsSuppressTheirLine() {
        #expect(kinds("t=\(Self.token) # todoaudit:allow\nu=\(Self.token)\n").count == 1)
        #expect(kinds("t=\(Self.token) // gitleaks:allow").isEmpty)
        #expect(kinds("t=\(Self.token)  # pragma: allowlist secret").isEmpty)
    }

    @Test func pathGatedKindsRunOnlyOnTheirFiles() {
        let line = "db.internal:5432:app:app:Xk9mP2vL7q\n"
        #expect(kinds(line, file: ".pgpass") == ["pgpass"])
        #expect(kinds(line, file: "notes.txt").isEmpty)
    }

    @Test func invalidUTF8AndNULBytesAreScannedAsBytes() {
        var bytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x28, 0x0A]
        bytes += Array("token \(Self.token)\n".utf8) + [0x80, 0x00, 0x9F]
        let matches = Self.scanner.scan(bytes, fileName: "blob")
        #expect(matches.map(\.kindID) == ["github-token"])
        #expect(matches.first?.line == 2)
        #expect(Self.scanner.scan([UInt8](repeating: 0, count: 1 << 20)).isEmpty)
        #expect([UInt8](repeating: 0, count: 10).withUnsafeBytes(SecretScanner.isBinary))
        #expect(!Array("plain text".utf8).withUnsafeBytes(SecretScanner.isBinary))
    }

    /// Bounded work on hostile input: a 10 MB line, a run of keywords, a run of one
    /// character the patterns' quantifiers could backtrack over. Each must finish (no
    /// timing asserted) and find the one real secret planted at the end.
    @Test(arguments: ["a", "password", "ghp_", "postgres://", "A", "eyJ", "=", "-----BEGIN PRIVATE KEY-----"])
    func pathologicalInputsStayLinear(_ unit: String) {
        var text = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        text += "\nkey=\(Self.token)\n"
        let matches = Self.scanner.scan(text)
        #expect(matches.contains { $0.secret == Self.token })
        #expect(matches.count <= SecretScanner.maxPerFile)
    }

    @Test func entropyAndPlaceholderShapes() {
        #expect(Entropy.bits(Array("aaaa".utf8)) == 0)
        #expect(Entropy.bits(Array("abcd".utf8)) == 2)
        #expect(Placeholder.isMonotone("abcdefgh"))
        #expect(Placeholder.isMonotone("12121212"))
        #expect(!Placeholder.isMonotone("Xk9mP2vL"))
        #expect(Placeholder.isReference("${db_password}"))
        #expect(Placeholder.isReference("$db_password"))
        #expect(Placeholder.isReference("%appdata%"))
    }

    @Test func base64CredentialsDecodeToUserAndPassword() {
        let validator = SecretValidator(placeholder: Placeholder(globs: ["changeme"]), isSecretName: { _ in true })
        #expect(validator.isBase64Credentials(Array("ZGVwbG95OlhrOW1QMnZMN3E=".utf8)))   // deploy:Xk9mP2vL7q
        #expect(!validator.isBase64Credentials(Array("ZGVwbG95OmNoYW5nZW1l".utf8)))     // deploy:changeme
        #expect(!validator.isBase64Credentials(Array("bm90IGNyZWRlbnRpYWxz".utf8)))     // no colon
    }
}
