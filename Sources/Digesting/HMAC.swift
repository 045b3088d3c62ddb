import CCrypto

/// HMAC-SHA256 with OpenSSL's one-shot API: a keyed digest, so a fingerprint of a short
/// secret cannot be reversed by hashing candidate passwords without the key.
public enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`, as lowercase hex.
    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                out.withUnsafeMutableBufferPointer { o in
                    // Non-nil base addresses even for empty inputs: OpenSSL rejects NULL data.
                    let empty: UInt8 = 0
                    withUnsafePointer(to: empty) { zero in
                        _ = HMAC(EVP_sha256(), k.baseAddress ?? UnsafeRawPointer(zero), Int32(k.count),
                                 m.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? zero, m.count,
                                 o.baseAddress, &length)
                    }
                }
            }
        }
        return out.prefix(Int(length)).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
