import CCrypto

/// A streaming SHA-256 over OpenSSL's EVP API, for checking layer and config digests
/// while the bytes stream past. Owns its EVP context; no C pointer leaves this type.
public final class SHA256 {
    private let context: OpaquePointer
    private var finished: String?

    public init() {
        // EVP_MD_CTX_new only fails when out of memory: nothing sensible to recover.
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL: out of memory") }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(finished == nil, "SHA256.update after finalize")
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest as 64 lowercase hex digits; calling it again returns the same value.
    public func finalize() -> String {
        if let finished { return finished }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        digest.withUnsafeMutableBufferPointer { _ = EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        let hex = lowercaseHex(digest.prefix(Int(length)))
        finished = hex
        return hex
    }

    /// One-shot digest of a small buffer (a config or manifest blob).
    public static func hex(_ bytes: [UInt8]) -> String {
        let hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }
}
