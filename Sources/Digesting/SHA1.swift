import CCrypto

/// SHA-1, only to name files the way other indexes do (Maven Central finds a jar by its
/// SHA-1), never to check integrity.
public enum SHA1 {
    /// One-shot digest of a buffer as 40 lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { out in
                _ = EVP_Digest(input.baseAddress, input.count, out.baseAddress, &length, EVP_sha1(), nil)
            }
        }
        return lowercaseHex(digest.prefix(Int(length)))
    }
}

/// Bytes as lowercase hex digits, two per byte.
func lowercaseHex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 15)])
    }
    return String(decoding: out, as: UTF8.self)
}
