#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the identifier around a keyword (`DB_PASSWORD`, `tokenizer`) names a secret,
/// judged once per distinct identifier of a file: a config repeats its keys, and judging
/// one means building a String and running the name rules.
struct SecretNameJudgements {
    private struct Entry {
        let range: Range<Int>
        let isSecret: Bool
    }

    /// FNV-1a of the identifier's bytes → where it was first seen and its judgement.
    private var entries: [UInt64: Entry] = [:]

    /// The judgement for the identifier (`A-Za-z0-9_.-`, at most 128 bytes either side)
    /// that holds `range`.
    mutating func judge(_ base: UnsafePointer<UInt8>, count: Int, around range: Range<Int>,
                        _ validator: SecretValidator) -> Bool {
        let name = Self.identifier(base, count: count, around: range)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for p in name { hash = (hash ^ UInt64(base[p])) &* 0x0000_0100_0000_01B3 }
        if let known = entries[hash], known.range.count == name.count,
           memcmp(base + known.range.lowerBound, base + name.lowerBound, name.count) == 0 {
            return known.isSecret
        }
        let isSecret = validator.isSecretName(String(decoding: UnsafeBufferPointer(start: base + name.lowerBound, count: name.count), as: UTF8.self))
        if entries[hash] == nil { entries[hash] = Entry(range: name, isSecret: isSecret) }
        return isSecret
    }

    static func identifier(_ base: UnsafePointer<UInt8>, count: Int, around range: Range<Int>) -> Range<Int> {
        func part(_ b: UInt8) -> Bool { SecretScanner.isIdentifier(b) || b == 0x2E || b == 0x2D }
        var from = range.lowerBound, to = range.upperBound
        while from > 0, range.lowerBound - from < 128, part(base[from - 1]) { from -= 1 }
        while to < count, to - range.upperBound < 128, part(base[to]) { to += 1 }
        return from..<to
    }
}
