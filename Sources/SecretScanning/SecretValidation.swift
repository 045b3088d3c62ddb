import Foundation

/// The structure checks a kind can ask for, beyond its pattern.
struct SecretValidator: Sendable {
    let placeholder: Placeholder
    let isSecretName: @Sendable (String) -> Bool

    /// Whether a candidate of a kind with `validation` is a real secret. `whole` is the
    /// pattern's entire match (a PEM block, `key = "value"`), `quoted` whether a quote
    /// sits right before the secret.
    func accepts(_ validation: SecretKind.Validation, secret: [UInt8], whole: [UInt8], quoted: Bool, fileName: String) -> Bool {
        switch validation {
        case .jwt: return Self.isJWT(secret)
        case .base64Credentials: return isBase64Credentials(secret)
        case .privateKey: return Self.hasKeyBody(whole)
        case .generic:
            // The key was judged first (`SecretScanner.judge`): the cheapest test.
            return ValueShape.looksLikeSecret(String(decoding: secret, as: UTF8.self), quoted: quoted,
                                              inCode: ValueShape.isCodeFile(fileName))
        }
    }

    /// Three base64url parts; the first two decode to JSON objects and the header names
    /// its algorithm.
    static func isJWT(_ token: [UInt8]) -> Bool {
        let parts = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 10, parts[1].count >= 4,
              let header = Base64.decode(parts[0]), let payload = Base64.decode(parts[1]) else { return false }
        return isJSONObject(header) && isJSONObject(payload) && ByteSearch.contains(header, Array("\"alg\"".utf8))
    }

    static func isJSONObject(_ bytes: [UInt8]) -> Bool {
        let trimmed = bytes.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return trimmed.first == UInt8(ascii: "{") && trimmed.last == UInt8(ascii: "}")
            && trimmed.allSatisfy { $0 >= 0x20 || $0 == 0x09 }
    }

    /// base64 of printable `user:password` whose password is not a placeholder.
    func isBase64Credentials(_ token: [UInt8]) -> Bool {
        guard let decoded = Base64.decode(token), decoded.count >= 3,
              decoded.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }),
              let colon = decoded.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let password = String(decoding: decoded[(colon + 1)...], as: UTF8.self)
        return !password.isEmpty && !placeholder.matches(password)
    }

    /// A private key block with a body: enough base64 between the armour lines (JSON's
    /// `\n` escapes and PEM headers such as `Proc-Type:` aside), not an elided `...`.
    static func hasKeyBody(_ block: [UInt8]) -> Bool {
        let text = String(decoding: block, as: UTF8.self)
        var body = 0
        var longest = 0
        var current = 0
        for line in text.replacingOccurrences(of: "\\n", with: "\n").split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"',\\"))
            if trimmed.hasPrefix("-----") || trimmed.contains(": ") || trimmed.isEmpty { continue }
            if trimmed.contains("...") || trimmed.contains("…") || trimmed.contains("<") { return false }
            for ch in trimmed.utf8 {
                if Self.isBase64Byte(ch) { body += 1; current += 1; longest = max(longest, current) } else { current = 0 }
            }
            current = 0
        }
        return body >= 64 && longest >= 24
    }

    static func isBase64Byte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "=")
    }
}
